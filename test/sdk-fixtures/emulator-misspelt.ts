// expect: "fields the SDK model does not have": "nmae"
// A request schema accepting a field under a name the real API does not know.
import { z } from "zod";
import type { Models, SdkRequest } from "../../emulator/src/routes/sdk";

const language = z.object({ nmae: z.string() });
export type Request = SdkRequest<Models.Language, z.input<typeof language>>;
