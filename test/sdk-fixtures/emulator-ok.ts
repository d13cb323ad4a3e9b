// Compiles: the control for the emulator-*.ts fixtures.
import { z } from "zod";
import type { FlowWire } from "../../emulator/src/routes/architect/flow-wire";
import type { Models, SdkRequest, SdkResponse } from "../../emulator/src/routes/sdk";

export type Response = SdkResponse<Models.Flow, FlowWire & { compatibleFlowTypes?: string[] }>;
const language = z.object({ name: z.string() });
export type Request = SdkRequest<Models.Language, z.input<typeof language>>;
