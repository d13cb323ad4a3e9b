import { dataTableToDump, type DataTableWire } from "../routes/architect/datatables";
import { emergencyGroupToWire, type EmergencyGroupWire } from "../routes/architect/emergencygroups";
import { flowToDump } from "../routes/architect/flow-wire";
import { ivrToWire, type IvrWire } from "../routes/architect/ivrs";
import { didPoolToWire, type DidPoolWire } from "../routes/org-refs";
import { promptToWire, type PromptWire } from "../routes/architect/prompts";
import { audioSha256 } from "../state/architect/prompts";
import { scheduleGroupToWire, type ScheduleGroupWire } from "../routes/architect/schedulegroups";
import { scheduleToWire, type ScheduleWire } from "../routes/architect/schedules";
import { divisionToWire, type AuthzDivisionWire } from "../routes/auth/divisions";
import { languageToWire, type LanguageWire } from "../routes/routing/languages";
import { queueToWire, type QueueWire } from "../routes/routing/queues";
import { skillToWire, type RoutingSkillWire } from "../routes/routing/skills";
import { wrapupcodeToWire, type WrapupCodeWire } from "../routes/routing/wrapupcodes";
import {
  siteToWire,
  trunkBaseToWire,
  trunkToWire,
  type SiteWire,
  type TrunkBaseWire,
  type TrunkWire,
} from "../routes/telephony/wire";
import type { OrgStore } from "../state/org-store";
import type { OrgSettings } from "../state/settings";
import { PASSWORD_PROPERTY } from "../state/telephony/store";

/** `GET /__emulator/state?org=`: every stored field of an org in API wire shape, in deterministic order. */
export interface OrgDump {
  name: string;
  region: string;
  id: string;
  settings: OrgSettings;
  divisions: AuthzDivisionWire[];
  skills: RoutingSkillWire[];
  wrapupcodes: WrapupCodeWire[];
  languages: LanguageWire[];
  /**
   * Queues being deleted are left out; `wrapupCodes`: the assigned code ids, sorted; `members`: the users added
   * directly (by email, sorted) with their ring numbers.
   */
  queues: (QueueWire & { wrapupCodes: string[]; members: { email: string; ringNumber: number }[] })[];
  schedules: ScheduleWire[];
  schedulegroups: ScheduleGroupWire[];
  /** Wire shape plus archyType, the published version's references by kind and its YAML. */
  flows: ReturnType<typeof flowToDump>[];
  /** The SIP password is always masked here; passwordSet tells whether one is stored. */
  trunkbasesettings: (TrunkBaseWire & { passwordSet: boolean })[];
  trunks: TrunkWire[];
  sites: SiteWire[];
  /** Active and soft-deleted IVRs. */
  ivrs: IvrWire[];
  didpools: DidPoolWire[];
  /** User prompts with their resources; each recorded audio as its sha256 and size, never the bytes or URLs. */
  prompts: (Omit<PromptWire, "resources"> & {
    resources: (Omit<NonNullable<PromptWire["resources"]>[number], "uploadUri" | "mediaUri"> & {
      audioSha256?: string;
      audioBytes?: number;
    })[];
  })[];
  /** Data tables with their schema and every row (by key). */
  datatables: (DataTableWire & { rows: Record<string, string | number | boolean>[] })[];
  emergencygroups: EmergencyGroupWire[];
}

/** Every stored field of an org in API wire shape, in deterministic order (new collections are appended). */
export function dumpOrg(org: OrgStore): OrgDump {
  const routing = org.routing.snapshot();
  const architect = org.architect.snapshot();
  const tel = org.telephony.snapshot();
  return {
    name: org.name,
    region: org.region,
    id: org.id,
    settings: org.settings,
    divisions: org.auth.snapshot().map(divisionToWire),
    skills: routing.skills.map((s) => skillToWire(org, s)),
    wrapupcodes: routing.wrapupcodes.map((w) => wrapupcodeToWire(org, w)),
    languages: routing.languages.map(languageToWire),
    queues: routing.queues.map((q) => ({
      ...queueToWire(org, q),
      wrapupCodes: [...q.wrapupCodeIds].sort(),
      members: (q.members ?? [])
        .map((m) => ({ email: org.directory.findUser(m.userId)?.email ?? m.userId, ringNumber: m.ringNumber }))
        .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)),
    })),
    schedules: architect.schedules.map((x) => scheduleToWire(org, x)),
    schedulegroups: architect.schedulegroups.map((g) => scheduleGroupToWire(org, g)),
    flows: org.architect.flows.snapshot().map((f) => flowToDump(org, f)),
    trunkbasesettings: tel.trunkbases.map((tb) => {
      const password = tb.properties[PASSWORD_PROPERTY];
      return {
        ...trunkBaseToWire(org, tb, { properties: true, mask: true, hidden: false }),
        passwordSet: typeof password === "string" && password !== "",
      };
    }),
    trunks: tel.trunks.map((t) => trunkToWire(org, t)),
    sites: tel.sites.map((s) => siteToWire(org, s)),
    ivrs: architect.ivrs.map((x) => ivrToWire(org, x)),
    didpools: org.refs.listDidPools().map(didPoolToWire),
    prompts: org.architect.prompts.snapshot().map((p) => {
      const wire = promptToWire("", p, { includeMediaUris: false });
      return {
        ...wire,
        resources: (wire.resources ?? []).map((r, i) => {
          const { uploadUri: _u, mediaUri: _m, ...rest } = r;
          const audio = p.resources[i]!.audio;
          return audio ? { ...rest, audioSha256: audioSha256(audio), audioBytes: audio.length } : rest;
        }),
      };
    }),
    datatables: org.architect.datatables.snapshot().map((t) => dataTableToDump(org, t)),
    emergencygroups: org.architect.emergencyGroups.snapshot().map((g) => emergencyGroupToWire(org, g)),
  };
}
