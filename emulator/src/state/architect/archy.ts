import { parseDocument } from "yaml";

/** Flow types as the API returns them (the `type` query parameter takes them in any case). */
export const FLOW_TYPES = [
  "BOT",
  "COMMONMODULE",
  "DIGITALBOT",
  "EMAILSEND",
  "INBOUNDCALL",
  "INBOUNDCHAT",
  "INBOUNDEMAIL",
  "INBOUNDSHORTMESSAGE",
  "INQUEUECALL",
  "INQUEUEEMAIL",
  "INQUEUESHORTMESSAGE",
  "OUTBOUNDCALL",
  "SECURECALL",
  "SPEECH",
  "SURVEYINVITE",
  "VOICE",
  "VOICEMAIL",
  "VOICESURVEY",
  "WORKFLOW",
  "WORKITEM",
] as const;

export type FlowType = (typeof FLOW_TYPES)[number];

/** The top-level key of an Archy YAML file (camelCase) -> the API flow type. */
export const ARCHY_FLOW_TYPES: Readonly<Record<string, FlowType>> = {
  inboundCall: "INBOUNDCALL",
  inqueueCall: "INQUEUECALL",
  inboundChat: "INBOUNDCHAT",
  inboundEmail: "INBOUNDEMAIL",
  outboundCall: "OUTBOUNDCALL",
  inqueueEmail: "INQUEUEEMAIL",
  inqueueShortMessage: "INQUEUESHORTMESSAGE",
  inboundShortMessage: "INBOUNDSHORTMESSAGE",
  commonModule: "COMMONMODULE",
  workflow: "WORKFLOW",
  bot: "BOT",
  digitalBot: "DIGITALBOT",
  voicemail: "VOICEMAIL",
  securecall: "SECURECALL",
  surveyInvite: "SURVEYINVITE",
  speech: "SPEECH",
};

/** `inboundCall` / `INBOUNDCALL` / `inboundcall` -> `INBOUNDCALL`, or undefined. */
export function flowTypeOf(raw: string): FlowType | undefined {
  const upper = raw.toUpperCase();
  return (FLOW_TYPES as readonly string[]).includes(upper) ? (upper as FlowType) : undefined;
}

/** The Archy key of an API flow type (`INBOUNDCALL` -> `inboundCall`); types Archy files do not cover stay lowercase. */
export function archyKeyOf(type: FlowType): string {
  return Object.entries(ARCHY_FLOW_TYPES).find(([, t]) => t === type)?.[0] ?? type.toLowerCase();
}

export const REFERENCE_KINDS = [
  "queue",
  "scheduleGroup",
  "schedule",
  "wrapupCode",
  "skill",
  "language",
  "flow",
  "division",
  "prompt",
  "dataTable",
  "emergencyGroup",
  "user",
  "group",
  "integration",
  "dataAction",
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** Mapping keys whose value names another object (the emulator's reference contract, see the README). */
const REFERENCE_KEYS: Readonly<Record<string, ReferenceKind>> = {
  queue: "queue",
  targetQueue: "queue",
  scheduleGroup: "scheduleGroup",
  schedule: "schedule",
  wrapupCode: "wrapupCode",
  skill: "skill",
  // Architect's language skills are routing languages (help center "Language skills in Architect":
  // the flow's default language skill and Transfer to ACD's language skill name an ACD language).
  languageSkill: "language",
  defaultLanguageSkill: "language",
  language: "language",
  targetFlow: "flow",
  flow: "flow",
  // Data Table Lookup's table and Evaluate Schedule Group's emergency group, by name.
  dataTable: "dataTable",
  emergencyGroup: "emergencyGroup",
  // Transfer to User / Transfer to Group targets. Unverified: no published Archy YAML with these actions was found
  // (Terraform's examples only set their defaults under settingsActionDefaults); the keys follow targetQueue and
  // targetFlow. A user is named by email (or name), a group by name.
  targetUser: "user",
  targetGroup: "group",
};

/**
 * Call Data Action names its data action by keys, not values (GenesysCloudBlueprints/ani-blacklist
 * terminate-outbound-call-missing-queue.yaml, set-emergency-group-lambda-blueprint main_flow.yaml):
 * `callData: {category: {<category>: {dataAction: {<action name>: {inputs, successOutputs, ...}}}}}`. The category
 * is the action's `category`, which the Genesys UI sets to its integration's name. `settingsActionDefaults.callData`
 * has no `category` and names nothing.
 */
function callDataReferences(value: Plain): ArchyReference[] {
  if (!isMapping(value) || !isMapping(value["category"])) return [];
  const out: ArchyReference[] = [];
  for (const [category, body] of Object.entries(value["category"])) {
    out.push({ kind: "integration", name: category.trim() });
    const actions = isMapping(body) ? body["dataAction"] : undefined;
    if (isMapping(actions))
      for (const name of Object.keys(actions))
        out.push({ kind: "dataAction", name: name.trim(), category: category.trim() });
  }
  return out;
}

export interface ArchyReference {
  kind: ReferenceKind;
  name: string;
  /** Flow references only: the type given with `{name, type}`, as an API type. */
  flowType?: FlowType;
  /** Data action references only: the category (integration) the Call Data Action names it under. */
  category?: string;
}

/** What the emulator reads from an Archy flow file. */
export interface ArchyDocument {
  /** The top-level key, e.g. `inboundCall`. */
  archyType: string;
  type: FlowType;
  name: string;
  /** Division name (`division: Home`); absent means the home division. */
  division?: string;
  description?: string;
  /** Every reference by name, de-duplicated, in document order (the division included). */
  references: ArchyReference[];
}

export type ArchyParseResult = { ok: true; doc: ArchyDocument } | { ok: false; errors: string[] };

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

function isMapping(v: unknown): v is Record<string, Plain> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A reference value: `Name`, `{name: Name}`, `{lit: {name: Name}}` or `{lit: Name}`; expressions and `noValue` name nothing. */
function namesIn(kind: ReferenceKind, value: Plain): ArchyReference[] {
  if (Array.isArray(value)) return value.flatMap((v) => namesIn(kind, v));
  if (typeof value === "string") return value.trim() === "" ? [] : [{ kind, name: value.trim() }];
  if (!isMapping(value)) return [];
  if ("lit" in value) return namesIn(kind, value["lit"] ?? null);
  const name = value["name"];
  if (typeof name !== "string" || name.trim() === "") return [];
  const ref: ArchyReference = { kind, name: name.trim() };
  const type = value["type"];
  if (kind === "flow" && typeof type === "string") {
    const t = flowTypeOf(type);
    if (t) ref.flowType = t;
  }
  return [ref];
}

/**
 * User prompts inside Archy expressions: `ToAudio(Prompt.Welcome)`, `AudioPlaybackOptions(Prompt.Welcome, true)`.
 * Prompt names are identifiers, so `Prompt.<identifier>` is the whole reference; `PromptSystem.<name>` (system
 * prompts, which every org has) is not one.
 */
export const PROMPT_IN_EXPRESSION = /(?<![A-Za-z0-9_.])Prompt\.([A-Za-z][A-Za-z0-9_]*)/g;

function promptsIn(text: string): ArchyReference[] {
  return [...text.matchAll(PROMPT_IN_EXPRESSION)].map((m) => ({ kind: "prompt" as const, name: m[1]! }));
}

function collect(value: Plain, out: ArchyReference[]): void {
  if (typeof value === "string") {
    out.push(...promptsIn(value));
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out);
    return;
  }
  if (!isMapping(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const kind = REFERENCE_KEYS[key];
    if (kind) out.push(...namesIn(kind, v));
    else if (key === "callData" && isMapping(v)) {
      // The category's data action bindings (inputs, outputs) are named by the action's contract: not references.
      out.push(...callDataReferences(v));
      for (const [k, inner] of Object.entries(v)) if (k !== "category") collect(inner, out);
    } else collect(v, out);
  }
}

function referenceKey(r: ArchyReference): string {
  return `${r.kind}\u0000${r.name.toLowerCase()}\u0000${r.flowType ?? ""}\u0000${r.category?.toLowerCase() ?? ""}`;
}

function dedupe(refs: ArchyReference[]): ArchyReference[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = referenceKey(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The parser's first line, e.g. `Map keys must be unique at line 2, column 1`. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/:$/, "");
}

const TYPE_KEYS = Object.keys(ARCHY_FLOW_TYPES).join(", ");

/**
 * Parses an Archy flow file: exactly one top-level key (the flow type in camelCase) holding `name` (required),
 * `division` and `description` (optional), and collects its references by name. Never throws.
 */
export function parseArchyYaml(text: string): ArchyParseResult {
  if (text.trim() === "") return { ok: false, errors: ["The flow file is empty."] };
  const parsed = parseDocument(text);
  if (parsed.errors.length > 0)
    return { ok: false, errors: parsed.errors.map((e) => `Invalid YAML: ${firstLine(e.message)}`) };
  const root = parsed.toJS() as Plain;
  if (!isMapping(root) || Object.keys(root).length !== 1) {
    const keys = isMapping(root) ? Object.keys(root).join(", ") : typeof root;
    return {
      ok: false,
      errors: [
        `The flow file must have exactly one top-level key naming the flow type (one of ${TYPE_KEYS}); found: ${keys || "nothing"}.`,
      ],
    };
  }
  const archyType = Object.keys(root)[0]!;
  const type = ARCHY_FLOW_TYPES[archyType];
  if (!type) return { ok: false, errors: [`Unknown flow type '${archyType}'. Expected one of ${TYPE_KEYS}.`] };
  const body = root[archyType];
  if (!isMapping(body))
    return { ok: false, errors: [`The ${archyType} section must be a mapping with at least a name.`] };
  const name = body["name"];
  if (typeof name !== "string" || name.trim() === "")
    return { ok: false, errors: [`The ${archyType} flow has no name: 'name' is required.`] };
  const division = body["division"];
  if (division !== undefined && division !== null && (typeof division !== "string" || division.trim() === "")) {
    return {
      ok: false,
      errors: [`The ${archyType} '${name.trim()}' has an invalid division: expected a division name.`],
    };
  }
  const structural = missingStructure(archyType, name.trim(), body);
  if (structural.length > 0) return { ok: false, errors: structural };
  const description = body["description"];
  const refs: ArchyReference[] = [];
  if (typeof division === "string") refs.push({ kind: "division", name: division.trim() });
  for (const [key, v] of Object.entries(body)) {
    if (key === "division" || key === "name" || key === "description") continue;
    const kind = REFERENCE_KEYS[key];
    if (kind) refs.push(...namesIn(kind, v));
    else collect(v, refs);
  }
  const doc: ArchyDocument = { archyType, type, name: name.trim(), references: dedupe(refs) };
  if (typeof division === "string") doc.division = division.trim();
  if (typeof description === "string") doc.description = description;
  return { ok: true, doc };
}

/**
 * Where each flow type starts, as Terraform's example and test flows show it (examples/resources/genesyscloud_flow/*.yaml,
 * routing_queue test flows): a `startUpRef` to a menu, state or task of the flow; in-queue email and message flows a
 * `startUpState`; in-queue call flows `startUpTaskActions`. Other types: unverified, only `defaultLanguage` is checked.
 */
const START: Readonly<Record<string, "startUpRef" | "startUpState" | "startUpTaskActions">> = {
  inboundCall: "startUpRef",
  outboundCall: "startUpRef",
  inboundEmail: "startUpRef",
  inboundShortMessage: "startUpRef",
  workflow: "startUpRef",
  inqueueEmail: "startUpState",
  inqueueShortMessage: "startUpState",
  inqueueCall: "startUpTaskActions",
};

/** `./menus/menu[mainMenu]`, `/inboundCall/states/state[Initial State_10]`, `/inboundCall/tasks/task[Check_10]`. */
function startTarget(
  ref: string,
): { list: "menus" | "states" | "tasks"; item: "menu" | "state" | "task"; refId: string } | undefined {
  const m = /(?:^|\/)(menus\/menu|states\/state|tasks\/task)\[(.+)\]$/.exec(ref.trim());
  if (!m) return undefined;
  const [list, item] = m[1]!.split("/") as ["menus" | "states" | "tasks", "menu" | "state" | "task"];
  return { list, item, refId: m[2]! };
}

/**
 * What Archy needs before it builds a flow: a `defaultLanguage` (every Terraform example has one) and the flow's
 * start (see START), which must name a menu, state or task the file defines. One message per problem.
 */
function missingStructure(archyType: string, name: string, body: Record<string, Plain>): string[] {
  const errors: string[] = [];
  const what = `${archyType} '${name}'`;
  const lang = body["defaultLanguage"];
  if (typeof lang !== "string" || lang.trim() === "")
    errors.push(`The ${what} has no defaultLanguage: set it to one of its supported languages, e.g. en-us.`);
  const start = START[archyType];
  if (start === "startUpRef") {
    const ref = body["startUpRef"];
    if (typeof ref !== "string" || ref.trim() === "") {
      errors.push(`The ${what} has no startUpRef: it must reference the menu, state or task the flow starts with.`);
    } else {
      const target = startTarget(ref);
      const items = target ? body[target.list] : undefined;
      const found =
        target !== undefined &&
        Array.isArray(items) &&
        items.some(
          (x) =>
            isMapping(x) &&
            isMapping(x[target.item]) &&
            (x[target.item] as Record<string, Plain>)["refId"] === target.refId,
        );
      if (!found)
        errors.push(
          `The startUpRef '${ref}' of the ${what} does not reference a menu, state or task defined in the flow.`,
        );
    }
  } else if (start === "startUpState") {
    const state = body["startUpState"];
    if (!isMapping(state) || !Array.isArray(state["actions"]) || state["actions"].length === 0) {
      errors.push(
        `The ${what} has no startUpState with actions: it needs the state the flow starts in (e.g. one endState action).`,
      );
    }
  } else if (start === "startUpTaskActions") {
    const actions = body["startUpTaskActions"];
    if (!Array.isArray(actions) || actions.length === 0)
      errors.push(`The ${what} has no startUpTaskActions: it needs at least one action (e.g. holdMusic).`);
  }
  return errors;
}

/** References of one flow version grouped by kind: sorted, unique names (the state dump's `references`). */
export interface FlowReferenceSummary {
  queues: string[];
  flows: string[];
  scheduleGroups: string[];
  schedules: string[];
  wrapupCodes: string[];
  skills: string[];
  languages: string[];
  divisions: string[];
  /** Only when the flow names any (older dumps and tests stay as they were). */
  dataTables?: string[];
  emergencyGroups?: string[];
  prompts?: string[];
  users?: string[];
  groups?: string[];
  integrations?: string[];
  dataActions?: string[];
}

const SUMMARY_KEYS: Record<ReferenceKind, keyof FlowReferenceSummary> = {
  queue: "queues",
  flow: "flows",
  scheduleGroup: "scheduleGroups",
  schedule: "schedules",
  wrapupCode: "wrapupCodes",
  skill: "skills",
  language: "languages",
  division: "divisions",
  prompt: "prompts",
  dataTable: "dataTables",
  emergencyGroup: "emergencyGroups",
  user: "users",
  group: "groups",
  integration: "integrations",
  dataAction: "dataActions",
};

export function summarizeReferences(refs: readonly ArchyReference[]): FlowReferenceSummary {
  const out: FlowReferenceSummary = {
    queues: [],
    flows: [],
    scheduleGroups: [],
    schedules: [],
    wrapupCodes: [],
    skills: [],
    languages: [],
    divisions: [],
  };
  for (const r of refs) {
    const list = (out[SUMMARY_KEYS[r.kind]] ??= []);
    if (!list.includes(r.name)) list.push(r.name);
  }
  const byLowerName = (a: string, b: string): number =>
    a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : a < b ? -1 : a > b ? 1 : 0;
  for (const key of Object.values(SUMMARY_KEYS)) out[key]?.sort(byLowerName);
  return out;
}

const KIND_WORDS: Record<ReferenceKind, string> = {
  queue: "a queue",
  scheduleGroup: "a schedule group",
  schedule: "a schedule",
  wrapupCode: "a wrap-up code",
  skill: "a skill",
  language: "a language",
  flow: "a flow",
  division: "a division",
  prompt: "a user prompt",
  dataTable: "a data table",
  emergencyGroup: "an emergency group",
  user: "a user",
  group: "a group",
  integration: "a data action category (integration)",
  dataAction: "a data action",
};

/** `Unable to find a queue named 'Sales - New Business' referenced by inboundCall 'Main IVR'.` */
export function missingReferenceMessage(doc: Pick<ArchyDocument, "archyType" | "name">, ref: ArchyReference): string {
  const typed = ref.flowType
    ? ` of type ${ref.flowType}`
    : ref.category !== undefined
      ? ` in category '${ref.category}'`
      : "";
  return `Unable to find ${KIND_WORDS[ref.kind]} named '${ref.name}'${typed} referenced by ${doc.archyType} '${doc.name}'.`;
}
