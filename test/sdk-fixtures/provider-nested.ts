// expect: "fields the SDK model does not have": "rings.action"
// A request body with a misspelt field two levels down (Ring has actions, not action).
import type { Models, SdkBody } from "../../provider/src/sdk";

export type Bullseye = SdkBody<
  Models.Bullseye,
  {
    rings: { expansionCriteria: { type: string; threshold: number }[]; action: { skillsToRemove: { id: string }[] } }[];
  }
>;
