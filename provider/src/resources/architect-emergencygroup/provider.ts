import { GenesysError, type GenesysClient } from "../../client";
import { checkDivision, divisionArg, resolveDivision } from "../auth-division/api";
import { checkInputs, hasUnknown, userInputs } from "../common";
import type { Lifecycle } from "../context";
import { crudProvider, gone, permitted } from "../crud";
import { emergencyGroupsApi } from "./api";
import {
  EmergencyGroup,
  EmergencyGroupArgs,
  EmergencyGroupFlowsArgs,
  flowIdsOf,
  FLOWS_LABEL,
  LABEL,
  RESOURCE_TYPE,
  type EmergencyGroupBody,
} from "./schema";

const callFlows = (ids: readonly string[]) => ids.map((id) => ({ emergencyFlow: { id }, ivrs: [] }));

export const provider = crudProvider<EmergencyGroupArgs, EmergencyGroupBody, EmergencyGroup>({
  type: RESOURCE_TYPE,
  label: LABEL,
  schema: EmergencyGroupArgs,
  listIsComplete: true,
  replaceOn: [],
  list: emergencyGroupsApi.list,
  get: emergencyGroupsApi.get,
  create: emergencyGroupsApi.create,
  update: emergencyGroupsApi.update,
  remove: emergencyGroupsApi.remove,
  toBody: async (c, args, owner) => ({
    name: args.name,
    division: { id: (await resolveDivision(c, args.division, owner)).id },
    ...(args.description !== undefined ? { description: args.description } : {}),
    enabled: args.enabled ?? false,
  }),
  bodyOf: (g) => ({
    name: g.name,
    division: { id: g.division?.id ?? "" },
    ...(g.description ? { description: g.description } : {}),
    enabled: g.enabled ?? false,
  }),
  // An adopted group gets its own call flows back on destroy, too.
  priorOf: (g) => ({
    name: g.name,
    division: { id: g.division?.id ?? "" },
    ...(g.description ? { description: g.description } : {}),
    enabled: g.enabled ?? false,
    emergencyCallFlows: (g.emergencyCallFlows ?? [])
      .filter((f) => f.emergencyFlow?.id)
      .map((f) => ({ emergencyFlow: { id: f.emergencyFlow!.id }, ivrs: (f.ivrs ?? []).map((i) => ({ id: i.id })) })),
  }),
  toArgs: async (c, g, previous) => {
    const division = await divisionArg(c, g.division?.id, previous.division);
    return {
      name: g.name,
      ...(division !== undefined ? { division } : {}),
      ...(g.description ? { description: g.description } : {}),
      enabled: g.enabled ?? false,
    };
  },
  checkTarget: async (c, args, owner) => checkDivision(c, args.division, owner),
});

type FlowsOutputs = EmergencyGroupFlowsArgs & { prior: string[] };
const flowsLabel = (a: { emergencyGroup?: unknown }) => `${FLOWS_LABEL} of emergency group ${String(a.emergencyGroup)}`;

/** Sets the group's emergency call flows (no IVRs: IVRs are not cloned yet); returns the flows it had. */
async function setFlows(
  c: GenesysClient,
  groupId: string,
  flowIds: readonly string[],
  what: string,
): Promise<string[]> {
  const current = await emergencyGroupsApi.get(c, groupId);
  if (!current) gone(`${what}: emergency group`, groupId);
  const body = { ...groupBody(current), emergencyCallFlows: callFlows(flowIds) };
  const stored = await permitted(what, () => emergencyGroupsApi.update(c, groupId, body, current));
  const now = flowIdsOf(stored);
  if (now.join() !== flowIds.join())
    throw new GenesysError(
      "Validation",
      `${what}: the org stored emergency flows [${now.join(", ")}], not the [${flowIds.join(", ")}] sent.`,
    );
  return flowIdsOf(current);
}

function groupBody(g: EmergencyGroup): EmergencyGroupBody {
  return {
    name: g.name,
    division: { id: g.division?.id ?? "" },
    ...(g.description ? { description: g.description } : {}),
    enabled: g.enabled ?? false,
  };
}

/**
 * Sets an emergency group's call flows once the group and the flows exist: flows name the group (Evaluate
 * Schedule Group's emergency group) and the group names flows, so this link breaks that cycle. Destroy puts
 * back the flows the group had before.
 */
export const flowsProvider: Lifecycle<EmergencyGroupFlowsArgs, FlowsOutputs> = {
  async check(_ctx, _olds, news) {
    return { inputs: news, failures: checkInputs(EmergencyGroupFlowsArgs, flowsLabel(news), news) };
  },
  async diff(_ctx, _id, olds, news) {
    const replaces = news.emergencyGroup !== olds.emergencyGroup ? ["emergencyGroup"] : [];
    if (hasUnknown(news, ["emergencyGroup", "emergencyFlows"])) return { changes: true, replaces };
    const changes =
      olds.emergencyGroup !== news.emergencyGroup ||
      JSON.stringify(olds.emergencyFlows) !== JSON.stringify(news.emergencyFlows);
    return { changes, replaces };
  },
  async create(ctx, inputs) {
    const args = userInputs(inputs) as EmergencyGroupFlowsArgs;
    const prior = await setFlows(ctx.client, args.emergencyGroup, args.emergencyFlows, flowsLabel(args));
    return { id: `${args.emergencyGroup}-flows`, outs: { ...args, prior } };
  },
  async read(ctx, id, props) {
    const g = await emergencyGroupsApi.get(ctx.client, props.emergencyGroup);
    if (!g) return {};
    return { id, props: { emergencyGroup: props.emergencyGroup, emergencyFlows: flowIdsOf(g), prior: props.prior } };
  },
  async update(ctx, _id, olds, news) {
    const args = userInputs(news) as EmergencyGroupFlowsArgs;
    await setFlows(ctx.client, args.emergencyGroup, args.emergencyFlows, flowsLabel(args));
    return { outs: { ...args, prior: olds.prior } };
  },
  async delete(ctx, _id, props) {
    // A link, not an object: destroy gives the group back the flows it had (when it still exists).
    const g = await emergencyGroupsApi.get(ctx.client, props.emergencyGroup);
    if (g) await setFlows(ctx.client, props.emergencyGroup, props.prior ?? [], flowsLabel(props));
  },
};
