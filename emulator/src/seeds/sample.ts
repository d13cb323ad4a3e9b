import type { QueueMediaSetting, RoutingRule, ServiceLevel } from "../state/entities";
import { SAMPLE_FLOWS, SAMPLE_IN_QUEUE_FLOWS } from "./sample-flows";
import { toneWav } from "./wav";
import type {
  SeedIvr,
  SeedData,
  SeedDataTable,
  SeedDivision,
  SeedPrompt,
  SeedEmergencyGroup,
  SeedLanguage,
  SeedQueue,
  SeedSchedule,
  SeedScheduleGroup,
  SeedEdgeGroup,
  SeedGroup,
  SeedIntegration,
  SeedUser,
  SeedEmailDomain,
  SeedSite,
  SeedSkill,
  SeedTrunkBase,
  SeedWrapupCode,
} from "./types";

const DIVISIONS: SeedDivision[] = [
  { name: "Home", description: "Home Division", home: true },
  { name: "Sales", description: "Inbound and outbound sales teams" },
  { name: "Customer Care", description: "General customer service and technical support" },
  { name: "Billing", description: "Invoices, payments and collections" },
];

const SKILLS: SeedSkill[] = [
  { name: "English", division: "Home" },
  { name: "Spanish", division: "Home" },
  { name: "French", division: "Home" },
  { name: "German", division: "Home" },
  { name: "Portuguese", division: "Home" },
  { name: "Mandarin", division: "Home" },
  { name: "Sign Language Relay", division: "Home" },
  { name: "Billing Disputes", division: "Billing" },
  { name: "Payment Plans", division: "Billing" },
  { name: "Refunds", division: "Billing" },
  { name: "Collections", division: "Billing" },
  { name: "Invoice Corrections", division: "Billing" },
  { name: "Fraud Investigation", division: "Billing" },
  { name: "Technical Support L1", division: "Customer Care" },
  { name: "Technical Support L2", division: "Customer Care" },
  { name: "Technical Support L3", division: "Customer Care" },
  { name: "Account Management", division: "Customer Care" },
  { name: "Complaints", division: "Customer Care" },
  { name: "Accessibility Support", division: "Customer Care" },
  { name: "Social Media", division: "Customer Care" },
  { name: "Email Handling", division: "Customer Care" },
  { name: "Chat Handling", division: "Customer Care" },
  { name: "VIP", division: "Sales" },
  { name: "Retention", division: "Sales" },
  { name: "New Accounts", division: "Sales" },
  { name: "Upsell", division: "Sales" },
  { name: "Enterprise Sales", division: "Sales" },
  { name: "Small Business Sales", division: "Sales" },
  { name: "Outbound Campaigns", division: "Sales" },
  { name: "Product Specialist", division: "Sales" },
  // Soft-deleted: listings show it with state "deleted" (like the real API), importers must skip it.
  { name: "Legacy Fax Support", division: "Customer Care", deleted: true },
];

const WRAPUP_CODES: SeedWrapupCode[] = [
  {
    name: "Resolved - First Contact",
    division: "Home",
    description: "Issue fully resolved during the first interaction",
  },
  { name: "Resolved - Follow Up", division: "Home", description: "Issue resolved after a previous contact" },
  { name: "Callback Scheduled", division: "Home", description: "Customer asked to be called back at a later time" },
  { name: "Escalated to Tier 2", division: "Customer Care", description: "Handed over to second-level support" },
  { name: "Escalated to Supervisor", division: "Customer Care", description: "Customer requested a supervisor" },
  { name: "Transferred", division: "Home", description: "Interaction transferred to another queue" },
  { name: "Wrong Number", division: "Home" },
  { name: "Abandoned", division: "Home", description: "Customer disconnected before the issue was handled" },
  { name: "No Answer", division: "Sales", description: "Outbound attempt was not answered" },
  { name: "Voicemail Left", division: "Sales", description: "Message left on the customer's voicemail" },
  { name: "Sale Completed", division: "Sales", description: "Order placed during the call" },
  { name: "Sale Declined", division: "Sales", description: "Customer declined the offer" },
  { name: "Quote Sent", division: "Sales", description: "Written quote emailed to the customer" },
  { name: "Upgrade Accepted", division: "Sales", description: "Customer upgraded their plan" },
  { name: "Retention Offer Accepted", division: "Sales", description: "Customer stayed after a retention offer" },
  { name: "Cancellation Processed", division: "Sales", description: "Service cancelled at the customer's request" },
  { name: "Do Not Call Request", division: "Sales", description: "Number added to the internal do-not-call list" },
  { name: "Payment Arrangement", division: "Billing", description: "Instalment plan agreed with the customer" },
  { name: "Payment Taken", division: "Billing", description: "Card payment processed during the call" },
  { name: "Refund Issued", division: "Billing", description: "Refund approved and issued" },
  { name: "Billing Dispute Opened", division: "Billing", description: "Formal dispute case created" },
  { name: "Invoice Resent", division: "Billing" },
  { name: "Fraud Suspected", division: "Billing", description: "Account flagged for fraud review" },
  { name: "Technical Issue Resolved", division: "Customer Care", description: "Troubleshooting fixed the problem" },
  { name: "Technician Dispatched", division: "Customer Care", description: "Field visit booked" },
  { name: "Known Outage", division: "Customer Care", description: "Customer informed about an ongoing outage" },
  { name: "Password Reset", division: "Customer Care", description: "Account credentials reset after verification" },
  { name: "Complaint Logged", division: "Customer Care", description: "Formal complaint recorded" },
  { name: "Information Provided", division: "Home", description: "General enquiry answered" },
  { name: "Survey Declined", division: "Home" },
];

const LANGUAGES: SeedLanguage[] = [
  "English",
  "Spanish",
  "French",
  "German",
  "Portuguese",
  "Italian",
  "Japanese",
  "Mandarin",
].map((name) => ({ name }));

// ---- queues -----------------------------------------------------------------------------------

function sl(percentage: number, seconds: number): ServiceLevel {
  return { percentage, durationMs: seconds * 1000 };
}

function call(alertingTimeoutSeconds = 8, serviceLevel = sl(0.8, 20), enableAutoAnswer = false): QueueMediaSetting {
  return {
    alertingTimeoutSeconds,
    serviceLevel,
    enableAutoAnswer,
    autoAnswerAlertToneSeconds: 0,
    manualAnswerAlertToneSeconds: 0,
  };
}

function chat(alertingTimeoutSeconds = 30, serviceLevel = sl(0.8, 30)): QueueMediaSetting {
  return {
    alertingTimeoutSeconds,
    serviceLevel,
    enableAutoAnswer: false,
    autoAnswerAlertToneSeconds: 0,
    manualAnswerAlertToneSeconds: 0,
  };
}

function callback(mode: "AgentFirst" | "CustomerFirst" = "AgentFirst"): QueueMediaSetting {
  return { ...call(30, sl(0.8, 600)), mode, enableAutoDialAndEnd: false, autoEndDelaySeconds: 300 };
}

function email(hours = 24): QueueMediaSetting {
  return {
    alertingTimeoutSeconds: 300,
    serviceLevel: sl(0.8, hours * 3600),
    enableAutoAnswer: false,
    autoAnswerAlertToneSeconds: 0,
    manualAnswerAlertToneSeconds: 0,
  };
}

function message(): QueueMediaSetting {
  return {
    alertingTimeoutSeconds: 30,
    serviceLevel: sl(0.8, 60),
    enableAutoAnswer: false,
    autoAnswerAlertToneSeconds: 0,
    manualAnswerAlertToneSeconds: 0,
    enableInactivityTimeout: false,
  };
}

const BEST_THEN_ANY: RoutingRule[] = [
  { operator: "MEETS_THRESHOLD", threshold: 9, waitSeconds: 5 },
  { operator: "ANY", waitSeconds: 10 },
];

const SALES_CODES = [
  "Sale Completed",
  "Sale Declined",
  "Quote Sent",
  "Callback Scheduled",
  "Transferred",
  "Information Provided",
];
const SUPPORT_CODES = [
  "Resolved - First Contact",
  "Resolved - Follow Up",
  "Escalated to Tier 2",
  "Transferred",
  "Known Outage",
  "Password Reset",
];
const BILLING_CODES = [
  "Payment Taken",
  "Payment Arrangement",
  "Invoice Resent",
  "Transferred",
  "Resolved - First Contact",
];

/**
 * Agents: the same people (the same emails) in every sample org, as a company provisions its directory in each
 * org it runs; their ids differ per org. Queues name them as members; genesys-clone never creates them.
 */
export const USERS: SeedUser[] = [
  { name: "Ana García", email: "ana.garcia@acme.example.com" },
  { name: "Ben Okafor", email: "ben.okafor@acme.example.com" },
  { name: "Chloé Martin", email: "chloe.martin@acme.example.com" },
  { name: "Siobhán O'Brien", email: "siobhan.obrien@acme.example.com" },
  { name: "Dev Patel", email: "dev.patel@acme.example.com" },
];
export const GROUPS: SeedGroup[] = [
  {
    name: "Support Escalations",
    description: "Senior agents who take escalated cases",
    members: ["chloe.martin@acme.example.com", "dev.patel@acme.example.com"],
  },
];

/**
 * The CRM integration flows call (Call Data Action): installed with its credentials in each org by an admin, never
 * cloned, so both orgs have it.
 */
export const INTEGRATIONS: SeedIntegration[] = [{ name: "Acme CRM", actions: [{ name: "Get Account Status" }] }];

const QUEUES: SeedQueue[] = [
  // Sales
  {
    name: "Sales - New Business",
    division: "Sales",
    description: "Inbound calls and chats from prospective customers",
    settings: {
      mediaSettings: { call: call(), chat: chat(), callback: callback() },
      routingRules: BEST_THEN_ANY,
      acwSettings: { wrapupPrompt: "MANDATORY_TIMEOUT", timeoutMs: 60_000 },
      skillEvaluationMethod: "BEST",
      scoringMethod: "TimestampAndPriority",
      lastAgentRoutingMode: "AnyAgent",
      callingPartyName: "Acme Sales",
      callingPartyNumber: "+13175550100",
      enableTranscription: true,
    },
    bullseyeRings: [{ expandAfterSeconds: 15 }, { expandAfterSeconds: 30, removeSkills: ["New Accounts"] }, {}],
    wrapupCodes: [...SALES_CODES, "No Answer", "Abandoned"],
    members: [
      { email: "ana.garcia@acme.example.com", ringNumber: 1 },
      { email: "ben.okafor@acme.example.com", ringNumber: 2 },
    ],
  },
  {
    name: "Sales - Renewals",
    division: "Sales",
    description: "Contract renewals and price changes",
    settings: {
      mediaSettings: { call: call(10), email: email(8) },
      acwSettings: { wrapupPrompt: "MANDATORY", timeoutMs: 30_000 },
      skillEvaluationMethod: "ALL",
      callingPartyName: "Acme Renewals",
      callingPartyNumber: "+13175550101",
    },
    wrapupCodes: [
      "Sale Completed",
      "Sale Declined",
      "Retention Offer Accepted",
      "Cancellation Processed",
      "Quote Sent",
    ],
  },
  {
    name: "Sales - Upgrades",
    division: "Sales",
    description: "Existing customers moving to a bigger plan",
    settings: {
      mediaSettings: { call: call(), chat: chat() },
      acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 45_000 },
      skillEvaluationMethod: "BEST",
      routingRules: BEST_THEN_ANY,
    },
    bullseyeRings: [{ expandAfterSeconds: 20, removeSkills: ["Upsell"] }, {}],
    wrapupCodes: ["Upgrade Accepted", "Sale Declined", "Quote Sent", "Callback Scheduled"],
  },
  {
    name: "Sales - Enterprise",
    division: "Sales",
    description: "Accounts with more than 500 seats",
    settings: {
      mediaSettings: { call: call(15, sl(0.9, 30)), email: email(4), callback: callback("CustomerFirst") },
      acwSettings: { wrapupPrompt: "AGENT_REQUESTED", timeoutMs: 120_000 },
      skillEvaluationMethod: "ALL",
      scoringMethod: "PriorityOnly",
      lastAgentRoutingMode: "QueueMembersOnly",
      callingPartyName: "Acme Enterprise",
      callingPartyNumber: "+13175550102",
    },
    wrapupCodes: [
      "Quote Sent",
      "Sale Completed",
      "Sale Declined",
      "Callback Scheduled",
      "Escalated to Supervisor",
      "Information Provided",
      "Voicemail Left",
    ],
  },
  {
    name: "Sales - Small Business",
    division: "Sales",
    settings: {
      mediaSettings: { call: call(), chat: chat(), message: message() },
      acwSettings: { wrapupPrompt: "MANDATORY_TIMEOUT", timeoutMs: 30_000 },
      skillEvaluationMethod: "BEST",
    },
    bullseyeRings: [{ expandAfterSeconds: 10 }, { expandAfterSeconds: 25, removeSkills: ["Small Business Sales"] }, {}],
    wrapupCodes: SALES_CODES,
  },
  {
    name: "Sales - Outbound Campaigns",
    division: "Sales",
    description: "Agents working preview and progressive campaigns",
    settings: {
      mediaSettings: { call: call(12) },
      acwSettings: { wrapupPrompt: "MANDATORY_FORCED_TIMEOUT", timeoutMs: 20_000 },
      skillEvaluationMethod: "NONE",
      callingPartyName: "Acme",
      callingPartyNumber: "+13175550103",
      autoAnswerOnly: true,
    },
    wrapupCodes: [
      "No Answer",
      "Voicemail Left",
      "Sale Completed",
      "Sale Declined",
      "Do Not Call Request",
      "Wrong Number",
      "Callback Scheduled",
    ],
  },
  {
    name: "Sales - Spanish",
    division: "Sales",
    description: "Ventas en español",
    settings: {
      mediaSettings: { call: call(), chat: chat() },
      acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 30_000 },
      skillEvaluationMethod: "ALL",
      callingPartyName: "Acme Ventas",
      callingPartyNumber: "+13175550104",
    },
    bullseyeRings: [{ expandAfterSeconds: 30 }, { removeSkills: ["Spanish"] }],
    wrapupCodes: ["Sale Completed", "Sale Declined", "Quote Sent", "Transferred"],
  },
  {
    name: "Sales - Chat",
    division: "Sales",
    settings: {
      mediaSettings: { chat: chat(20, sl(0.85, 20)), message: message() },
      acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 15_000 },
      skillEvaluationMethod: "BEST",
      routingRules: BEST_THEN_ANY,
    },
    wrapupCodes: ["Sale Completed", "Quote Sent", "Information Provided"],
  },
  {
    name: "Sales - VIP",
    division: "Sales",
    description: "Priority line for VIP customers",
    settings: {
      mediaSettings: { call: call(20, sl(0.95, 10)), callback: callback("CustomerFirst") },
      acwSettings: { wrapupPrompt: "MANDATORY", timeoutMs: 60_000 },
      skillEvaluationMethod: "ALL",
      scoringMethod: "PriorityOnly",
      lastAgentRoutingMode: "QueueMembersOnly",
      enableAudioMonitoring: true,
      callingPartyName: "Acme VIP",
      callingPartyNumber: "+13175550105",
    },
    bullseyeRings: [{ expandAfterSeconds: 45, removeSkills: ["VIP"] }, {}],
    wrapupCodes: [
      "Sale Completed",
      "Upgrade Accepted",
      "Retention Offer Accepted",
      "Escalated to Supervisor",
      "Callback Scheduled",
      "Resolved - First Contact",
    ],
  },
  {
    name: "Retention - Save Desk",
    division: "Sales",
    description: "Customers asking to cancel",
    settings: {
      mediaSettings: { call: call(10) },
      acwSettings: { wrapupPrompt: "MANDATORY", timeoutMs: 90_000 },
      skillEvaluationMethod: "BEST",
      routingRules: [{ operator: "MEETS_THRESHOLD", threshold: 8, waitSeconds: 10 }],
    },
    bullseyeRings: [{ expandAfterSeconds: 20, removeSkills: ["Retention"] }, {}],
    wrapupCodes: [
      "Retention Offer Accepted",
      "Cancellation Processed",
      "Escalated to Supervisor",
      "Complaint Logged",
      "Transferred",
    ],
  },
  // Customer Care
  {
    name: "Support - Tier 1",
    division: "Customer Care",
    description: "First-line technical support",
    settings: {
      mediaSettings: { call: call(), chat: chat(), email: email(24), message: message(), callback: callback() },
      routingRules: BEST_THEN_ANY,
      acwSettings: { wrapupPrompt: "MANDATORY_TIMEOUT", timeoutMs: 30_000 },
      skillEvaluationMethod: "BEST",
      callingPartyName: "Acme Support",
      callingPartyNumber: "+13175550200",
      enableTranscription: true,
    },
    bullseyeRings: [{ expandAfterSeconds: 15 }, { expandAfterSeconds: 30, removeSkills: ["Technical Support L1"] }, {}],
    wrapupCodes: [
      ...SUPPORT_CODES,
      "Technical Issue Resolved",
      "Technician Dispatched",
      "Abandoned",
      "Callback Scheduled",
    ],
    members: [
      { email: "ben.okafor@acme.example.com", ringNumber: 1 },
      { email: "siobhan.obrien@acme.example.com", ringNumber: 3 },
      { email: "chloe.martin@acme.example.com", ringNumber: 2 },
    ],
  },
  {
    name: "Support - Tier 2",
    division: "Customer Care",
    description: "Escalations from Tier 1",
    settings: {
      mediaSettings: { call: call(10), email: email(12) },
      acwSettings: { wrapupPrompt: "MANDATORY", timeoutMs: 120_000 },
      skillEvaluationMethod: "ALL",
    },
    bullseyeRings: [{ expandAfterSeconds: 60, removeSkills: ["Technical Support L2"] }, {}],
    wrapupCodes: [
      "Technical Issue Resolved",
      "Technician Dispatched",
      "Escalated to Supervisor",
      "Resolved - Follow Up",
      "Known Outage",
    ],
    memberGroups: ["Support Escalations"],
  },
  {
    name: "Support - Tier 3",
    division: "Customer Care",
    description: "Engineering escalations",
    settings: {
      mediaSettings: { call: call(15), email: email(48) },
      acwSettings: { wrapupPrompt: "AGENT_REQUESTED", timeoutMs: 300_000 },
      skillEvaluationMethod: "ALL",
      scoringMethod: "PriorityOnly",
    },
    wrapupCodes: ["Technical Issue Resolved", "Technician Dispatched", "Resolved - Follow Up"],
  },
  {
    name: "Support - Spanish",
    division: "Customer Care",
    description: "Soporte técnico en español",
    settings: {
      mediaSettings: { call: call(), chat: chat() },
      acwSettings: { wrapupPrompt: "MANDATORY_TIMEOUT", timeoutMs: 30_000 },
      skillEvaluationMethod: "ALL",
      callingPartyName: "Acme Soporte",
      callingPartyNumber: "+13175550201",
    },
    bullseyeRings: [{ expandAfterSeconds: 30 }, { expandAfterSeconds: 60, removeSkills: ["Spanish"] }, {}],
    wrapupCodes: SUPPORT_CODES,
  },
  {
    name: "Support - French",
    division: "Customer Care",
    description: "Support technique en français",
    settings: {
      mediaSettings: { call: call(), email: email(24) },
      acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 30_000 },
      skillEvaluationMethod: "ALL",
    },
    bullseyeRings: [{ expandAfterSeconds: 45, removeSkills: ["French"] }, {}],
    wrapupCodes: ["Resolved - First Contact", "Escalated to Tier 2", "Transferred", "Information Provided"],
  },
  {
    name: "Support - German",
    division: "Customer Care",
    description: "Technischer Support auf Deutsch",
    settings: {
      mediaSettings: { call: call(), email: email(24) },
      acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 30_000 },
      skillEvaluationMethod: "ALL",
    },
    bullseyeRings: [{ expandAfterSeconds: 45, removeSkills: ["German"] }, {}],
    wrapupCodes: ["Resolved - First Contact", "Escalated to Tier 2", "Transferred"],
  },
  {
    name: "Support - Chat",
    division: "Customer Care",
    settings: {
      mediaSettings: { chat: chat(20, sl(0.8, 45)), message: message() },
      acwSettings: { wrapupPrompt: "MANDATORY_TIMEOUT", timeoutMs: 20_000 },
      skillEvaluationMethod: "BEST",
      routingRules: BEST_THEN_ANY,
      enableManualAssignment: true,
    },
    wrapupCodes: ["Resolved - First Contact", "Password Reset", "Known Outage", "Escalated to Tier 2", "Abandoned"],
  },
  {
    name: "Support - Email",
    division: "Customer Care",
    description: "Email and web form cases",
    settings: {
      mediaSettings: { email: { ...email(24), allOutboundEmailAddresses: [] } },
      acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 60_000 },
      skillEvaluationMethod: "NONE",
      enableManualAssignment: true,
    },
    outboundEmailAddress: "support@acme-us.example.com",
    wrapupCodes: ["Resolved - First Contact", "Resolved - Follow Up", "Escalated to Tier 2", "Information Provided"],
  },
  {
    name: "Support - Social Media",
    division: "Customer Care",
    settings: {
      mediaSettings: { message: message() },
      acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 30_000 },
      skillEvaluationMethod: "ALL",
    },
    bullseyeRings: [{ expandAfterSeconds: 120, removeSkills: ["Social Media"] }, {}],
    wrapupCodes: ["Resolved - First Contact", "Complaint Logged", "Transferred", "Information Provided"],
  },
  {
    name: "Support - Accessibility",
    division: "Customer Care",
    description: "Relay calls and accessibility requests",
    settings: {
      mediaSettings: { call: call(20, sl(0.8, 60)), chat: chat() },
      acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 120_000 },
      skillEvaluationMethod: "ALL",
      suppressInQueueCallRecording: true,
    },
    bullseyeRings: [{ expandAfterSeconds: 60, removeSkills: ["Accessibility Support", "Sign Language Relay"] }, {}],
    wrapupCodes: ["Resolved - First Contact", "Resolved - Follow Up", "Transferred"],
  },
  {
    name: "Support - Callbacks",
    division: "Customer Care",
    description: "Scheduled and in-queue callbacks",
    settings: {
      mediaSettings: { callback: callback("AgentFirst") },
      acwSettings: { wrapupPrompt: "MANDATORY_TIMEOUT", timeoutMs: 30_000 },
      skillEvaluationMethod: "NONE",
    },
    callbackSite: "US East Site",
    callbackEdgeGroup: "US East Edge Group",
    wrapupCodes: ["Resolved - First Contact", "No Answer", "Voicemail Left", "Callback Scheduled", "Wrong Number"],
  },
  {
    name: "Complaints",
    division: "Customer Care",
    description: "Formal complaints handled by senior agents",
    settings: {
      mediaSettings: { call: call(10), email: email(48) },
      acwSettings: { wrapupPrompt: "MANDATORY", timeoutMs: 180_000 },
      skillEvaluationMethod: "ALL",
      lastAgentRoutingMode: "Disabled",
      enableAudioMonitoring: true,
    },
    wrapupCodes: [
      "Complaint Logged",
      "Escalated to Supervisor",
      "Refund Issued",
      "Resolved - Follow Up",
      "Survey Declined",
      "Information Provided",
    ],
  },
  // Billing
  {
    name: "Billing - Payments",
    division: "Billing",
    description: "Card payments and payment plans",
    settings: {
      mediaSettings: { call: call(), chat: chat() },
      acwSettings: { wrapupPrompt: "MANDATORY_TIMEOUT", timeoutMs: 30_000 },
      skillEvaluationMethod: "BEST",
      routingRules: BEST_THEN_ANY,
      callingPartyName: "Acme Billing",
      callingPartyNumber: "+13175550300",
      suppressInQueueCallRecording: true,
    },
    bullseyeRings: [{ expandAfterSeconds: 20, removeSkills: ["Payment Plans"] }, {}],
    wrapupCodes: [...BILLING_CODES, "Fraud Suspected"],
  },
  {
    name: "Billing - Disputes",
    division: "Billing",
    settings: {
      mediaSettings: { call: call(10), email: email(72) },
      acwSettings: { wrapupPrompt: "MANDATORY", timeoutMs: 120_000 },
      skillEvaluationMethod: "ALL",
    },
    bullseyeRings: [{ expandAfterSeconds: 60, removeSkills: ["Billing Disputes"] }, {}],
    wrapupCodes: [
      "Billing Dispute Opened",
      "Refund Issued",
      "Invoice Resent",
      "Escalated to Supervisor",
      "Complaint Logged",
    ],
  },
  {
    name: "Billing - Refunds",
    division: "Billing",
    settings: {
      mediaSettings: { call: call(), email: email(24) },
      acwSettings: { wrapupPrompt: "MANDATORY", timeoutMs: 60_000 },
      skillEvaluationMethod: "BEST",
    },
    bullseyeRings: [{ expandAfterSeconds: 30, removeSkills: ["Refunds"] }, {}],
    wrapupCodes: ["Refund Issued", "Billing Dispute Opened", "Information Provided"],
  },
  {
    name: "Billing - Collections",
    division: "Billing",
    description: "Overdue accounts",
    settings: {
      mediaSettings: { call: call(12) },
      acwSettings: { wrapupPrompt: "MANDATORY_FORCED_TIMEOUT", timeoutMs: 30_000 },
      skillEvaluationMethod: "ALL",
      callingPartyName: "Acme Accounts",
      callingPartyNumber: "+13175550301",
    },
    wrapupCodes: [
      "Payment Taken",
      "Payment Arrangement",
      "No Answer",
      "Voicemail Left",
      "Wrong Number",
      "Do Not Call Request",
    ],
  },
  {
    name: "Billing - Fraud",
    division: "Billing",
    description: "Suspected fraud and account takeover",
    settings: {
      mediaSettings: { call: call(15, sl(0.9, 15)) },
      acwSettings: { wrapupPrompt: "MANDATORY", timeoutMs: 300_000 },
      skillEvaluationMethod: "ALL",
      scoringMethod: "PriorityOnly",
      suppressInQueueCallRecording: false,
      enableAudioMonitoring: true,
    },
    bullseyeRings: [{ expandAfterSeconds: 90, removeSkills: ["Fraud Investigation"] }, {}],
    wrapupCodes: ["Fraud Suspected", "Password Reset", "Escalated to Supervisor", "Refund Issued"],
  },
  {
    name: "Billing - Invoices",
    division: "Billing",
    settings: {
      mediaSettings: { email: email(48), chat: chat() },
      acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 30_000 },
      skillEvaluationMethod: "NONE",
    },
    wrapupCodes: ["Invoice Resent", "Resolved - First Contact", "Billing Dispute Opened"],
  },
  // Home
  {
    name: "General Enquiries",
    division: "Home",
    description: "Main number: anything that does not fit elsewhere",
    settings: {
      mediaSettings: { call: call(), chat: chat(), email: email(24), message: message() },
      acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 30_000 },
      skillEvaluationMethod: "ALL",
      callingPartyName: "Acme",
      callingPartyNumber: "+13175550000",
    },
    bullseyeRings: [{ expandAfterSeconds: 20, removeSkills: ["English"] }, {}],
    wrapupCodes: [
      "Information Provided",
      "Transferred",
      "Wrong Number",
      "Abandoned",
      "Callback Scheduled",
      "Survey Declined",
    ],
  },
  {
    name: "Overflow",
    division: "Home",
    description: "Takes calls when the other queues are full",
    // 7 s: the API's minimum alerting timeout (TF routing_queue schema).
    settings: {
      mediaSettings: { call: call(7, sl(0.7, 60)), callback: callback() },
      acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 15_000 },
      skillEvaluationMethod: "NONE",
      autoAnswerOnly: false,
    },
    wrapupCodes: ["Transferred", "Callback Scheduled", "Abandoned"],
  },
  {
    name: "Operator",
    division: "Home",
    wrapupCodes: ["Transferred", "Wrong Number", "Information Provided"],
  },
];

// ---- schedules and schedule groups --------------------------------------------------------------

const WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

const SCHEDULES: SeedSchedule[] = [
  {
    name: "Business Hours Mon-Fri",
    division: "Home",
    description: "Standard opening hours",
    start: "2026-01-05T08:00:00.000",
    end: "2026-01-05T18:00:00.000",
    rrule: WEEKDAYS,
  },
  {
    name: "Sales Hours Mon-Fri",
    division: "Sales",
    start: "2026-01-05T08:00:00.000",
    end: "2026-01-05T20:00:00.000",
    rrule: WEEKDAYS,
  },
  {
    name: "Extended Hours Mon-Fri",
    division: "Customer Care",
    description: "Support is open longer",
    start: "2026-01-05T07:00:00.000",
    end: "2026-01-05T21:00:00.000",
    rrule: WEEKDAYS,
  },
  {
    name: "Billing Hours Mon-Fri",
    division: "Billing",
    start: "2026-01-05T09:00:00.000",
    end: "2026-01-05T17:00:00.000",
    rrule: WEEKDAYS,
  },
  {
    name: "Saturday Hours",
    division: "Home",
    start: "2026-01-10T09:00:00.000",
    end: "2026-01-10T13:00:00.000",
    rrule: "FREQ=WEEKLY;BYDAY=SA",
  },
  {
    name: "Weekend Support Hours",
    division: "Customer Care",
    start: "2026-01-10T10:00:00.000",
    end: "2026-01-10T16:00:00.000",
    rrule: "FREQ=WEEKLY;BYDAY=SA,SU",
  },
  {
    name: "Overnight Closure",
    division: "Home",
    description: "Closed every night",
    start: "2026-01-05T00:00:00.000",
    end: "2026-01-05T07:00:00.000",
    rrule: "FREQ=DAILY;INTERVAL=1",
  },
  { name: "New Year's Day 2027", division: "Home", start: "2027-01-01T00:00:00.000", end: "2027-01-01T23:59:59.000" },
  {
    name: "Memorial Day",
    division: "Home",
    start: "2026-05-25T00:00:00.000",
    end: "2026-05-25T23:59:59.000",
    rrule: "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO",
  },
  {
    name: "Independence Day",
    division: "Home",
    start: "2026-07-04T00:00:00.000",
    end: "2026-07-04T23:59:59.000",
    rrule: "FREQ=YEARLY",
  },
  {
    name: "Labor Day",
    division: "Home",
    start: "2026-09-07T00:00:00.000",
    end: "2026-09-07T23:59:59.000",
    rrule: "FREQ=YEARLY;BYMONTH=9;BYDAY=1MO",
  },
  {
    name: "Thanksgiving Day",
    division: "Home",
    start: "2026-11-26T00:00:00.000",
    end: "2026-11-26T23:59:59.000",
    rrule: "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH",
  },
  {
    name: "Christmas Eve Early Close",
    division: "Home",
    start: "2026-12-24T13:00:00.000",
    end: "2026-12-24T23:59:59.000",
    rrule: "FREQ=YEARLY",
  },
  {
    name: "Christmas Day",
    division: "Home",
    start: "2026-12-25T00:00:00.000",
    end: "2026-12-25T23:59:59.000",
    rrule: "FREQ=YEARLY",
  },
];

const US_HOLIDAYS = [
  "New Year's Day 2027",
  "Memorial Day",
  "Independence Day",
  "Labor Day",
  "Thanksgiving Day",
  "Christmas Day",
];

const SCHEDULE_GROUPS: SeedScheduleGroup[] = [
  {
    name: "Main Line Hours",
    division: "Home",
    description: "General Enquiries and Operator",
    timeZone: "America/New_York",
    open: ["Business Hours Mon-Fri", "Saturday Hours"],
    closed: ["Overnight Closure"],
    holidays: US_HOLIDAYS,
  },
  {
    name: "Sales Hours",
    division: "Sales",
    timeZone: "America/New_York",
    open: ["Sales Hours Mon-Fri", "Saturday Hours"],
    holidays: ["New Year's Day 2027", "Thanksgiving Day", "Christmas Eve Early Close", "Christmas Day"],
  },
  {
    name: "Customer Care Hours",
    division: "Customer Care",
    timeZone: "America/New_York",
    open: ["Extended Hours Mon-Fri", "Weekend Support Hours"],
    closed: ["Overnight Closure"],
    holidays: ["New Year's Day 2027", "Christmas Day"],
  },
  {
    name: "Billing Hours",
    division: "Billing",
    timeZone: "America/New_York",
    open: ["Billing Hours Mon-Fri"],
    holidays: US_HOLIDAYS,
  },
  {
    name: "Central Region Support",
    division: "Customer Care",
    description: "Support team in Chicago",
    timeZone: "America/Chicago",
    open: ["Business Hours Mon-Fri"],
    holidays: ["Memorial Day", "Labor Day", "Thanksgiving Day", "Christmas Day"],
  },
];

// ---- telephony ----------------------------------------------------------------------------------

export const SOURCE_SITE: SeedSite = {
  name: "US East Site",
  description: "Genesys Cloud Voice / BYOC Cloud media in us-east-1",
};
export const TARGET_SITE: SeedSite = {
  name: "EU West Site",
  description: "Genesys Cloud Voice / BYOC Cloud media in eu-west-1",
};

/** Each region's edge group (queues' callbacks) and inbound email domain with its routes. */
export const SOURCE_EDGE_GROUP: SeedEdgeGroup = { name: "US East Edge Group", description: "Edges in us-east-1" };
export const TARGET_EDGE_GROUP: SeedEdgeGroup = { name: "EU West Edge Group", description: "Edges in eu-west-1" };
const emailRoutes = (region: string) => [
  { pattern: "support", fromName: `Acme Support (${region})` },
  { pattern: "sales", fromName: `Acme Sales (${region})` },
];
export const SOURCE_EMAIL_DOMAIN: SeedEmailDomain = { name: "acme-us.example.com", routes: emailRoutes("US") };
export const TARGET_EMAIL_DOMAIN: SeedEmailDomain = { name: "acme-eu.example.com", routes: emailRoutes("EU") };

/** A BYOC Cloud carrier trunk: TLS to two SIP servers, ACL, digest credentials (password minted per process). */
function carrierTrunk(name: string, servers: string[], terminationUri: string, username: string): SeedTrunkBase {
  return {
    name,
    division: "Home",
    description: `BYOC Cloud carrier trunk (${name.replace("US Carrier ", "").toLowerCase()})`,
    metabase: "external_sip_pcv_byoc_carrier.json",
    inboundSite: SOURCE_SITE.name,
    properties: {
      trunk_type: "external.pcv.byoc.carrier",
      trunk_label: name,
      trunk_enabled: true,
      trunk_transport_serverProxyList: servers,
      trunk_transport_protocolVariant: "tls",
      trunk_access_acl_allowList: ["203.0.113.0/24"],
      trunk_protocol: "sip",
      trunk_sip_termination_uri: terminationUri,
      trunk_sip_authentication_credentials_realm: "carrier-us.example.com",
      trunk_sip_authentication_credentials_username: username,
      trunk_outboundIdentity_callingName: "Acme",
      trunk_outboundIdentity_callingAddress: "+13175550000",
      trunk_media_codec: ["audio/opus", "audio/pcmu", "audio/pcma"],
      trunk_max_dial_timeout: "1m",
      trunk_recording_enabled: false,
      trunk_language: "en-US",
    },
    secretProperties: ["trunk_sip_authentication_credentials_password"],
  };
}

const TRUNK_BASES: SeedTrunkBase[] = [
  carrierTrunk(
    "US Carrier Primary",
    ["sip1.carrier-us.example.com:5061", "sip2.carrier-us.example.com:5061"],
    "acme-us-primary",
    "acme-primary",
  ),
  carrierTrunk(
    "US Carrier Backup",
    ["sip-backup1.carrier-us.example.com:5061", "sip-backup2.carrier-us.example.com:5061"],
    "acme-us-backup",
    "acme-backup",
  ),
];

/** The numbers each org owns: US numbers in the source, Irish (+353) numbers in eu-west-1. */
export const SOURCE_DID_POOL = {
  startPhoneNumber: "+13175550100",
  endPhoneNumber: "+13175550199",
  description: "Indianapolis main numbers",
  provider: "PURE_CLOUD_VOICE",
};
export const TARGET_DID_POOL = {
  startPhoneNumber: "+35315550100",
  endPhoneNumber: "+35315550199",
  description: "Dublin main numbers",
  provider: "PURE_CLOUD_VOICE",
};

/** Call routing: the main numbers reach the Main IVR flow by the Main Line Hours schedule group; a Spanish line. */
const IVRS: SeedIvr[] = [
  {
    name: "Main Line",
    division: "Home",
    description: "Main and sales numbers",
    dnis: ["+13175550100", "+13175550101"],
    openHoursFlow: "Main IVR",
    closedHoursFlow: "Main IVR",
    holidayHoursFlow: "Main IVR",
    scheduleGroup: "Main Line Hours",
  },
  {
    name: "Spanish Line",
    division: "Home",
    dnis: ["+13175550102"],
    openHoursFlow: "Spanish IVR",
  },
];

/** The main IVR's greeting (`Prompt.Welcome`), recorded in English and Spanish, with TTS as the fallback. */
const SAMPLE_PROMPTS: SeedPrompt[] = [
  {
    name: "Welcome",
    description: "Greeting of the main IVR",
    resources: [
      { language: "en-us", ttsString: "Thank you for calling Acme.", audio: toneWav(440, 250) },
      { language: "es-us", ttsString: "Gracias por llamar a Acme.", audio: toneWav(523, 250) },
    ],
  },
];
/** A data table flows look stores up in (`Store Locator`): a few rows, one column with a default. */
const STORE_LOCATIONS: SeedDataTable = {
  name: "Store Locations",
  division: "Home",
  description: "Stores by their local number, for the Store Locator flow",
  columns: [
    { name: "key", type: "string", title: "Local Number" },
    { name: "city", type: "string", title: "City" },
    { name: "address", type: "string", title: "Address" },
    { name: "opensAt", type: "integer", title: "Opens At (hour)" },
    { name: "open24h", type: "boolean", title: "Open 24 Hours", default: false },
  ],
  rows: [
    { key: "+13175550101", city: "Indianapolis", address: "101 Monument Circle", opensAt: 8, open24h: false },
    { key: "+13175550102", city: "Carmel", address: '12 Main St "Arts District"', opensAt: 9, open24h: false },
    { key: "+13175550103", city: "Fishers", address: "7 Nickel Plate Rd", opensAt: 0, open24h: true },
  ],
};

/** Inactive until a storm: when enabled, calls to the Main Line IVR (Main IVR's Evaluate Main Line Hours) play Emergency Closure. */
const SEVERE_WEATHER: SeedEmergencyGroup = {
  name: "Severe Weather",
  division: "Home",
  description: "Turn on to close every centre for severe weather",
  enabled: false,
  flows: [{ flow: "Emergency Closure", ivrs: ["Main Line"] }],
};

/**
 * A realistic contact centre in `source` (us-east-1): skills, languages, wrap-up codes, queues using them,
 * schedules and schedule groups, published Architect flows (IVRs and in-queue flows the queues use), a site and two
 * BYOC carrier trunks, an edge group and an email domain, a DID pool and IVRs routing its numbers to the inbound flows;
 * and an empty `target` (eu-west-1) with the same division names and its own site, edge group, email domain and DID pool.
 */
export const SAMPLE_SEED: SeedData = {
  orgs: [
    {
      name: "source",
      region: "us-east-1",
      thirdPartyOrgName: "source",
      divisions: DIVISIONS,
      skills: SKILLS,
      wrapupcodes: WRAPUP_CODES,
      languages: LANGUAGES,
      queues: QUEUES.map((q) =>
        SAMPLE_IN_QUEUE_FLOWS[q.name] === undefined ? q : { ...q, inQueueFlow: SAMPLE_IN_QUEUE_FLOWS[q.name] },
      ),
      schedules: SCHEDULES,
      schedulegroups: SCHEDULE_GROUPS,
      flows: SAMPLE_FLOWS,
      sites: [SOURCE_SITE],
      trunkbases: TRUNK_BASES,
      datatables: [STORE_LOCATIONS],
      emergencygroups: [SEVERE_WEATHER],
      edgeGroups: [SOURCE_EDGE_GROUP],
      emailDomains: [SOURCE_EMAIL_DOMAIN],
      didPools: [SOURCE_DID_POOL],
      ivrs: IVRS,
      prompts: SAMPLE_PROMPTS,
      users: USERS,
      groups: GROUPS,
      integrations: INTEGRATIONS,
    },
    {
      name: "target",
      region: "eu-west-1",
      thirdPartyOrgName: "target",
      divisions: DIVISIONS,
      skills: [],
      wrapupcodes: [],
      sites: [TARGET_SITE],
      edgeGroups: [TARGET_EDGE_GROUP],
      emailDomains: [TARGET_EMAIL_DOMAIN],
      didPools: [TARGET_DID_POOL],
      users: USERS,
      groups: GROUPS,
      integrations: INTEGRATIONS,
    },
  ],
};
