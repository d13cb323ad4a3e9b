import { dataTable } from "./architect-datatable";
import { emergencyGroup, emergencyGroupFlows } from "./architect-emergencygroup";
import { flow, flowShell } from "./architect-flow";
import { ivr } from "./architect-ivr";
import { schedule } from "./architect-schedule";
import { scheduleGroup } from "./architect-schedulegroup";
import { userPrompt } from "./architect-userprompt";
import { division } from "./auth-division";
import type { ResourceDefinition } from "./define";
import { typeToken } from "./define";
import { language } from "./routing-language";
import { queue } from "./routing-queue";
import { queueFlows } from "./routing-queue-flows";
import { queueMembers } from "./routing-queue-members";
import { skill } from "./routing-skill";
import { wrapupCode } from "./routing-wrapupcode";
import { trunk } from "./telephony-trunk";

/**
 * Every resource type, the one list: a new type is its folder plus one line here. Keys are the kinds
 * (class names), checked against each definition; the order is the order of the generated stack code
 * (what a type references comes first). Each resource class names its kind through `Kind`, so a class
 * whose type is missing here does not compile.
 */
export const REGISTRY = {
  Division: division,
  Language: language,
  Skill: skill,
  WrapupCode: wrapupCode,
  Schedule: schedule,
  ScheduleGroup: scheduleGroup,
  DataTable: dataTable,
  EmergencyGroup: emergencyGroup,
  Queue: queue,
  UserPrompt: userPrompt,
  FlowShell: flowShell,
  Flow: flow,
  QueueFlows: queueFlows,
  Ivr: ivr,
  QueueMembers: queueMembers,
  EmergencyGroupFlows: emergencyGroupFlows,
  Trunk: trunk,
} as const satisfies { readonly [K in string]: ResourceDefinition<K> };

export type Kind = keyof typeof REGISTRY;

/** A list of resource types and what each consumer asks of it (the registry's, or a test's with a fixture added). */
export class Resources {
  constructor(readonly all: readonly ResourceDefinition[]) {}

  /** The definition whose shim (in state) names `type`, e.g. genesyscloud:routing:Skill. */
  byType(type: string): ResourceDefinition | undefined {
    return this.all.find((d) => d.type === type);
  }

  /** The definition of a Pulumi type token (`pulumi-nodejs:dynamic/genesyscloud:RoutingSkill`). */
  byToken(token: string): ResourceDefinition | undefined {
    return this.all.find((d) => typeToken(d) === token);
  }

  /** The definition whose exporter key is `key` ("skills"): the importer's, filters' and lookups' name. */
  byKey(key: string): ResourceDefinition | undefined {
    return this.all.find((d) => d.exporter?.key === key);
  }

  /** Types the importer writes, in the order of the generated index. */
  exporters() {
    return this.all.flatMap((d) => (d.exporter ? [d.exporter] : []));
  }

  /** A copy with more types (a test's fixture). */
  with(...more: ResourceDefinition[]): Resources {
    return new Resources([...this.all, ...more]);
  }
}

export const RESOURCES = new Resources(Object.values(REGISTRY));
