import type { SeedFlow } from "./types";

/**
 * Published Architect flows of the sample `source` org, as Archy YAML. They refer to other objects by name
 * (see the README's reference contract): `Main IVR` <-> `Spanish IVR` transfer to each other (a flow cycle), and
 * `Sales In-Queue` transfers to the queue `Sales - VIP`, whose own in-queue flow it is (a queue <-> flow cycle).
 */

const MAIN_IVR = `inboundCall:
  name: Main IVR
  description: Main number - opening hours check, then the main menu
  division: Home
  startUpRef: "/inboundCall/tasks/task[Check Hours_10]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
      textToSpeech:
        defaultEngine:
          voice: Jill
  initialGreeting:
    exp: AudioPlaybackOptions(ToAudio(Prompt.Welcome), true)
  settingsActionDefaults:
    playAudioOnSilence:
      timeout:
        lit:
          seconds: 40
    detectSilence:
      timeout:
        lit:
          seconds: 40
    collectInput:
      noEntryTimeout:
        lit:
          seconds: 5
    transferToFlowSecure:
      connectTimeout:
        lit:
          seconds: 15
  settingsErrorHandling:
    errorHandling:
      disconnect:
        none: true
    preHandlingAudio:
      tts: Sorry, something went wrong. Please call again later.
  settingsMenu:
    extensionDialingMaxDelay:
      lit:
        seconds: 1
    listenForExtensionDialing:
      lit: true
    menuSelectionTimeout:
      lit:
        seconds: 10
    repeatCount:
      lit: 3
  settingsPrompts:
    ensureAudioInPrompts: false
  settingsSpeechRec:
    completeMatchTimeout:
      lit:
        ms: 100
    incompleteMatchTimeout:
      lit:
        ms: 1500
    maxSpeechLengthTimeout:
      lit:
        seconds: 20
    minConfidenceLevel:
      lit: 50
    asrCompanyDir: none
    asrEnabledOnFlow: true
    suppressRecording: false
  tasks:
    - task:
        name: Check Hours
        refId: Check Hours_10
        actions:
          - evaluateScheduleGroup:
              name: Evaluate Main Line Hours
              inServiceSchedules:
                noValue: true
              evaluate:
                now: true
              scheduleGroup:
                lit:
                  name: Main Line Hours
              emergencyGroup:
                lit:
                  name: Severe Weather
              outputs:
                open:
                  actions:
                    - jumpToMenu:
                        name: Go to Main Menu
                        targetMenuRef: "/inboundCall/menus/menu[Main Menu_20]"
                closed:
                  actions:
                    - playAudio:
                        name: Closed Message
                        audio:
                          tts: We are closed. Our lines are open 8 AM to 6 PM Monday to Friday and 9 AM to 1 PM on Saturday.
                    - disconnect:
                        name: Disconnect
                holiday:
                  actions:
                    - playAudio:
                        name: Holiday Message
                        audio:
                          tts: We are closed for the holiday. Please call again on the next business day.
                    - disconnect:
                        name: Disconnect
    - task:
        name: Transfer to Spanish
        refId: Transfer to Spanish_30
        actions:
          - transferToFlow:
              name: Go to Spanish IVR
              targetFlow:
                name: Spanish IVR
              preTransferAudio:
                tts: Un momento, por favor.
              failureTransferAudio:
                tts: Sorry, our Spanish line is not available right now.
              failureOutputs:
                errorType:
                  noValue: true
                errorMessage:
                  noValue: true
          - jumpToMenu:
              name: Back to Main Menu
              targetMenuRef: "/inboundCall/menus/menu[Main Menu_20]"
  menus:
    - menu:
        name: Main Menu
        refId: Main Menu_20
        audio:
          tts: For sales, press 1. For technical support, press 2. For billing, press 3. Para espanol, oprima 9. For anything else, press 0.
        settingsMenu:
          extensionDialingMaxDelay:
            noValue: true
          listenForExtensionDialing:
            noValue: true
          menuSelectionTimeout:
            noValue: true
          repeatCount:
            noValue: true
        choices:
          - menuTransferToAcd:
              name: Sales
              dtmf: digit_1
              globalDtmf: false
              globalSpeechRecogTerms: false
              preTransferAudio:
                tts: Connecting you to our sales team.
              failureTransferAudio:
                tts: Sorry, we could not reach our sales team.
              targetQueue:
                lit:
                  name: Sales - New Business
              priority:
                lit: 0
          - menuTransferToAcd:
              name: Technical Support
              dtmf: digit_2
              globalDtmf: false
              globalSpeechRecogTerms: false
              preTransferAudio:
                tts: Connecting you to technical support.
              failureTransferAudio:
                tts: Sorry, we could not reach technical support.
              targetQueue:
                lit:
                  name: Support - Tier 1
              priority:
                lit: 0
          - menuTransferToAcd:
              name: Billing
              dtmf: digit_3
              globalDtmf: false
              globalSpeechRecogTerms: false
              preTransferAudio:
                tts: Connecting you to billing.
              failureTransferAudio:
                tts: Sorry, we could not reach billing.
              targetQueue:
                lit:
                  name: Billing - Payments
              priority:
                lit: 0
          - menuTask:
              name: Espanol
              dtmf: digit_9
              globalDtmf: false
              globalSpeechRecogTerms: false
              targetTaskRef: "/inboundCall/tasks/task[Transfer to Spanish_30]"
          - menuTransferToAcd:
              name: Operator
              dtmf: digit_0
              globalDtmf: false
              globalSpeechRecogTerms: false
              preTransferAudio:
                tts: Please hold for the next available agent.
              failureTransferAudio:
                tts: Sorry, nobody is available to take your call.
              targetQueue:
                lit:
                  name: General Enquiries
              priority:
                lit: 0
`;

const SPANISH_IVR = `inboundCall:
  name: Spanish IVR
  description: Linea en espanol
  division: Home
  startUpRef: "/inboundCall/menus/menu[Menu Principal_10]"
  defaultLanguage: es-us
  supportedLanguages:
    es-us:
      defaultLanguageSkill:
        noValue: true
      textToSpeech:
        defaultEngine:
          voice: Penelope
  initialGreeting:
    tts: Gracias por llamar a Acme.
  settingsErrorHandling:
    errorHandling:
      disconnect:
        none: true
    preHandlingAudio:
      tts: Lo sentimos, ha ocurrido un error. Por favor, llame mas tarde.
  settingsMenu:
    extensionDialingMaxDelay:
      lit:
        seconds: 1
    listenForExtensionDialing:
      lit: false
    menuSelectionTimeout:
      lit:
        seconds: 10
    repeatCount:
      lit: 3
  settingsPrompts:
    ensureAudioInPrompts: false
  tasks:
    - task:
        name: Ventas
        refId: Ventas_20
        actions:
          - transferToAcd:
              name: Transferir a Ventas
              targetQueue:
                lit:
                  name: Sales - Spanish
              languageSkill:
                lit:
                  name: Spanish
              priority:
                lit: 0
              preferredAgents:
                noValue: true
              preTransferAudio:
                tts: Le comunicamos con el equipo de ventas.
              failureTransferAudio:
                tts: Lo sentimos, no fue posible transferir su llamada.
              failureOutputs:
                errorType:
                  noValue: true
                errorMessage:
                  noValue: true
          - disconnect:
              name: Desconectar
    - task:
        name: Soporte
        refId: Soporte_30
        actions:
          - transferToAcd:
              name: Transferir a Soporte
              targetQueue:
                lit:
                  name: Support - Spanish
              languageSkill:
                lit:
                  name: Spanish
              priority:
                lit: 0
              preferredAgents:
                noValue: true
              preTransferAudio:
                tts: Le comunicamos con soporte tecnico.
              failureTransferAudio:
                tts: Lo sentimos, no fue posible transferir su llamada.
              failureOutputs:
                errorType:
                  noValue: true
                errorMessage:
                  noValue: true
          - disconnect:
              name: Desconectar
    - task:
        name: English
        refId: English_40
        actions:
          - transferToFlow:
              name: Back to Main IVR
              targetFlow:
                name: Main IVR
              preTransferAudio:
                tts: One moment, please.
              failureTransferAudio:
                tts: Sorry, our English line is not available right now.
              failureOutputs:
                errorType:
                  noValue: true
                errorMessage:
                  noValue: true
          - disconnect:
              name: Desconectar
  menus:
    - menu:
        name: Menu Principal
        refId: Menu Principal_10
        audio:
          tts: Para ventas, oprima 1. Para soporte tecnico, oprima 2. For English, press 9.
        choices:
          - menuTask:
              name: Ventas
              dtmf: digit_1
              globalDtmf: false
              globalSpeechRecogTerms: false
              targetTaskRef: "/inboundCall/tasks/task[Ventas_20]"
          - menuTask:
              name: Soporte
              dtmf: digit_2
              globalDtmf: false
              globalSpeechRecogTerms: false
              targetTaskRef: "/inboundCall/tasks/task[Soporte_30]"
          - menuTask:
              name: English
              dtmf: digit_9
              globalDtmf: false
              globalSpeechRecogTerms: false
              targetTaskRef: "/inboundCall/tasks/task[English_40]"
`;

/** An in-queue call flow: greeting, then hold music in a loop; `extra` is appended to the start-up actions. */
function inQueueFlow(
  name: string,
  description: string,
  greeting: string,
  holdSeconds: number,
  loops: number,
  extra: string,
): string {
  return `inqueueCall:
  name: ${name}
  description: ${description}
  division: Home
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
      textToSpeech:
        defaultEngine:
          voice: Jill
  settingsInQueueCall:
    holdMusic:
      lit:
        name: PromptSystem.on_hold_music
  settingsErrorHandling:
    errorHandling:
      disconnect:
        none: true
  settingsPrompts:
    ensureAudioInPrompts: false
  startUpTaskActions:
    - playAudio:
        name: Greeting
        audio:
          tts: ${greeting}
    - loop:
        name: Wait Loop
        currentIndex:
          var: Task.LoopIndex
        loopCount:
          lit: ${loops}
        outputs:
          loop:
            actions:
              - playEstimatedWaitTime:
                  name: Estimated Wait Time
                  playMode: estimatedWaitTime
              - holdMusic:
                  name: Hold Music
                  prompt:
                    exp: Flow.HoldPrompt
                  bargeInEnabled:
                    lit: false
                  playStyle:
                    duration:
                      lit:
                        seconds: ${holdSeconds}
${extra}`;
}

const STANDARD_IN_QUEUE = inQueueFlow(
  "Standard In-Queue",
  "Hold music with an estimated wait time every minute",
  "All of our agents are busy. Your call is important to us, please hold.",
  60,
  0,
  "",
);

const SALES_IN_QUEUE = inQueueFlow(
  "Sales In-Queue",
  "Sales hold experience; long waits move to the VIP line",
  "All of our sales advisors are busy. Please hold and we will be with you shortly.",
  45,
  5,
  `    - transferToAcd:
        name: Escalate to VIP
        targetQueue:
          lit:
            name: Sales - VIP
        priority:
          lit: 10
        preferredAgents:
          noValue: true
        preTransferAudio:
          tts: Thank you for waiting. We are moving you to our priority line.
        failureTransferAudio:
          tts: Please keep holding.
        failureOutputs:
          errorType:
            noValue: true
          errorMessage:
            noValue: true
`,
);

const SUPPORT_IN_QUEUE = inQueueFlow(
  "Support In-Queue",
  "Support hold experience; very long waits overflow",
  "All of our support engineers are helping other customers. Please hold.",
  30,
  10,
  `    - transferToAcd:
        name: Overflow
        targetQueue:
          lit:
            name: Overflow
        priority:
          lit: 5
        preferredAgents:
          noValue: true
        preTransferAudio:
          tts: We are transferring you to the next available agent.
        failureTransferAudio:
          tts: Please keep holding.
        failureOutputs:
          errorType:
            noValue: true
          errorMessage:
            noValue: true
`,
);

/** What callers hear while the emergency group `Severe Weather` is active (the group's emergency call flow). */
const EMERGENCY_CLOSURE = `inboundCall:
  name: Emergency Closure
  description: Played while the Severe Weather emergency group is active
  division: Home
  startUpRef: "/inboundCall/tasks/task[Closure_10]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  tasks:
    - task:
        name: Closure
        refId: Closure_10
        actions:
          - playAudio:
              name: Closure Message
              audio:
                tts: Our centres are closed because of severe weather. Please call again later.
          - disconnect:
              name: Disconnect
`;

/**
 * Looks the dialled number up in the data table `Store Locations` and reads the store's city out, then checks the
 * caller's account with the `Acme CRM` integration's data action and hands failures to the `Support Escalations` group.
 */
const STORE_LOCATOR = `inboundCall:
  name: Store Locator
  description: Tells callers the opening hours of their nearest store
  division: Home
  startUpRef: "/inboundCall/tasks/task[Find Store_10]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  tasks:
    - task:
        name: Find Store
        refId: Find Store_10
        actions:
          - dataTableLookup:
              name: Look Up Store
              lookupValue:
                exp: Call.CalledAddressOriginal
              dataTable:
                lit:
                  name: Store Locations
              outputs:
                found:
                  actions:
                    - playAudio:
                        name: Store Found
                        audio:
                          tts: Your nearest store is open from eight in the morning.
                notFound:
                  actions:
                    - transferToAcd:
                        name: To General Enquiries
                        targetQueue:
                          lit:
                            name: General Enquiries
          - callData:
              name: Check Caller Account
              timeout:
                lit:
                  minutes: 1
              category:
                Acme CRM:
                  dataAction:
                    Get Account Status:
                      inputs:
                        phoneNumber:
                          exp: Call.Ani
                      successOutputs:
                        status:
                          noValue: true
              outputs:
                success:
                  actions:
                    - playAudio:
                        name: Account Found
                        audio:
                          tts: Thank you, we found your account.
                failure:
                  actions:
                    - transferToGroup:
                        name: To Support Escalations
                        targetGroup:
                          lit:
                            name: Support Escalations
          - disconnect:
              name: Disconnect
`;

export const SAMPLE_FLOWS: SeedFlow[] = [
  EMERGENCY_CLOSURE,
  STORE_LOCATOR,
  MAIN_IVR,
  SPANISH_IVR,
  STANDARD_IN_QUEUE,
  SALES_IN_QUEUE,
  SUPPORT_IN_QUEUE,
].map((yaml) => ({ yaml }));

/** Queue name -> its in-queue call flow (`queueFlow`); queues without calls, outbound and the operator have none. */
export const SAMPLE_IN_QUEUE_FLOWS: Readonly<Record<string, string>> = {
  "Sales - New Business": "Sales In-Queue",
  "Sales - Renewals": "Sales In-Queue",
  "Sales - Upgrades": "Sales In-Queue",
  "Sales - Enterprise": "Sales In-Queue",
  "Sales - Small Business": "Sales In-Queue",
  "Sales - Spanish": "Sales In-Queue",
  "Sales - VIP": "Sales In-Queue",
  "Retention - Save Desk": "Sales In-Queue",
  "Support - Tier 1": "Support In-Queue",
  "Support - Tier 2": "Support In-Queue",
  "Support - Tier 3": "Support In-Queue",
  "Support - Spanish": "Support In-Queue",
  "Support - French": "Support In-Queue",
  "Support - German": "Support In-Queue",
  "Support - Accessibility": "Support In-Queue",
  Complaints: "Standard In-Queue",
  "Billing - Payments": "Standard In-Queue",
  "Billing - Disputes": "Standard In-Queue",
  "Billing - Refunds": "Standard In-Queue",
  "Billing - Collections": "Standard In-Queue",
  "Billing - Fraud": "Standard In-Queue",
  "General Enquiries": "Standard In-Queue",
  Overflow: "Standard In-Queue",
};
