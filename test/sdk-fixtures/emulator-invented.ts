// expect: "fields the SDK model does not have": "lockedBy"
// An emulator response with a field the SDK's Flow does not have.
import type { FlowWire } from "../../emulator/src/routes/architect/flow-wire";
import type { Models, SdkResponse } from "../../emulator/src/routes/sdk";

export type Response = SdkResponse<Models.Flow, FlowWire & { lockedBy?: { id: string } }>;
