import { Ref, type ExporterSpec } from "../../importer/types";
import { flowsApi } from "../architect-flow/api";
import { queuesApi } from "../routing-queue/api";
import { getAt, MEDIA_FLOW_FIELDS } from "../routing-queue/media";

/** Argument -> the flow reference of a listed queue (in-queue flows, then the flows of its media settings). */
const FIELDS: [string, (q: Record<string, unknown>) => unknown][] = [
  ...(["queueFlow", "emailInQueueFlow", "messageInQueueFlow"] as const).map(
    (f) => [f, (q: Record<string, unknown>) => q[f]] as [string, (q: Record<string, unknown>) => unknown],
  ),
  ...Object.entries(MEDIA_FLOW_FIELDS).map(
    ([f, path]) =>
      [f, (q: Record<string, unknown>) => getAt(q.mediaSettings, path)] as [
        string,
        (q: Record<string, unknown>) => unknown,
      ],
  ),
];
const flowId = (ref: unknown) => (ref as { id?: string } | null | undefined)?.id;

/** One QueueFlows link per queue that runs in-queue flows. */
export const exporter: ExporterSpec = {
  key: "queueflows",
  variablePrefix: "queueFlows",
  file: "routing-queue-flows.ts",
  title: "queue in-queue flow links",
  async list(c) {
    const [queues, flows] = await Promise.all([queuesApi.list(c), flowsApi.list(c)]);
    const flowName = new Map(flows.map((f) => [f.id, f.name]));
    return queues
      .filter((q) => FIELDS.some(([, at]) => flowId(at(q))))
      .map((q) => {
        const args: Record<string, Ref | undefined> = { queue: new Ref("queues", q.id, q.name, "id") };
        for (const [f, at] of FIELDS) {
          const id = flowId(at(q));
          if (id) args[f] = new Ref("flows", id, flowName.get(id) ?? id, "id");
        }
        return { id: q.id, name: q.name, args };
      });
  },
};
