import type { DataTableRecord } from "../state/architect/datatables";
import type { EmergencyGroupRecord } from "../state/architect/emergencygroups";
import { parseArchyYaml, type ArchyReference } from "../state/architect/archy";
import type {
  Ivr,
  BullseyeRing,
  Division,
  Language,
  OAuthClient,
  Queue,
  Schedule,
  ScheduleGroup,
  Skill,
  WrapupCode,
} from "../state/entities";
import type { FlowRecord } from "../state/architect/flows";
import type { PromptAssetRecord, PromptRecord } from "../state/architect/prompts";
import { DEFAULT_FLOWS } from "./default-flows";
import { newClientSecret, uuidFromSeed } from "../state/ids";
import type { OrgInit } from "../state/org-store";
import { checkRrule, checkTimeZone, normalizeLocalDateTime } from "../state/architect/schedule-rules";
import type { OrgSettings } from "../state/settings";
import { findMetabase, isConnected, type Site, type TrunkBaseRecord, type TrunkRecord } from "../state/telephony/store";
import { inPool, type DidPoolRecord, type EdgeGroupRecord, type OrgRefsInit } from "../state/org-refs";
import { E164 } from "../state/architect/ivrs";
import type { GroupRecord, UserRecord } from "../state/directory/store";
import type { DataActionRecord, IntegrationRecord } from "../state/integrations/store";
import { SYSTEM_PROMPTS } from "./system-prompts";
import { EMPTY_SEED } from "./empty";
import { REGIONS_SEED } from "./regions";
import { SAMPLE_SEED } from "./sample";
import type { SeedData, SeedFlow, SeedOrg } from "./types";

export type { SeedData, SeedOrg } from "./types";

export const SEED_NAMES = ["sample", "empty", "regions"] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export const SEEDS: Record<SeedName, SeedData> = {
  sample: SAMPLE_SEED,
  empty: EMPTY_SEED,
  regions: REGIONS_SEED,
};

export function isSeedName(value: string): value is SeedName {
  return (SEED_NAMES as readonly string[]).includes(value);
}

/** Seed timestamps are fixed so that a freshly seeded state dump is identical on every run. */
const SEED_EPOCH_MS = Date.UTC(2024, 2, 1, 9, 0, 0);

function seedTime(index: number): string {
  return new Date(SEED_EPOCH_MS + index * 60_000).toISOString();
}

/** Seed flows, parsed: published version 1.0 of each, ids derived from (org, type, name). */
function buildFlows(org: SeedOrg, client: OAuthClient, divisionId: (name: string) => string): FlowRecord[] {
  // Every org, even an empty one, has the default flows (see default-flows.ts); a seed flow of the same
  // name and type (a copy of a real org's default flow, with its id) takes its place.
  const parse = (f: SeedFlow) => {
    const parsed = parseArchyYaml(f.yaml);
    if (!parsed.ok) throw new Error(`seed org ${org.name}: bad flow YAML: ${parsed.errors.join("; ")}`);
    return { f, doc: parsed.doc };
  };
  const own = (org.flows ?? []).map(parse);
  const key = (d: { type: string; name: string }) => `${d.type}/${d.name.toLowerCase()}`;
  const taken = new Set(own.map(({ doc }) => key(doc)));
  const defaults = DEFAULT_FLOWS.map(parse).filter(({ doc }) => !taken.has(key(doc)));
  return [...defaults, ...own].map(({ f, doc }, i) => {
    const flow: FlowRecord = {
      id: f.id ?? uuidFromSeed(`${org.name}/flow/${doc.type}/${doc.name}`),
      name: doc.name,
      type: doc.type,
      divisionId: divisionId(doc.division ?? org.divisions.find((d) => d.home)?.name ?? ""),
      active: true,
      versions: [
        {
          id: "1.0",
          yaml: f.yaml,
          references: doc.references,
          createdByClientId: client.clientId,
          dateCreated: SEED_EPOCH_MS + i * 60_000,
          datePublished: seedTime(i),
        },
      ],
      publishedVersionId: "1.0",
      checkedInVersionId: "1.0",
      savedVersionId: "1.0",
    };
    if (doc.description !== undefined) flow.description = doc.description;
    if (f.system) flow.system = true;
    return flow;
  });
}

/** Seed flows must only name objects of their own org (like a real Archy publish would insist). */
function checkFlowReferences(
  org: SeedOrg,
  flows: FlowRecord[],
  init: Pick<
    OrgInit,
    | "queues"
    | "schedules"
    | "schedulegroups"
    | "wrapupcodes"
    | "skills"
    | "languages"
    | "divisions"
    | "datatables"
    | "emergencygroups"
    | "prompts"
    | "users"
    | "groups"
    | "integrations"
    | "dataActions"
  >,
): void {
  const names = (list: { name: string; state?: string }[] | undefined): Set<string> =>
    new Set((list ?? []).filter((x) => x.state === undefined || x.state === "active").map((x) => x.name.toLowerCase()));
  const known: Record<Exclude<ArchyReference["kind"], "flow">, Set<string>> = {
    queue: names(init.queues),
    schedule: names(init.schedules),
    scheduleGroup: names(init.schedulegroups),
    wrapupCode: names(init.wrapupcodes),
    skill: names(init.skills),
    language: names(init.languages),
    division: names(init.divisions),
    prompt: names(init.prompts),
    dataTable: names(init.datatables),
    emergencyGroup: names(init.emergencygroups),
    user: new Set((init.users ?? []).flatMap((u) => [u.email.toLowerCase(), u.name.toLowerCase()])),
    group: names(init.groups),
    integration: new Set((init.dataActions ?? []).map((a) => a.category.toLowerCase())),
    dataAction: names(init.dataActions),
  };
  for (const f of flows) {
    for (const ref of f.versions[0]?.references ?? []) {
      const ok =
        ref.kind === "flow"
          ? flows.some(
              (g) =>
                g.name.toLowerCase() === ref.name.toLowerCase() &&
                (ref.flowType === undefined || ref.flowType === g.type),
            )
          : known[ref.kind].has(ref.name.toLowerCase());
      if (!ok) throw new Error(`seed org ${org.name}: flow ${f.name} references unknown ${ref.kind} ${ref.name}`);
    }
  }
}

/** Sites, trunk base settings and, for BYOC trunk bases, their (already visible) trunk instances. */
function buildTelephony(
  org: SeedOrg,
  divisionId: (name: string) => string,
  secret: (key: string) => string,
): { sites: Site[]; trunkbases: TrunkBaseRecord[]; trunks: TrunkRecord[] } {
  const home = org.divisions.find((d) => d.home)?.name ?? "";
  const sites: Site[] = (org.sites ?? []).map((s, i) => {
    const site: Site = {
      id: s.id ?? uuidFromSeed(`${org.name}/site/${s.name}`),
      name: s.name,
      divisionId: divisionId(home),
      dateCreated: seedTime(i),
      locationId: uuidFromSeed(`${org.name}/location/${s.name}`),
    };
    if (s.description !== undefined) site.description = s.description;
    return site;
  });
  const trunkbases: TrunkBaseRecord[] = [];
  const trunks: TrunkRecord[] = [];
  (org.trunkbases ?? []).forEach((t, i) => {
    const metabase = findMetabase(t.metabase);
    if (!metabase) throw new Error(`seed org ${org.name}: trunk base ${t.name}: unknown metabase ${t.metabase}`);
    const properties: Record<string, unknown> = { ...t.properties };
    for (const key of t.secretProperties ?? []) properties[key] = secret(`${org.name}/trunkbase/${t.name}/${key}`);
    for (const key of Object.keys(properties)) {
      if (!metabase.properties[key])
        throw new Error(`seed org ${org.name}: trunk base ${t.name}: unknown property ${key}`);
    }
    const inboundSite = t.inboundSite === undefined ? undefined : sites.find((s) => s.name === t.inboundSite);
    if (t.inboundSite !== undefined && !inboundSite)
      throw new Error(`seed org ${org.name}: trunk base ${t.name}: unknown site ${t.inboundSite}`);
    if (metabase.byoc !== (inboundSite !== undefined))
      throw new Error(`seed org ${org.name}: trunk base ${t.name}: inboundSite is required exactly for BYOC metabases`);
    const tb: TrunkBaseRecord = {
      id: t.id ?? uuidFromSeed(`${org.name}/trunkbase/${t.name}`),
      name: t.name,
      divisionId: divisionId(t.division),
      version: 1,
      state: "active",
      metabaseId: metabase.id,
      trunkType: metabase.type,
      properties,
      managed: false,
      dateCreated: seedTime(i),
      dateModified: seedTime(i),
    };
    if (t.description !== undefined) tb.description = t.description;
    if (inboundSite) tb.inboundSiteId = inboundSite.id;
    // the site the API prepopulates when none is sent (see TelephonyStore)
    const site = inboundSite ?? sites[0];
    if (site) tb.siteId = site.id;
    trunkbases.push(tb);
    if (inboundSite) {
      trunks.push({
        id: uuidFromSeed(`${org.name}/trunk/${t.name}`),
        trunkBaseId: tb.id,
        siteId: inboundSite.id,
        visibleAt: 0,
        dateCreated: seedTime(i),
        connected: isConnected(tb),
        connectedStateTime: seedTime(i),
      });
    }
  });
  return { sites, trunkbases, trunks };
}

/** User prompts, their resources' audio uploaded and transcoded; upload and media ids derived from the seed. */
function buildPrompts(org: SeedOrg): PromptRecord[] {
  const hex = (key: string) => uuidFromSeed(key).replace(/-/g, "");
  return (org.prompts ?? []).map((p, i) => {
    const record: PromptRecord = {
      id: p.id ?? uuidFromSeed(`${org.name}/prompt/${p.name}`),
      name: p.name,
      resources: p.resources.map((r) => {
        const key = `${org.name}/prompt/${p.name}/${r.language}`;
        const asset: PromptAssetRecord = {
          language: r.language,
          tags: {},
          uploadStatus: "created",
          uploadId: hex(key),
        };
        if (r.ttsString !== undefined) asset.ttsString = r.ttsString;
        if (r.text !== undefined) asset.text = r.text;
        if (r.audio) {
          asset.audio = new Uint8Array(r.audio);
          asset.uploadStatus = "uploaded";
          asset.mediaId = hex(`${key}/media`);
          asset.mediaSignature = hex(`${key}/signature`);
        }
        return asset;
      }),
      dateCreated: seedTime(i),
      dateModified: seedTime(i),
    };
    if (p.description !== undefined) record.description = p.description;
    return record;
  });
}

/** Edge groups and email domains of the seed, and the system prompts every org has. */
function buildOrgRefs(org: SeedOrg): Required<OrgRefsInit> {
  return {
    edgeGroups: (org.edgeGroups ?? []).map((g) => {
      const group: EdgeGroupRecord = { id: uuidFromSeed(`${org.name}/edgegroup/${g.name}`), name: g.name };
      if (g.description !== undefined) group.description = g.description;
      return group;
    }),
    emailDomains: (org.emailDomains ?? []).map((d) => ({
      id: d.name.toLowerCase(),
      routes: d.routes.map((r) => ({ id: uuidFromSeed(`${org.name}/emailroute/${d.name}/${r.pattern}`), ...r })),
    })),
    systemPrompts: SYSTEM_PROMPTS.map((p) => ({ ...p })),
    didPools: (org.didPools ?? []).map((p) => {
      if (!E164.test(p.startPhoneNumber) || !E164.test(p.endPhoneNumber) || !inPool(p, p.startPhoneNumber))
        throw new Error(
          `seed org ${org.name}: DID pool ${p.startPhoneNumber}..${p.endPhoneNumber} is not a range of E.164 numbers`,
        );
      const pool: DidPoolRecord = {
        id: uuidFromSeed(`${org.name}/didpool/${p.startPhoneNumber}`),
        startPhoneNumber: p.startPhoneNumber,
        endPhoneNumber: p.endPhoneNumber,
      };
      if (p.description !== undefined) pool.description = p.description;
      if (p.provider !== undefined) pool.provider = p.provider;
      return pool;
    }),
  };
}

/**
 * Turns one seed org into the store's initial records, with ids derived from (org, kind, name). `secret` mints
 * the seed's secrets (trunk passwords): random per process, never constants.
 */
export function buildOrgInit(
  org: SeedOrg,
  client: OAuthClient,
  settings: OrgSettings,
  secret: (key: string) => string = () => newClientSecret(),
): OrgInit {
  const divisions: Division[] = org.divisions.map((d) => ({
    id: d.id ?? uuidFromSeed(`${org.name}/division/${d.name}`),
    name: d.name,
    description: d.description,
    homeDivision: d.home === true,
  }));
  const divisionId = (name: string): string => {
    const d = divisions.find((x) => x.name === name);
    if (!d) throw new Error(`seed org ${org.name}: unknown division ${name}`);
    return d.id;
  };
  const skills: Skill[] = org.skills.map((s, i) => ({
    id: s.id ?? uuidFromSeed(`${org.name}/skill/${s.name}`),
    name: s.name,
    divisionId: divisionId(s.division),
    dateModified: seedTime(i),
    state: s.deleted ? "deleted" : "active",
    version: s.deleted ? 2 : 1,
  }));
  const wrapupcodes: WrapupCode[] = org.wrapupcodes.map((w, i) => {
    const code: WrapupCode = {
      id: w.id ?? uuidFromSeed(`${org.name}/wrapupcode/${w.name}`),
      name: w.name,
      divisionId: divisionId(w.division),
      dateCreated: seedTime(i),
      dateModified: seedTime(i),
    };
    if (w.description !== undefined) code.description = w.description;
    return code;
  });
  const idOf = (kind: string, list: { id: string; name: string }[], name: string): string => {
    const hit = list.find((x) => x.name === name);
    if (!hit) throw new Error(`seed org ${org.name}: unknown ${kind} ${name}`);
    return hit.id;
  };
  const flows = buildFlows(org, client, divisionId);
  const inQueueFlowId = (name: string): string => {
    const f = flows.find((x) => x.name === name && x.type === "INQUEUECALL");
    if (!f) throw new Error(`seed org ${org.name}: unknown in-queue flow ${name}`);
    return f.id;
  };
  const languages: Language[] = (org.languages ?? []).map((l, i) => ({
    id: l.id ?? uuidFromSeed(`${org.name}/language/${l.name}`),
    name: l.name,
    dateModified: seedTime(i),
    state: "active",
    version: 1,
  }));
  const telephony = buildTelephony(org, divisionId, secret);
  const refs = buildOrgRefs(org);
  const home = divisions.find((d) => d.homeDivision)?.id ?? divisions[0]!.id;
  const directory = buildDirectory(org, (name) => (name === "" ? home : divisionId(name)));
  const queues: Queue[] = (org.queues ?? []).map((q, i) => {
    const rings: BullseyeRing[] | undefined = q.bullseyeRings?.map((r) => {
      const ring: BullseyeRing = {};
      if (r.expandAfterSeconds !== undefined)
        ring.expansionCriteria = [{ type: "TIMEOUT_SECONDS", threshold: r.expandAfterSeconds }];
      if (r.removeSkills !== undefined)
        ring.actions = {
          skillsToRemove: r.removeSkills.map((name) => ({
            id: idOf(
              "skill",
              skills.filter((s) => s.state === "active"),
              name,
            ),
          })),
        };
      return ring;
    });
    const settings = structuredClone(q.settings ?? {});
    const callback = (settings.mediaSettings ??= {}).callback ?? {};
    if (q.callbackSite !== undefined) callback.site = { id: idOf("site", telephony.sites, q.callbackSite) };
    if (q.callbackEdgeGroup !== undefined)
      callback.edgeGroup = { id: idOf("edge group", refs.edgeGroups, q.callbackEdgeGroup) };
    if (Object.keys(callback).length) settings.mediaSettings.callback = callback;
    if (!Object.keys(settings.mediaSettings).length) delete settings.mediaSettings;
    if (q.outboundEmailAddress !== undefined) {
      const [pattern, domainName] = q.outboundEmailAddress.split("@");
      const domain = refs.emailDomains.find((d) => d.id === domainName);
      const route = domain?.routes.find((r) => r.pattern === pattern);
      if (!domain || !route) throw new Error(`seed org ${org.name}: unknown email route ${q.outboundEmailAddress}`);
      settings.outboundEmailAddress = { domain: { id: domain.id }, route: { id: route.id } };
    }
    if (q.memberGroups !== undefined)
      settings.memberGroups = q.memberGroups.map((name) => ({
        id: idOf("group", directory.groups, name),
        type: "GROUP" as const,
      }));
    const queue: Queue = {
      ...(q.members !== undefined
        ? {
            members: q.members.map((m) => {
              const user = directory.users.find((u) => u.email.toLowerCase() === m.email.toLowerCase());
              if (!user) throw new Error(`seed org ${org.name}: queue ${q.name}: unknown member ${m.email}`);
              return { userId: user.id, ringNumber: m.ringNumber ?? 1 };
            }),
          }
        : {}),
      id: q.id ?? uuidFromSeed(`${org.name}/queue/${q.name}`),
      name: q.name,
      divisionId: divisionId(q.division),
      dateCreated: seedTime(i),
      dateModified: seedTime(i),
      settings: {
        ...settings,
        ...(rings ? { bullseye: { rings } } : {}),
        skillEvaluationMethod: settings.skillEvaluationMethod ?? "ALL",
        ...(q.inQueueFlow !== undefined ? { queueFlow: { id: inQueueFlowId(q.inQueueFlow) } } : {}),
      },
      wrapupCodeIds: q.wrapupCodes.map((name) => idOf("wrap-up code", wrapupcodes, name)),
    };
    if (q.description !== undefined) queue.description = q.description;
    return queue;
  });
  const schedules: Schedule[] = (org.schedules ?? []).map((x, i) => {
    const schedule: Schedule = {
      id: x.id ?? uuidFromSeed(`${org.name}/schedule/${x.name}`),
      name: x.name,
      divisionId: divisionId(x.division),
      version: 1,
      state: "active",
      // seeds obey the API's formats too
      start: normalizeLocalDateTime("start", x.start),
      end: normalizeLocalDateTime("end", x.end),
      dateCreated: seedTime(i),
      dateModified: seedTime(i),
    };
    if (x.description !== undefined) schedule.description = x.description;
    if (x.rrule !== undefined) schedule.rrule = checkRrule(x.rrule);
    return schedule;
  });
  const scheduleIds = (names: string[] | undefined): string[] =>
    (names ?? []).map((name) => idOf("schedule", schedules, name));
  const schedulegroups: ScheduleGroup[] = (org.schedulegroups ?? []).map((g, i) => {
    const group: ScheduleGroup = {
      id: g.id ?? uuidFromSeed(`${org.name}/schedulegroup/${g.name}`),
      name: g.name,
      divisionId: divisionId(g.division),
      version: 1,
      state: "active",
      timeZone: checkTimeZone(g.timeZone),
      openScheduleIds: scheduleIds(g.open),
      closedScheduleIds: scheduleIds(g.closed),
      holidayScheduleIds: scheduleIds(g.holidays),
      dateCreated: seedTime(i),
      dateModified: seedTime(i),
    };
    if (g.description !== undefined) group.description = g.description;
    return group;
  });
  const inboundFlow = (name: string): string =>
    idOf(
      "inbound call flow",
      flows.filter((f) => f.type === "INBOUNDCALL"),
      name,
    );
  const assigned = new Map<string, string>();
  const ivrs: Ivr[] = (org.ivrs ?? []).map((x, i) => {
    for (const n of x.dnis) {
      // seeds obey the API's rules: numbers of the org's pools, each routed by one IVR
      if (!E164.test(n) || !refs.didPools.some((p) => inPool(p, n)))
        throw new Error(`seed org ${org.name}: IVR ${x.name}: DID ${n} is not in a DID pool of the org`);
      if (assigned.has(n))
        throw new Error(`seed org ${org.name}: DID ${n} is in IVRs ${assigned.get(n)} and ${x.name}`);
      assigned.set(n, x.name);
    }
    const ivr: Ivr = {
      id: x.id ?? uuidFromSeed(`${org.name}/ivr/${x.name}`),
      name: x.name,
      divisionId: divisionId(x.division),
      version: 1,
      state: "active",
      dnis: [...x.dnis],
      dateCreated: seedTime(i),
      dateModified: seedTime(i),
    };
    if (x.description !== undefined) ivr.description = x.description;
    if (x.openHoursFlow !== undefined) ivr.openHoursFlowId = inboundFlow(x.openHoursFlow);
    if (x.closedHoursFlow !== undefined) ivr.closedHoursFlowId = inboundFlow(x.closedHoursFlow);
    if (x.holidayHoursFlow !== undefined) ivr.holidayHoursFlowId = inboundFlow(x.holidayHoursFlow);
    if (x.scheduleGroup !== undefined) ivr.scheduleGroupId = idOf("schedule group", schedulegroups, x.scheduleGroup);
    return ivr;
  });
  const prompts = buildPrompts(org);
  const integrations = buildIntegrations(org);
  const datatables: DataTableRecord[] = (org.datatables ?? []).map((t) => ({
    id: t.id ?? uuidFromSeed(`${org.name}/datatable/${t.name}`),
    name: t.name,
    divisionId: divisionId(t.division),
    ...(t.description !== undefined ? { description: t.description } : {}),
    columns: structuredClone(t.columns),
    rows: new Map((t.rows ?? []).map((r) => [String(r.key), { ...r }])),
  }));
  const emergencygroups: EmergencyGroupRecord[] = (org.emergencygroups ?? []).map((g, i) => ({
    id: g.id ?? uuidFromSeed(`${org.name}/emergencygroup/${g.name}`),
    name: g.name,
    divisionId: divisionId(g.division),
    ...(g.description !== undefined ? { description: g.description } : {}),
    enabled: g.enabled ?? false,
    callFlows: (g.flows ?? []).map((entry) => {
      const { flow: name, ivrs: ivrNames } = typeof entry === "string" ? { flow: entry, ivrs: [] } : entry;
      const f = flows.find((x) => x.name === name && x.type === "INBOUNDCALL");
      if (!f)
        throw new Error(`seed org ${org.name}: emergency group ${g.name} names unknown inbound call flow ${name}`);
      return { flowId: f.id, ivrIds: ivrNames.map((n) => idOf("IVR", ivrs, n)) };
    }),
    version: 1,
    state: "active",
    dateCreated: seedTime(i),
    dateModified: seedTime(i),
  }));
  checkFlowReferences(org, flows, {
    queues,
    schedules,
    schedulegroups,
    wrapupcodes,
    skills,
    languages,
    divisions,
    prompts,
    datatables,
    emergencygroups,
    ...directory,
    ...integrations,
  });
  return {
    id: org.id ?? uuidFromSeed(`${org.name}/organization`),
    name: org.name,
    region: org.region,
    thirdPartyOrgName: org.thirdPartyOrgName,
    domain: org.name,
    divisions,
    skills,
    wrapupcodes,
    languages,
    queues,
    schedules,
    schedulegroups,
    flows,
    ivrs,
    prompts,
    ...telephony,
    datatables,
    emergencygroups,
    ...refs,
    ...directory,
    ...integrations,
    clients: [client],
    settings,
  };
}

/** The org's integrations and data actions (ids derived from org and name unless given). */
function buildIntegrations(org: SeedOrg): { integrations: IntegrationRecord[]; dataActions: DataActionRecord[] } {
  const integrations: IntegrationRecord[] = [];
  const dataActions: DataActionRecord[] = [];
  for (const i of org.integrations ?? []) {
    const id = i.id ?? uuidFromSeed(`${org.name}/integration/${i.name}`);
    integrations.push({
      id,
      name: i.name,
      integrationType: i.integrationType ?? "custom-rest-actions",
      intendedState: "ENABLED",
    });
    for (const a of i.actions)
      dataActions.push({
        id: a.id ?? uuidFromSeed(`${org.name}/dataaction/${i.name}/${a.name}`),
        name: a.name,
        integrationId: id,
        category: a.category ?? i.name,
        secure: a.secure ?? false,
        version: 1,
      });
  }
  return { integrations, dataActions };
}

/** The org's users and groups (ids derived from org and email / name unless given). */
function buildDirectory(
  org: SeedOrg,
  divisionId: (name: string) => string,
): { users: UserRecord[]; groups: GroupRecord[] } {
  const users: UserRecord[] = (org.users ?? []).map((u) => ({
    id: u.id ?? uuidFromSeed(`${org.name}/user/${u.email.toLowerCase()}`),
    name: u.name,
    email: u.email,
    divisionId: divisionId(u.division ?? ""),
    state: u.state ?? "active",
    version: 1,
  }));
  const groups: GroupRecord[] = (org.groups ?? []).map((g, i) => ({
    id: g.id ?? uuidFromSeed(`${org.name}/group/${g.name}`),
    name: g.name,
    ...(g.description !== undefined ? { description: g.description } : {}),
    memberIds: g.members.map((email) => {
      const user = users.find((u) => u.email.toLowerCase() === email.toLowerCase());
      if (!user) throw new Error(`seed org ${org.name}: group ${g.name}: unknown member ${email}`);
      return user.id;
    }),
    dateModified: seedTime(i),
    version: 1,
  }));
  return { users, groups };
}
