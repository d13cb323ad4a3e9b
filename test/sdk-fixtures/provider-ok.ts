// Compiles: the control for the provider-*.ts fixtures (the same shapes, spelt as the SDK spells them).
import { z } from "zod";
import type { Models, SdkBody, SdkRead, Without } from "../../provider/src/sdk";
import { Queue } from "../../provider/src/resources/routing-queue/schema";

const Read = Queue.extend({ memberCount: z.number() });
export type Response = SdkRead<Models.Queue, Without<z.infer<typeof Read>, "wrapupCodes">>;
export type Division = SdkBody<Models.AuthzDivision, { name: string; description: string }>;
export type Bullseye = SdkBody<Models.Bullseye, { rings: { actions: { skillsToRemove: { id: string }[] } }[] }>;
export type Named = SdkRead<Models.Queue, { name: string }>;
