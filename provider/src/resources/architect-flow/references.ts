import { Document, isMap, isPair, isScalar, parseDocument, Scalar, visit, YAMLMap } from "yaml";

/**
 * References by name inside Archy YAML, the contract the emulator documents: a mapping key names the
 * kind (`queue`/`targetQueue`, `scheduleGroup`, `schedule`, `wrapupCode`, `skill`, `language`/`languageSkill`/
 * `defaultLanguageSkill`, `targetFlow`/`flow`; the top-level `division`), and the value is a name, `{name: X}`
 * or Archy's literal `{lit: {name: X}}`.
 */
export const REFERENCE_KEYS: Readonly<Record<string, string>> = {
  queue: "queues",
  targetQueue: "queues",
  scheduleGroup: "schedulegroups",
  schedule: "schedules",
  wrapupCode: "wrapupcodes",
  skill: "skills",
  // Architect's "language skills" are the org's routing languages (help center: Language skills in
  // Architect; /api/v2/routing/languages), not routing skills.
  languageSkill: "languages",
  defaultLanguageSkill: "languages",
  language: "languages",
  targetFlow: "flows",
  flow: "flows",
  // Data Table Lookup's table, Evaluate Schedule Group's emergency group.
  dataTable: "datatables",
  emergencyGroup: "emergencygroups",
  // Transfer to User / Transfer to Group targets, a user by email and a group by name. Unverified: no published
  // Archy YAML with these actions was found (Terraform's example flows only set their timeouts under
  // settingsActionDefaults); the keys follow targetQueue / targetFlow, as the emulator's contract does.
  targetUser: "users",
  targetGroup: "groups",
};

/** Lookup types of what a flow's Call Data Action names: never declared (credentials cannot be cloned). */
export const INTEGRATIONS = "integrations";
export const DATA_ACTIONS = "dataactions";

const WORDS: Readonly<Record<string, string>> = {
  users: "user",
  groups: "group",
  [INTEGRATIONS]: "integration",
  [DATA_ACTIONS]: "data action",
  schedulegroups: "schedule group",
  wrapupcodes: "wrap-up code",
  datatables: "data table",
  emergencygroups: "emergency group",
  prompts: "user prompt",
};

/** How a message names one object of a reference type (`schedulegroups` -> `schedule group`). */
export const referenceWord = (type: string) => WORDS[type] ?? type.replace(/s$/, "");

/** Archy's top-level keys and the flow types the API lists them as. */
export const FLOW_TYPES: Readonly<Record<string, string>> = {
  inboundCall: "inboundcall",
  inqueueCall: "inqueuecall",
  inboundChat: "inboundchat",
  inboundEmail: "inboundemail",
  outboundCall: "outboundcall",
  inqueueEmail: "inqueueemail",
  inqueueShortMessage: "inqueueshortmessage",
  inboundShortMessage: "inboundshortmessage",
  commonModule: "commonmodule",
  workflow: "workflow",
  bot: "bot",
  digitalBot: "digitalbot",
  voicemail: "voicemail",
  securecall: "securecall",
  surveyInvite: "surveyinvite",
  speech: "speech",
};

export interface FlowReference {
  type: string;
  name: string;
  /** The scalar holding the name, so callers can rewrite it. */
  node: Scalar;
}

export class FlowYamlError extends Error {}

export function parseFlow(text: string, what: string): { doc: Document; typeKey: string; body: YAMLMap } {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new FlowYamlError(
      `${what} is not valid YAML (line ${e.linePos?.[0].line ?? "?"}): ${e.message.split("\n")[0]}`,
    );
  }
  const root = doc.contents;
  if (!isMap(root) || root.items.length !== 1 || !isScalar(root.items[0]!.key)) {
    throw new FlowYamlError(`${what}: an Archy flow has exactly one top-level key, the flow type (e.g. inboundCall)`);
  }
  const typeKey = String((root.items[0]!.key as Scalar).value);
  if (!FLOW_TYPES[typeKey]) {
    throw new FlowYamlError(
      `${what}: '${typeKey}' is not an Archy flow type (one of ${Object.keys(FLOW_TYPES).join(", ")})`,
    );
  }
  const body = root.items[0]!.value;
  if (!isMap(body)) throw new FlowYamlError(`${what}: '${typeKey}' must be a mapping with at least a name`);
  return { doc, typeKey, body };
}

function nameScalar(value: unknown): Scalar | undefined {
  if (isScalar(value) && typeof value.value === "string") return value;
  if (isMap(value)) {
    const lit = value.get("lit", true);
    if (isMap(lit)) return nameScalar(lit.get("name", true));
    const name = value.get("name", true);
    if (isScalar(name) && typeof name.value === "string") return name;
  }
  return undefined;
}

/**
 * Call Data Action names its data action by keys, not values (GenesysCloudBlueprints/ani-blacklist
 * terminate-outbound-call-missing-queue.yaml, set-emergency-group-lambda-blueprint main_flow.yaml):
 * `callData: {category: {<category>: {dataAction: {<action name>: {inputs, ...}}}}}`. The category is the data
 * action's `category` (SDK `Action.category`), which the Genesys UI sets to the integration's name: looked up as an
 * integration. `settingsActionDefaults.callData` has no `category` and names nothing.
 */
function callDataReferences(value: unknown, bindings: Set<unknown>): FlowReference[] {
  if (!isMap(value)) return [];
  const categories = value.get("category", true);
  if (!isMap(categories)) return [];
  const out: FlowReference[] = [];
  for (const item of categories.items) {
    if (!isScalar(item.key) || typeof item.key.value !== "string") continue;
    out.push({ type: INTEGRATIONS, name: item.key.value, node: item.key });
    const actions = isMap(item.value) ? item.value.get("dataAction", true) : undefined;
    if (!isMap(actions)) continue;
    for (const action of actions.items) {
      if (isScalar(action.key) && typeof action.key.value === "string")
        out.push({ type: DATA_ACTIONS, name: action.key.value, node: action.key });
      // The action's own inputs and outputs are named by its contract (an input may be called `queue`): no references.
      if (isMap(action.value)) for (const binding of action.value.items) bindings.add(binding.value);
    }
  }
  return out;
}

/** Every reference by name in a parsed flow, in document order. */
export function flowReferences(doc: Document, body: YAMLMap): FlowReference[] {
  const refs: FlowReference[] = [];
  const division = body.get("division", true);
  if (isScalar(division) && typeof division.value === "string")
    refs.push({ type: "divisions", name: division.value, node: division });
  const bindings = new Set<unknown>();
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair)) return;
      if (bindings.has(pair.value)) return visit.SKIP;
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      if (key === "callData") {
        refs.push(...callDataReferences(pair.value, bindings));
        return;
      }
      const kind = REFERENCE_KEYS[key];
      if (!kind) return;
      const node = nameScalar(pair.value);
      if (node) refs.push({ type: kind, name: String(node.value), node });
    },
  });
  return refs;
}

const PLACEHOLDER = /\{\{([A-Za-z0-9_.-]+)\}\}/g;

/** An unquoted `{{key}}` in a template, which YAML reads as a flow mapping `{ {key: null}: null }`: its key. */
function bareKey(node: unknown, text: string): string | undefined {
  if (!isMap(node) || !node.flow || node.items.length !== 1 || !node.range) return undefined;
  const source = text.slice(node.range[0], node.range[1]).trim();
  const m = /^\{\{([A-Za-z0-9_.-]+)\}\}$/.exec(source);
  return m?.[1];
}

/**
 * A flow template with its `{{key}}` placeholders replaced by their values, as Archy's options file and the
 * Terraform provider substitute them, but on the parsed document: a value is set as the scalar's string, so
 * quotes, backslashes, `${...}`, `{{...}}` or any script in a name reach the flow as written. A placeholder
 * may be a whole scalar (quoted or not) or part of a string. Throws FlowYamlError on broken YAML or a
 * placeholder without a value.
 */
export function renderTemplate(text: string, substitutions: Readonly<Record<string, string>>, what: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new FlowYamlError(
      `${what} is not valid YAML (line ${e.linePos?.[0].line ?? "?"}): ${e.message.split("\n")[0]}`,
    );
  }
  const missing = new Set<string>();
  const value = (key: string) => {
    if (Object.prototype.hasOwnProperty.call(substitutions, key)) return substitutions[key]!;
    missing.add(key);
    return `{{${key}}}`;
  };
  // Values are never searched for placeholders themselves: a name may contain `{{...}}`.
  const substituted = new Set<Scalar>();
  visit(doc, {
    Map(_, node) {
      const key = bareKey(node, text);
      if (key === undefined) return undefined;
      const scalar = new Scalar(value(key));
      substituted.add(scalar);
      return scalar;
    },
    Scalar(_, node) {
      if (!substituted.has(node) && typeof node.value === "string" && node.value.includes("{{"))
        node.value = node.value.replace(PLACEHOLDER, (_all, key: string) => value(key));
    },
  });
  if (missing.size) {
    const list = [...missing].sort().map((m) => `{{${m}}}`);
    throw new FlowYamlError(
      `${what}: the YAML uses ${list.join(", ")} but substitutions has no value for ${list.length > 1 ? "them" : "it"}: add ${list.length > 1 ? "them" : "it"}.`,
    );
  }
  return doc.toString();
}

/**
 * User prompts inside Archy expressions (`ToAudio(Prompt.Welcome)`): prompt names are identifiers, so
 * `Prompt.<identifier>` is the whole reference. `PromptSystem.<name>` (system prompts, which every org has) is not.
 */
const PROMPT_IN_EXPRESSION = /(?<![A-Za-z0-9_.])Prompt\.([A-Za-z][A-Za-z0-9_]*)/g;

export interface PromptReference {
  name: string;
  /** The string scalar that names it (an expression may name several prompts). */
  node: Scalar;
}

/** Every user prompt a parsed flow plays, in document order (a scalar once per prompt it names). */
export function promptReferences(doc: Document): PromptReference[] {
  const out: PromptReference[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== "string") return;
      for (const m of node.value.matchAll(PROMPT_IN_EXPRESSION)) out.push({ name: m[1]!, node });
    },
  });
  return out;
}

/** Rewrites each `Prompt.<name>` of a scalar to `Prompt.<value of name>` (placeholders, or mapped names). */
export function rewritePrompts(node: Scalar, to: (name: string) => string): void {
  if (typeof node.value === "string")
    node.value = node.value.replace(PROMPT_IN_EXPRESSION, (_all, name: string) => `Prompt.${to(name)}`);
}

/** A name a flow template writes as it is, not through a `{{placeholder}}`: the target must hold it. */
export interface LiteralReference {
  /** Exporter / lookup type: queues, users, dataactions, prompts, ... */
  type: string;
  name: string;
}

/**
 * The references of a flow template (the imported YAML with its placeholders) that name an object literally: a
 * hand-edited name, or a kind the importer did not template. Each unique (type, name) once, in document order.
 * A template that does not parse names nothing here (check reports the YAML error itself).
 */
export function literalReferences(template: string): LiteralReference[] {
  const doc = parseDocument(template);
  if (doc.errors.length) return [];
  const root = doc.contents;
  if (!isMap(root) || root.items.length !== 1) return [];
  const body = root.items[0]!.value;
  if (!isMap(body)) return [];
  const out: LiteralReference[] = [];
  const seen = new Set<string>();
  const found = [
    ...flowReferences(doc, body),
    // `Prompt.{{prompt.x}}` is no match of the pattern: every prompt found is named literally.
    ...promptReferences(doc).map((p) => ({ type: "prompts", name: p.name })),
  ];
  for (const r of found) {
    if (r.name.includes("{{") || r.name.trim() === "") continue;
    const key = `${r.type}\u0000${r.name.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ type: r.type, name: r.name });
  }
  return out;
}
