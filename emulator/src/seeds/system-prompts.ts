import type { SystemPromptRecord } from "../state/org-refs";

/**
 * A few of the system prompts every org comes with (`/api/v2/architect/systemprompts`; Archy names them
 * `PromptSystem.<name>`, e.g. the `PromptSystem.on_hold_music` of our flow shells). The id equals the name
 * (unverified: the real catalogue has hundreds, in many languages).
 */
export const SYSTEM_PROMPTS: readonly SystemPromptRecord[] = [
  { id: "on_hold_music", name: "on_hold_music", description: "On hold music" },
  { id: "digit_0", name: "digit_0", description: "Zero" },
  { id: "digit_1", name: "digit_1", description: "One" },
  { id: "goodbye", name: "goodbye", description: "Goodbye." },
  { id: "please_hold", name: "please_hold", description: "Please hold." },
  { id: "thank_you", name: "thank_you", description: "Thank you." },
];
