import type { ResourceImpl } from "./common";

/**
 * The registry of dynamic resources: resource type -> implementation module. Each module is loaded
 * only when the provider process first needs it. A new resource is one folder plus one line here
 * and one in importer/registry.ts.
 */
const IMPLEMENTATIONS: Record<string, () => ResourceImpl> = {
  "genesyscloud:auth:Division": () => require("./auth-division/provider").provider as ResourceImpl,
  "genesyscloud:routing:Language": () => require("./routing-language/provider").provider as ResourceImpl,
  "genesyscloud:routing:Skill": () => require("./routing-skill/provider").provider as ResourceImpl,
  "genesyscloud:routing:WrapupCode": () => require("./routing-wrapupcode/provider").provider as ResourceImpl,
  "genesyscloud:architect:Schedule": () => require("./architect-schedule/provider").provider as ResourceImpl,
  "genesyscloud:architect:ScheduleGroup": () => require("./architect-schedulegroup/provider").provider as ResourceImpl,
  "genesyscloud:routing:Queue": () => require("./routing-queue/provider").provider as ResourceImpl,
  "genesyscloud:routing:QueueFlows": () => require("./routing-queue-flows/provider").provider as ResourceImpl,
  "genesyscloud:architect:Flow": () => require("./architect-flow/provider").provider as ResourceImpl,
  "genesyscloud:architect:FlowShell": () => require("./architect-flow/provider").shellProvider as ResourceImpl,
  "genesyscloud:architect:DataTable": () => require("./architect-datatable/provider").provider as ResourceImpl,
  "genesyscloud:architect:EmergencyGroup": () =>
    require("./architect-emergencygroup/provider").provider as ResourceImpl,
  "genesyscloud:architect:EmergencyGroupFlows": () =>
    require("./architect-emergencygroup/provider").flowsProvider as ResourceImpl,
  "genesyscloud:telephony:Trunk": () => require("./telephony-trunkbase/provider").provider as ResourceImpl,
};

export function implementationOf(resourceType: string): ResourceImpl {
  const load = IMPLEMENTATIONS[resourceType];
  if (!load) {
    throw new Error(
      `This version of @genesys-clone/provider has no resource type ${resourceType}: the state was written by a newer version; upgrade genesys-clone.`,
    );
  }
  return load();
}
