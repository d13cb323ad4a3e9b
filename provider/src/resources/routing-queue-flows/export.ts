import { Ref, type Exporter } from "../../importer/types";
import { flowsApi } from "../architect-flow/api";
import { queuesApi } from "../routing-queue/api";
import { RESOURCE_TYPE } from "./provider";

const FIELDS = ["queueFlow", "emailInQueueFlow", "messageInQueueFlow"] as const;

/** One QueueFlows link per queue that runs in-queue flows. */
export const exporter: Exporter = {
  resourceType: RESOURCE_TYPE,
  key: "queueflows",
  className: "QueueFlows",
  variablePrefix: "queueFlows",
  file: "routing-queue-flows.ts",
  title: "queue in-queue flow links",
  async list(c) {
    const [queues, flows] = await Promise.all([queuesApi.list(c), flowsApi.list(c)]);
    const flowName = new Map(flows.map((f) => [f.id, f.name]));
    return queues
      .filter((q) => FIELDS.some((f) => (q[f] as { id?: string } | null | undefined)?.id))
      .map((q) => {
        const args: Record<string, Ref | undefined> = { queue: new Ref("queues", q.id, q.name, "id") };
        for (const f of FIELDS) {
          const id = (q[f] as { id?: string } | null | undefined)?.id;
          if (id) args[f] = new Ref("flows", id, flowName.get(id) ?? id, "id");
        }
        return { id: q.id, name: q.name, args };
      });
  },
};
