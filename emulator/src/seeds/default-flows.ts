import type { SeedFlow } from "./types";

/**
 * The Architect flows every real org comes with, seeded in every emulator org (empty ones too): the default in-queue
 * flow and the default voicemail flow, the two Terraform's genesyscloud_flow data source documents by name
 * (docs/data-sources/flow.md: "Default In-Queue Flow"; "Default Voicemail Flow", type voicemail). The help center says
 * the default voicemail flow cannot be deleted ("Voicemail flow overview"). Marked `system` (SDK `Flow.system`);
 * whether the real API sets that flag on them is unverified, so clients should also know them by name and type.
 */
export const DEFAULT_FLOWS: readonly SeedFlow[] = [
  {
    system: true,
    yaml: `inqueueCall:
  name: Default In-Queue Flow
  description: This flow provides handling for calls waiting in a queue.
  division: Home
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  settingsInQueueCall:
    holdMusic:
      lit:
        name: PromptSystem.on_hold_music
  settingsErrorHandling:
    errorHandling:
      disconnect:
        none: true
  startUpTaskActions:
    - holdMusic:
        name: Hold Music
        playStyle:
          entirePrompt: true
        bargeInEnabled:
          lit: false
        prompt:
          exp: Flow.HoldPrompt
`,
  },
  {
    system: true,
    yaml: `voicemail:
  name: Default Voicemail Flow
  description: Records voicemail for users, groups and queues.
  division: Home
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  settingsErrorHandling:
    errorHandling:
      disconnect:
        none: true
`,
  },
];
