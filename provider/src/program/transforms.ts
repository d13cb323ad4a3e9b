import { readFileSync } from "fs";
import { parse, YAMLParseError } from "yaml";
import { z } from "zod";
import { E164 } from "../resources/architect-ivr/schema";
import { isTimeZone } from "../resources/architect-schedulegroup/schema";
import { TERMINATION_URI } from "../resources/telephony-trunk/schema";

/**
 * Region transforms: a YAML file the user keeps beside the stack, applied at deploy time to every
 * resource of the imported code, so one import serves every target region.
 *
 *   timeZones: { America/New_York: Europe/Dublin }   # schedule groups
 *   names: { prefix: "EU ", suffix: "" }             # every object name but divisions
 *   divisions: { Sales: EMEA Sales }                 # division names (and references to them)
 *   sites: { US East Site: EU West Site }            # trunks' inbound site
 *   sipServers: { "sip1.us.example:5061": "sip1.eu.example:5061" }   # trunks' SIP servers
 *   sipTerminationUris: { "acme-us.byoc.example": "acme-eu.byoc.example" }   # unique per region
 *   edgeGroups: { US East Edge Group: EU West Edge Group }   # queues' callback edge group
 *   emailDomains: { acme-us.example.com: acme-eu.example.com }   # queues' outbound email address domain
 *   dids: { "+13175550100": "+35315550100" }        # IVRs' numbers: every DID needs one
 *   users: { ana@acme-us.example.com: ana@acme-eu.example.com }     # queue members (by email)
 *   groups: { US Escalations: EU Escalations }                     # queue member groups (by name)
 *   integrations: { Acme CRM (US): Acme CRM (EU) }                 # flows' Call Data Action categories
 *   dataActions: { Get Account Status: Get Account Status v2 }     # flows' data actions (by name)
 */
export const Transforms = z
  .object({
    timeZones: z.record(z.string(), z.string()).default({}),
    names: z
      .object({ prefix: z.string().default(""), suffix: z.string().default("") })
      .strict()
      .default({ prefix: "", suffix: "" }),
    divisions: z.record(z.string(), z.string()).default({}),
    /** Trunks: inbound site names and SIP server addresses of the target region. */
    sites: z.record(z.string(), z.string()).default({}),
    sipServers: z.record(z.string(), z.string()).default({}),
    /** BYOC trunks' `trunk_sip_termination_uri`: unique within a region, so each target region needs its own. */
    sipTerminationUris: z.record(z.string(), z.string()).default({}),
    /** Queues' callback edge group names: edge groups are per org. */
    edgeGroups: z.record(z.string(), z.string()).default({}),
    /** Queues' outbound email domains (`route@domain`): domain names compare case-insensitively. */
    emailDomains: z.record(z.string(), z.string()).default({}),
    /** IVRs' DIDs (E.164): a number belongs to one org, so each source number maps to one the target owns. */
    dids: z
      .record(
        z.string(),
        z.string().regex(E164, { error: (i) => `'${String(i.input)}' is not an E.164 number (e.g. +35315550100)` }),
      )
      .default({}),
    /** Queue members' emails and member groups' names: directories are per org, never renamed by `names`. */
    users: z.record(z.string(), z.string()).default({}),
    groups: z.record(z.string(), z.string()).default({}),
    /** Flows' Call Data Action categories (integrations) and data actions by name: installed per org, never renamed by `names`. */
    integrations: z.record(z.string(), z.string()).default({}),
    dataActions: z.record(z.string(), z.string()).default({}),
  })
  .strict();
export type Transforms = z.infer<typeof Transforms>;

export const NO_TRANSFORMS: Transforms = {
  timeZones: {},
  names: { prefix: "", suffix: "" },
  divisions: {},
  sites: {},
  sipServers: {},
  sipTerminationUris: {},
  edgeGroups: {},
  emailDomains: {},
  dids: {},
  users: {},
  groups: {},
  integrations: {},
  dataActions: {},
};

export class TransformsError extends Error {}

/** Parses and checks a transforms file's text; every problem names the file and the key. */
export function parseTransforms(text: string, file: string): Transforms {
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` (line ${err.linePos[0].line})` : "";
    throw new TransformsError(
      `Transforms file ${file} is not valid YAML${where}: ${(err as Error).message.split("\n")[0]}`,
    );
  }
  const parsed = Transforms.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join(".") || "(top level)";
    const detail =
      issue.code === "unrecognized_keys"
        ? `unknown key(s) ${issue.keys.join(", ")}; allowed: timeZones, names, divisions, sites, sipServers, sipTerminationUris, edgeGroups, emailDomains, users, groups, integrations, dataActions, dids`
        : issue.message;
    throw new TransformsError(`Transforms file ${file}: ${key}: ${detail}`);
  }
  const targets = new Map<string, string>();
  for (const [from, to] of Object.entries(parsed.data.dids)) {
    if (!E164.test(from))
      throw new TransformsError(
        `Transforms file ${file}: dids.${from}: '${from}' is not an E.164 number (e.g. +13175550100)`,
      );
    const other = targets.get(to);
    if (other !== undefined)
      throw new TransformsError(
        `Transforms file ${file}: dids maps both '${other}' and '${from}' to '${to}', and a number routes to one IVR: map each to its own number.`,
      );
    targets.set(to, from);
  }
  for (const [from, to] of Object.entries(parsed.data.timeZones)) {
    if (!isTimeZone(to)) {
      throw new TransformsError(
        `Transforms file ${file}: timeZones maps '${from}' to '${to}', which is not an IANA time zone (e.g. Europe/Dublin): correct it.`,
      );
    }
  }
  return parsed.data;
}

export function loadTransforms(file: string): Transforms {
  return parseTransforms(readFileSync(file, "utf8"), file);
}

export const mapTimeZone = (t: Transforms, zone: string) => t.timeZones[zone] ?? zone;
export const mapDivision = (t: Transforms, name: string) => t.divisions[name] ?? name;
/** `route@domain` with the domain mapped by `emailDomains:` (keys match ignoring case) and lower-cased. */
export function mapEmailAddress(t: Transforms, address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 0) return address;
  const domain = address.slice(at + 1).toLowerCase();
  const mapped = Object.entries(t.emailDomains).find(([from]) => from.toLowerCase() === domain)?.[1] ?? domain;
  return `${address.slice(0, at)}@${mapped.toLowerCase()}`;
}

/** Queue fields naming per-org objects, mapped for the target region (deployment and verify alike). */
export function mapQueueRefs(t: Transforms, fields: Record<string, unknown>): void {
  if (typeof fields.callbackSite === "string")
    fields.callbackSite = t.sites[fields.callbackSite] ?? fields.callbackSite;
  if (typeof fields.callbackEdgeGroup === "string")
    fields.callbackEdgeGroup = t.edgeGroups[fields.callbackEdgeGroup] ?? fields.callbackEdgeGroup;
  if (typeof fields.outboundEmailAddress === "string")
    fields.outboundEmailAddress = mapEmailAddress(t, fields.outboundEmailAddress);
}

export const mapName = (t: Transforms, name: string) => `${t.names.prefix}${name}${t.names.suffix}`;
/** A queue member's email (keys match ignoring case, as addresses do), lower-cased. */
export const mapUser = (t: Transforms, email: string) =>
  (Object.entries(t.users).find(([from]) => from.toLowerCase() === email.toLowerCase())?.[1] ?? email).toLowerCase();
export const mapGroup = (t: Transforms, name: string) => t.groups[name] ?? name;
export const mapIntegration = (t: Transforms, name: string) => t.integrations[name] ?? name;
export const mapDataAction = (t: Transforms, name: string) => t.dataActions[name] ?? name;

/** Queue members by email and member groups by name, mapped for the target org (deployment and verify alike). */
export function mapMembers(t: Transforms, fields: Record<string, unknown>): void {
  if (Array.isArray(fields.members))
    fields.members = fields.members.map((m: unknown) =>
      m && typeof m === "object" && typeof (m as { email?: unknown }).email === "string"
        ? { ...m, email: mapUser(t, (m as { email: string }).email) }
        : m,
    );
  if (Array.isArray(fields.memberGroups))
    fields.memberGroups = fields.memberGroups.map((g: unknown) =>
      g && typeof g === "object" && typeof (g as { name?: unknown }).name === "string"
        ? { ...g, name: mapGroup(t, (g as { name: string }).name) }
        : g,
    );
}

/** IVR DIDs with no mapping in the transforms file: deploying them would route a number the target cannot own. */
export class UnmappedDidsError extends TransformsError {
  constructor(
    readonly ivr: string,
    readonly numbers: string[],
  ) {
    super(`IVR '${ivr}': no mapping for DID(s) ${numbers.join(", ")}`);
  }

  /** The message for a stack: the numbers, the IVR, and the line to add to which file. */
  explain(file: string | undefined): string {
    const example = this.numbers.map((n) => `"${n}": "<target number>"`).join(", ");
    return (
      `IVR '${this.ivr}': the transforms file maps no target number for DID(s) ${this.numbers.join(", ")}. ` +
      `A number belongs to one org, so each DID of the source needs a number the target org owns (in one of its DID pools): ` +
      (file
        ? `add dids: { ${example} } to ${file}.`
        : `create the stack's transforms file (genesys-clone:transforms, or transforms.<stack>.yaml beside Pulumi.yaml) with dids: { ${example} }.`)
    );
  }
}

/** An IVR's DIDs in the target region; every one must be mapped (to itself when the target owns the number). */
export function mapDids(t: Transforms, ivr: string, dnis: readonly string[]): string[] {
  const missing = dnis.filter((n) => t.dids[n] === undefined);
  if (missing.length) throw new UnmappedDidsError(ivr, missing);
  return dnis.map((n) => t.dids[n]!);
}

/**
 * Types whose names the `names` transform leaves alone (by class name or exporter key): user prompts, which Archy
 * names `Prompt.<name>`, an identifier a prefix or suffix with spaces would break; flows play them by that name.
 */
export const keepsName = (kindOrKey: string) => kindOrKey === "UserPrompt" || kindOrKey === "prompts";

/**
 * The target's name of an object the code names by reference (exporter or lookup type): divisions by `divisions:`,
 * the directory by `users:` / `groups:`, flows' integrations and data actions by `integrations:` / `dataActions:`
 * (never renamed by `names`: each org provisions or installs its own), user prompts as they are, the rest by `names`.
 */
export function mapReferenceName(t: Transforms, type: string, name: string): string {
  if (type === "divisions") return mapDivision(t, name);
  if (type === "users") return mapUser(t, name);
  if (type === "groups") return mapGroup(t, name);
  if (type === "integrations") return mapIntegration(t, name);
  if (type === "dataactions") return mapDataAction(t, name);
  if (keepsName(type)) return name;
  return mapName(t, name);
}

/**
 * One resource's declared properties after the transforms: `kind` is the class name's type
 * (Division, Queue, ...). Values that are not plain strings (outputs of other resources) pass as they are:
 * a Division resource's output name is already transformed.
 */
export function transformProps(kind: string, props: Record<string, unknown>, t: Transforms): Record<string, unknown> {
  const out = { ...props };
  if (typeof out.name === "string")
    out.name = kind === "Division" ? mapDivision(t, out.name) : keepsName(kind) ? out.name : mapName(t, out.name);
  if (kind !== "Division" && typeof out.division === "string") out.division = mapDivision(t, out.division);
  if (typeof out.timeZone === "string") out.timeZone = mapTimeZone(t, out.timeZone);
  if (kind === "Ivr" && Array.isArray(out.dnis) && out.dnis.every((n): n is string => typeof n === "string"))
    out.dnis = mapDids(t, typeof props.name === "string" ? props.name : "(unnamed)", out.dnis);
  if (typeof out.inboundSite === "string") out.inboundSite = t.sites[out.inboundSite] ?? out.inboundSite;
  if (typeof out.site === "string") out.site = t.sites[out.site] ?? out.site;
  const trunkProps = out.properties;
  if (trunkProps && typeof trunkProps === "object" && !Array.isArray(trunkProps)) {
    const uri = (trunkProps as Record<string, unknown>)[TERMINATION_URI];
    if (typeof uri === "string" && t.sipTerminationUris[uri] !== undefined)
      out.properties = { ...trunkProps, [TERMINATION_URI]: t.sipTerminationUris[uri] };
  }
  mapQueueRefs(t, out);
  if (kind === "QueueMembers") mapMembers(t, out);
  if (Array.isArray(out.sipServers))
    out.sipServers = out.sipServers.map((s: unknown) => (typeof s === "string" ? (t.sipServers[s] ?? s) : s));
  return out;
}
