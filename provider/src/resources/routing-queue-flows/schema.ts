import { z } from "zod";

export const RESOURCE_TYPE = "genesyscloud:routing:QueueFlows";
export const LABEL = "Queue flows";

export const QueueFlowsArgs = z
  .object({
    /** Id of the Queue resource. */
    queue: z.string().min(1),
    queueFlow: z.string().optional(),
    emailInQueueFlow: z.string().optional(),
    messageInQueueFlow: z.string().optional(),
    callbackLiveVoiceFlow: z.string().optional(),
    callbackAnsweringMachineFlow: z.string().optional(),
    messageInactivityTimeoutFlow: z.string().optional(),
  })
  .strict();
export type QueueFlowsArgs = z.infer<typeof QueueFlowsArgs>;
