import * as pulumi from "@pulumi/pulumi";
import { shimFor } from "../shim";

export interface QueueFlowsArgs {
  /** `queue.id` */
  queue: pulumi.Input<string>;
  /** `flow.id` of an inqueuecall flow */
  queueFlow?: pulumi.Input<string>;
  emailInQueueFlow?: pulumi.Input<string>;
  messageInQueueFlow?: pulumi.Input<string>;
  /** `flow.id`s of the callback's live-voice and answering-machine flows (mediaSettings.callback). */
  callbackLiveVoiceFlow?: pulumi.Input<string>;
  callbackAnsweringMachineFlow?: pulumi.Input<string>;
  /** `flow.id` run on message inactivity (mediaSettings.message.inactivityTimeoutSettings.flowId). */
  messageInactivityTimeoutFlow?: pulumi.Input<string>;
}

/** Connects a queue to its in-queue flows after both exist (breaks the queue <-> flow cycle). */
export class QueueFlows extends pulumi.dynamic.Resource {
  constructor(name: string, args: QueueFlowsArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor("genesyscloud:routing:QueueFlows"), name, args, opts, "genesyscloud", "RoutingQueueFlows");
  }
}
