import type { SeedOrg } from "@genesys-clone/emulator";
import { z } from "zod";
import type { GenesysClient } from "../client";
import { dataTablesApi } from "../resources/architect-datatable/api";
import { propertiesOf } from "../resources/architect-datatable/schema";
import { emergencyGroupsApi } from "../resources/architect-emergencygroup/api";
import { flowIdsOf } from "../resources/architect-emergencygroup/schema";
import { flowsApi } from "../resources/architect-flow/api";
import { ivrsApi } from "../resources/architect-ivr/api";
import { FLOW_TYPES } from "../resources/architect-flow/references";
import { minimalFlowYaml } from "../resources/architect-flow/shell";
import { schedulesApi } from "../resources/architect-schedule/api";
import { scheduleGroupsApi } from "../resources/architect-schedulegroup/api";
import { divisionsApi } from "../resources/auth-division/api";
import { languagesApi } from "../resources/routing-language/api";
import { queuesApi } from "../resources/routing-queue/api";
import { queueRefsApi } from "../resources/routing-queue/references";
import { directoryApi, membersApi } from "../resources/routing-queue-members/api";
import { integrationsApi } from "../resources/integration/api";
import { skillsApi } from "../resources/routing-skill/api";
import { wrapupCodesApi } from "../resources/routing-wrapupcode/api";
import { promptsApi } from "../resources/architect-userprompt/api";
import { Prompt } from "../resources/architect-userprompt/schema";
import { trunksApi } from "../resources/telephony-trunk/api";
import { PASSWORD } from "../resources/telephony-trunk/schema";

/** A copy of a target org as emulator seed data, with the org's own ids, and what could not be copied. */
export interface TargetCopy {
  org: SeedOrg;
  /** Objects per type in the target. */
  counts: Record<string, number>;
  /** Objects left out of the copy, and why. */
  notCopied: string[];
}

const IdOf = z.object({ id: z.string() });
const Organization = z.object({ id: z.string(), name: z.string(), thirdPartyOrgName: z.string().nullish() });

/**
 * Reads every object a deployment can meet in the target org with GET requests only (no export jobs:
 * they are POSTs) and turns it into emulator seed data under `name`. Objects keep their ids, so the
 * stack's state matches the copy as it matches the org. What is copied is what decides how a deployment
 * goes: names, divisions, ids, references (wrap-up codes, schedules, in-queue flows, sites) and trunk
 * properties. Flows are copied as the smallest flow of their type (their content is not read without an
 * export job), queues with their routing settings left at the defaults.
 */
export async function copyOrg(c: GenesysClient, name: string, region: string): Promise<TargetCopy> {
  const me = await c.request({ method: "GET", path: "/api/v2/organizations/me", schema: Organization });
  const [
    divisions,
    languages,
    skills,
    codes,
    schedules,
    groups,
    queues,
    flows,
    sites,
    trunks,
    tables,
    emergencyGroups,
  ] = await Promise.all([
    divisionsApi.list(c),
    languagesApi.list(c),
    skillsApi.list(c),
    wrapupCodesApi.list(c),
    schedulesApi.list(c),
    scheduleGroupsApi.list(c),
    queuesApi.list(c),
    flowsApi.list(c),
    trunksApi.sites(c),
    trunksApi.listWithProperties(c),
    dataTablesApi.list(c),
    emergencyGroupsApi.list(c),
  ]);
  const notCopied: string[] = [];
  const home = divisions.find((d) => d.homeDivision);
  const divisionName = new Map(divisions.map((d) => [d.id, d.name]));
  const inDivision = (ref: { id: string } | null | undefined) =>
    divisionName.get(ref?.id ?? "") ?? home?.name ?? "Home";
  const liveSkills = skills.filter((s) => s.state !== "deleted");
  const liveFlows = flows.filter((f) => !f.deleted);
  const liveTrunks = trunks.filter((t) => t.state !== "deleted");
  const codeName = new Map(codes.map((w) => [w.id, w.name]));
  const scheduleName = new Map(schedules.map((s) => [s.id, s.name]));
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const copiedFlows = liveFlows.filter((f) => {
    const known = Object.values(FLOW_TYPES).includes(f.type.toLowerCase());
    if (!known) notCopied.push(`flow '${f.name}' (${f.type}): a type Archy YAML does not cover`);
    return known;
  });
  const inQueueFlow = new Map(
    copiedFlows.filter((f) => f.type.toLowerCase() === "inqueuecall").map((f) => [f.id, f.name]),
  );
  const queueCodes = await Promise.all(queues.map((q) => queuesApi.codes(c, q.id)));
  // User prompts with their recordings (GETs of the presigned media URLs), so a deployed prompt reads back the same.
  const prompts = await c.listAll("/api/v2/architect/prompts", Prompt, {
    pageSize: 100,
    query: { includeResources: "true", includeMediaUris: "true" },
  });
  const promptResources = await Promise.all(
    prompts.map((p) =>
      Promise.all(
        (p.resources ?? []).map(async (r) => ({
          language: r.language,
          ...(r.ttsString ? { ttsString: r.ttsString } : {}),
          ...(r.text ? { text: r.text } : {}),
          ...(r.uploadStatus === "transcoded" && r.mediaUri
            ? {
                audio: await promptsApi.download(
                  c,
                  r.mediaUri,
                  `User prompt '${p.name}': copying the ${r.language} audio`,
                ),
              }
            : {}),
        })),
      ),
    ),
  );
  // The directory (users, groups) and queue members: what QueueMembers links resolve and compare against.
  const [users, userGroups] = await Promise.all([directoryApi.users(c), directoryApi.groups(c)]);
  // Integrations and data actions: what flows' Call Data Actions name (installed per org, never created).
  const [integrations, dataActions] = await Promise.all([integrationsApi.integrations(c), integrationsApi.actions(c)]);
  // What queues name but the stack never creates: the target's edge groups and email domains with their routes.
  const [edgeGroups, emailDomains] = await Promise.all([
    queueRefsApi.edgeGroups(c),
    queueRefsApi
      .domains(c)
      .then((domains) =>
        Promise.all(domains.map(async (d) => ({ name: d.id, routes: await queueRefsApi.routes(c, d.id) }))),
      ),
  ]);
  const emailOf = new Map(users.map((u) => [u.id, u.email ?? ""]));
  const groupName = new Map(userGroups.map((g) => [g.id, g.name]));
  const queueMembers = await Promise.all(
    queues.map((q) => ((q as { userMemberCount?: number }).userMemberCount === 0 ? [] : membersApi.list(c, q.id))),
  );
  // The numbers the target owns and the IVRs routing them: what an Ivr's DID checks and writes meet.
  const [didPools, ivrs] = await Promise.all([ivrsApi.didPools(c), ivrsApi.list(c)]);
  const inboundFlow = new Map(
    copiedFlows.filter((f) => f.type.toLowerCase() === "inboundcall").map((f) => [f.id, f.name]),
  );
  const groupOf = new Map(groups.map((g) => [g.id, g.name]));
  const names = (refs: { id: string }[] | null | undefined) =>
    (refs ?? []).map((r) => scheduleName.get(r.id)).filter((n): n is string => n !== undefined);

  const org: SeedOrg = {
    id: me.id,
    name,
    region,
    thirdPartyOrgName: me.thirdPartyOrgName ?? me.name,
    divisions: divisions.map((d) => ({
      id: d.id,
      name: d.name,
      description: d.description ?? "",
      ...(d.homeDivision ? { home: true } : {}),
    })),
    languages: languages.map((l) => ({ id: l.id, name: l.name })),
    skills: liveSkills.map((s) => ({ id: s.id, name: s.name, division: inDivision(s.division) })),
    wrapupcodes: codes.map((w) => ({
      id: w.id,
      name: w.name,
      division: inDivision(w.division),
      ...(w.description ? { description: w.description } : {}),
    })),
    schedules: schedules.map((s) => ({
      id: s.id,
      name: s.name,
      division: inDivision(s.division),
      start: s.start,
      end: s.end,
      ...(s.description ? { description: s.description } : {}),
      ...(s.rrule ? { rrule: s.rrule } : {}),
    })),
    schedulegroups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      division: inDivision(g.division),
      timeZone: g.timeZone ?? "UTC",
      open: names(g.openSchedules),
      closed: names(g.closedSchedules),
      holidays: names(g.holidaySchedules),
      ...(g.description ? { description: g.description } : {}),
    })),
    queues: queues.map((q, i) => {
      const flow = inQueueFlow.get(IdOf.safeParse(q.queueFlow).data?.id ?? "");
      return {
        id: q.id,
        name: q.name,
        division: inDivision(q.division),
        ...(q.description ? { description: q.description } : {}),
        wrapupCodes: (queueCodes[i] ?? []).map((w) => codeName.get(w.id)).filter((n): n is string => !!n),
        ...(flow !== undefined ? { inQueueFlow: flow } : {}),
        members: (queueMembers[i] ?? [])
          .filter((m) => emailOf.get(m.id))
          .map((m) => ({ email: emailOf.get(m.id)!, ringNumber: m.ringNumber ?? 1 })),
        memberGroups: ((q as { memberGroups?: { id: string }[] | null }).memberGroups ?? [])
          .map((g) => groupName.get(g.id))
          .filter((n): n is string => n !== undefined),
      };
    }),
    flows: copiedFlows.map((f) => {
      const division = f.division?.id && f.division.id !== home?.id ? divisionName.get(f.division.id) : undefined;
      return {
        id: f.id,
        yaml: minimalFlowYaml(f.name, f.type.toLowerCase(), division),
        ...(f.system ? { system: true } : {}),
      };
    }),
    sites: sites.map((s) => ({ id: s.id, name: s.name })),
    didPools: didPools.map((p) => ({ startPhoneNumber: p.startPhoneNumber, endPhoneNumber: p.endPhoneNumber })),
    ivrs: ivrs.map((x) => {
      const flow = (r: { id: string } | null | undefined) => (r ? inboundFlow.get(r.id) : undefined);
      const refs = {
        openHoursFlow: flow(x.openHoursFlow),
        closedHoursFlow: flow(x.closedHoursFlow),
        holidayHoursFlow: flow(x.holidayHoursFlow),
        scheduleGroup: x.scheduleGroup ? groupOf.get(x.scheduleGroup.id) : undefined,
      };
      return {
        id: x.id,
        name: x.name,
        division: inDivision(x.division),
        dnis: [...(x.dnis ?? [])],
        ...Object.fromEntries(Object.entries(refs).filter(([, v]) => v !== undefined)),
        ...(x.description ? { description: x.description } : {}),
      };
    }),
    edgeGroups: edgeGroups.map((g) => ({ name: g.name })),
    emailDomains: emailDomains.map((d) => ({
      name: d.name,
      routes: d.routes.map((r) => ({ pattern: r.pattern, fromName: r.fromName ?? r.pattern })),
    })),
    prompts: prompts.map((p, i) => ({
      id: p.id,
      name: p.name,
      ...(p.description ? { description: p.description } : {}),
      resources: promptResources[i] ?? [],
    })),
    users: users.flatMap((u) => (u.email ? [{ id: u.id, name: u.name ?? u.email, email: u.email }] : [])),
    // Group membership is not read (no group members endpoint is needed by a deployment).
    groups: userGroups.map((g) => ({ id: g.id, name: g.name, members: [] })),
    integrations: integrations
      .filter((i) => i.intendedState !== "DELETED")
      .map((i) => ({
        id: i.id,
        name: i.name,
        actions: dataActions
          .filter((a) => a.integrationId === i.id)
          .map((a) => ({ id: a.id, name: a.name, ...(a.category ? { category: a.category } : {}) })),
      })),
    // rows too: a stack that declares rows diffs them by key against these
    datatables: await Promise.all(
      tables.map(async (t) => ({
        id: t.id,
        name: t.name,
        division: inDivision(t.division),
        ...(t.description ? { description: t.description } : {}),
        columns: propertiesOf(t),
        rows: (await dataTablesApi.rows(c, t.id)).map(
          (r) =>
            Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) as Record<
              string,
              string | number | boolean
            >,
        ),
      })),
    ),
    emergencygroups: emergencyGroups.map((g) => ({
      id: g.id,
      name: g.name,
      division: inDivision(g.division),
      ...(g.description ? { description: g.description } : {}),
      enabled: g.enabled ?? false,
      flows: flowIdsOf(g)
        .map((id) => copiedFlows.find((f) => f.id === id && f.type.toLowerCase() === "inboundcall")?.name)
        .filter((n): n is string => n !== undefined),
    })),
    trunkbases: liveTrunks.map((t) => {
      const properties: Record<string, string | boolean | number | string[]> = {};
      const secretProperties: string[] = [];
      for (const [key, p] of Object.entries(t.properties ?? {})) {
        const v = p.value?.instance;
        // The password reads back masked: the copy holds a random one when the target has one set.
        if (key === PASSWORD) {
          if (typeof v === "string" && v !== "") secretProperties.push(key);
        } else if (isInstance(v)) properties[key] = v;
      }
      const inboundSite = t.inboundSite ? (siteName.get(t.inboundSite.id) ?? t.inboundSite.name) : undefined;
      return {
        id: t.id,
        name: t.name,
        division: inDivision(t.division),
        metabase: t.trunkMetabase.id,
        properties,
        ...(secretProperties.length ? { secretProperties } : {}),
        ...(inboundSite ? { inboundSite } : {}),
        ...(t.description ? { description: t.description } : {}),
      };
    }),
  };
  return {
    org,
    counts: {
      divisions: divisions.length,
      languages: languages.length,
      skills: liveSkills.length,
      wrapupcodes: codes.length,
      schedules: schedules.length,
      schedulegroups: groups.length,
      queues: queues.length,
      flows: liveFlows.length,
      sites: sites.length,
      trunks: liveTrunks.length,
      ivrs: ivrs.length,
      prompts: prompts.length,
      users: users.length,
      datatables: tables.length,
      emergencygroups: emergencyGroups.length,
    },
    notCopied,
  };
}

function isInstance(v: unknown): v is string | boolean | number | string[] {
  return (
    typeof v === "string" ||
    typeof v === "boolean" ||
    typeof v === "number" ||
    (Array.isArray(v) && v.every((x) => typeof x === "string"))
  );
}
