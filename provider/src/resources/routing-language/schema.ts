import { z } from "zod";
import type { Models, SdkBody, SdkRead } from "../../sdk";
import { nameSchema, onConflictField } from "../common";

export const RESOURCE_TYPE = "genesyscloud:routing:Language";
export const LABEL = "Language";

export const LanguageArgs = z.object({ name: nameSchema(LABEL, 256), onConflict: onConflictField }).strict();
export type LanguageArgs = z.infer<typeof LanguageArgs>;

export const RoutingLanguage = z.object({ id: z.string(), name: z.string(), state: z.string().optional() });
export type RoutingLanguage = z.infer<typeof RoutingLanguage>;
type _RoutingLanguage = SdkRead<Models.Language, RoutingLanguage>;

export interface LanguageBody {
  name: string;
}
type _LanguageBody = SdkBody<Models.Language, LanguageBody>;
