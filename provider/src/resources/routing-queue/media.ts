/**
 * Queue `mediaSettings` fields that hold ids of other objects of the org (SDK `CallbackMediaSettings`,
 * `MessageMediaSettings`, `EmailMediaSettings`; TF routing_queue exporter `RefAttrs`). Source ids must never
 * reach generated code or a target: flows become QueueFlows references (they may reference the queue back),
 * the callback site and edge group names the transforms file maps per region (`callbackSite`, `callbackEdgeGroup`);
 * the queue's `outboundEmailAddress` (top level, not media) is written as `route@domain`. `allOutboundEmailAddresses`
 * is left to each target org: Terraform never sends it, and whether the API accepts it in a request is unverified.
 */

/** QueueFlows argument -> where the flow id sits in `mediaSettings`. */
export const MEDIA_FLOW_FIELDS = {
  callbackLiveVoiceFlow: ["callback", "liveVoiceFlow"],
  callbackAnsweringMachineFlow: ["callback", "answeringMachineFlow"],
  messageInactivityTimeoutFlow: ["message", "inactivityTimeoutSettings", "flowId"],
} as const satisfies Record<string, readonly string[]>;
export type MediaFlowField = keyof typeof MEDIA_FLOW_FIELDS;

/** Fields the Queue resource does not declare: set by QueueFlows, or per target org. */
const NOT_DECLARED: readonly (readonly string[])[] = [
  ...Object.values(MEDIA_FLOW_FIELDS),
  ["callback", "site"],
  ["callback", "edgeGroup"],
  ["email", "allOutboundEmailAddresses"],
];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function getAt(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const k of path) v = isObject(v) ? v[k] : undefined;
  return v;
}

/** A copy of `root` with `value` at `path` (undefined removes it; emptied parents stay). */
export function setAt(root: Json | undefined, path: readonly string[], value: unknown): Json {
  const out: Json = { ...(root ?? {}) };
  const [head, ...rest] = path;
  if (head === undefined) return out;
  if (rest.length === 0) {
    if (value === undefined) delete out[head];
    else out[head] = value;
    return out;
  }
  out[head] = setAt(isObject(out[head]) ? out[head] : undefined, rest, value);
  return out;
}

/** `mediaSettings` without the fields the Queue resource does not declare (what the importer writes). */
export function declaredMedia(media: unknown): Json | undefined {
  if (!isObject(media)) return undefined;
  let out: Json = media;
  for (const p of NOT_DECLARED) if (getAt(out, p) !== undefined) out = setAt(out, p, undefined);
  return out;
}

/**
 * The request's `mediaSettings` with the undeclared fields the stored queue has carried over, so a
 * full-replace PUT of the declared settings does not clear what QueueFlows or the target org set.
 */
export function keepUndeclaredMedia(requested: unknown, current: unknown): unknown {
  if (!isObject(requested) || !isObject(current)) return requested;
  let out: Json = requested;
  for (const p of NOT_DECLARED) {
    const have = getAt(current, p);
    if (have !== undefined && have !== null && getAt(out, p) === undefined && isObject(out[p[0]!]))
      out = setAt(out, p, have);
  }
  return out;
}
