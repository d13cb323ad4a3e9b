import { FLOW_TYPES } from "./references";

/**
 * The smallest Archy flow of each type that Architect publishes: a default language, its supported languages, error
 * handling and the one menu, state or task its start needs, as Terraform's example and test flows have them
 * (examples/resources/genesyscloud_flow/*.yaml; routing_queue test flows for in-queue email and message flows). It
 * references nothing, so it can be published before the objects a full flow needs: that is what cycle breaking and
 * freeing a flow on destroy publish. Types without such a source (bots, common modules, voicemail, survey invites,
 * secure call, speech) get the state-and-disconnect form: unverified.
 */
export function minimalFlowYaml(name: string, type: string, division?: string): string {
  const key = Object.entries(FLOW_TYPES).find(([, t]) => t === type)?.[0] ?? type;
  const lines = [
    `${key}:`,
    `  name: ${JSON.stringify(name)}`,
    ...(division ? [`  division: ${JSON.stringify(division)}`] : []),
    `  description: "Placeholder published by genesys-clone so flows that reference each other can be published; the full flow replaces it."`,
    "  defaultLanguage: en-us",
    "  supportedLanguages:",
    "    en-us:",
    "      defaultLanguageSkill:",
    "        noValue: true",
  ];
  const errorHandling = (action: string) => [
    "  settingsErrorHandling:",
    "    errorHandling:",
    `      ${action}:`,
    "        none: true",
  ];
  switch (type) {
    case "inboundcall":
    case "outboundcall":
      lines.push(
        ...errorHandling("disconnect"),
        "  startUpRef: ./menus/menu[shellMenu]",
        "  menus:",
        "    - menu:",
        "        name: Main Menu",
        "        refId: shellMenu",
        "        audio:",
        "          tts: This flow is being set up.",
        "        choices:",
        "          - menuDisconnect:",
        "              name: Disconnect",
        "              dtmf: digit_9",
      );
      break;
    case "inqueuecall":
      lines.push(
        ...errorHandling("disconnect"),
        "  settingsInQueueCall:",
        "    holdMusic:",
        "      lit:",
        "        name: PromptSystem.on_hold_music",
        "  startUpTaskActions:",
        "    - holdMusic:",
        "        name: Hold Music",
        "        prompt:",
        "          exp: Flow.HoldPrompt",
        "        bargeInEnabled:",
        "          lit: false",
        "        playStyle:",
        "          entirePrompt: true",
      );
      break;
    case "inqueueemail":
    case "inqueueshortmessage":
      lines.push(...errorHandling("endInQueueState"));
      for (const [field, state, ref] of [
        ["startUpState", "Initial State", "Initial State_10"],
        ["periodicState", "Recurring State", "Recurring State_12"],
      ] as const) {
        lines.push(
          `  ${field}:`,
          `    name: ${state}`,
          `    refId: ${ref}`,
          "    actions:",
          "      - endState:",
          "          name: End State",
        );
      }
      break;
    case "workflow":
      lines.push(
        ...errorHandling("endWorkflow"),
        ...stateWith(key, [
          "          - endWorkflow:",
          "              name: End Workflow",
          "              exitReason:",
          "                noValue: true",
        ]),
      );
      break;
    default:
      if (type === "inboundemail")
        lines.push("  settingsInboundEmailHandling:", "    emailHandling:", "      disconnect:", "        none: true");
      lines.push(
        ...errorHandling("disconnect"),
        ...stateWith(key, ["          - disconnect:", "              name: Disconnect"]),
      );
  }
  return lines.join("\n") + "\n";
}

function stateWith(key: string, actions: string[]): string[] {
  return [
    `  startUpRef: "/${key}/states/state[Initial State_10]"`,
    "  states:",
    "    - state:",
    "        name: Initial State",
    "        refId: Initial State_10",
    "        actions:",
    ...actions,
  ];
}
