// expect: "fields the SDK model does not have": "memberCont"
// The provider's Queue response schema with a misspelt field (the SDK's Queue has memberCount).
import { z } from "zod";
import type { Models, SdkRead, Without } from "../../provider/src/sdk";
import { Queue } from "../../provider/src/resources/routing-queue/schema";

const Read = Queue.extend({ memberCont: z.number() });
export type Response = SdkRead<Models.Queue, Without<z.infer<typeof Read>, "wrapupCodes">>;
