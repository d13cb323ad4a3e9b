import * as pulumi from "@pulumi/pulumi";
import type { GenesysClient } from "../client";
import { nameKey } from "../resources/common";
import type { ResourceDefinition } from "../resources/define";
import { RESOURCES, type Resources } from "../resources/registry";
import { directoryApi, emailKey } from "../resources/routing-queue-members/api";
import { GROUPS, USERS } from "../resources/routing-queue-members/export";
import { DATA_ACTIONS, INTEGRATIONS, referenceWord } from "../resources/architect-flow/references";
import { integrationsApi } from "../resources/integration/api";
import { mapName, mapReferenceName, Transforms } from "./transforms";

/** Objects the imported code references but does not declare, found by name in the target org: by exporter key. */
function listers(resources: Resources): Map<string, NonNullable<ResourceDefinition["lookup"]>> {
  return new Map([
    ...resources.all.flatMap((d) => (d.exporter && d.lookup ? [[d.exporter.key, d.lookup] as const] : [])),
    // The directory (queue members): users by email, groups by name. Never declared: every org provisions its own.
    ...DIRECTORY,
    // Integrations (Call Data Action categories) and data actions: credentials cannot be cloned, so never declared.
    ...INTEGRATION_LISTERS,
  ]);
}

const DIRECTORY = new Map<string, NonNullable<ResourceDefinition["lookup"]>>([
  [USERS, async (c) => (await directoryApi.users(c)).flatMap((u) => (u.email ? [{ id: u.id, name: u.email }] : []))],
  [GROUPS, directoryApi.groups],
]);

/**
 * The users the code names, by email: searched 100 addresses a call (as the provider's queue members are), not
 * the whole directory listed, so a preview's cost follows the stack's members, not the org's staff.
 */
async function usersNamed(c: GenesysClient, emails: string[]): Promise<{ id: string; name: string; state?: string }[]> {
  const ids = await directoryApi.idsByEmail(c, emails);
  return emails.flatMap((email) => {
    const id = ids.get(emailKey(email));
    return id === undefined ? [] : [{ id, name: email }];
  });
}

/** What flows' Call Data Actions name (see resources/integration/api.ts): installed per org, never created. */
const INTEGRATION_LISTERS = new Map<string, NonNullable<ResourceDefinition["lookup"]>>([
  [INTEGRATIONS, integrationsApi.categories],
  [DATA_ACTIONS, integrationsApi.actions],
]);

export interface LookupRequest {
  type: string;
  name: string;
  /** The objects that use it (queues of a member): named in the message when it is missing. */
  usedBy?: string[];
  /** The flows that name it (a data action they call, a group they transfer to): named in the message too. */
  flows?: string[];
}

/** Where a lookup's name in the target comes from (see mapReferenceName). */
const targetName = (t: Transforms, r: LookupRequest) => mapReferenceName(t, r.type, r.name);

const resolved = new Map<string, { id: string; name: string }>();
const key = (type: string, name: string) => `${type}\u0000${name}`;

/** `user 'x' ('X' in the code, renamed by the transforms file) (member of queue 'Q'; named by flow 'F')`. */
function describe(t: Transforms, r: LookupRequest, mapped: string): string {
  const renamed = mapped !== r.name ? ` ('${r.name}' in the code, renamed by the transforms file)` : "";
  const users: string[] = [];
  if (r.usedBy?.length) users.push(`member of queue ${r.usedBy.map((q) => `'${mapName(t, q)}'`).join(", ")}`);
  if (r.flows?.length)
    users.push(
      `${r.type === DATA_ACTIONS ? "called" : r.type === INTEGRATIONS ? "its data actions called" : "named"} by flow ${r.flows.map((f) => `'${mapName(t, f)}'`).join(", ")}`,
    );
  return `${referenceWord(r.type)} '${mapped}'${renamed}${users.length ? ` (${users.join("; ")})` : ""}`;
}

/**
 * Resolves every lookup before the program declares anything; throws one error listing every
 * reference the target org cannot satisfy, grouped by what fixes it.
 */
export async function prefetchLookups(
  c: GenesysClient,
  requests: readonly LookupRequest[],
  t: Transforms,
  resources: Resources = RESOURCES,
): Promise<void> {
  const LISTERS = listers(resources);
  const types = [...new Set(requests.map((r) => r.type))];
  for (const t of types) {
    if (!LISTERS.has(t))
      throw new pulumi.RunError(
        `lookups.ts names an unknown type '${t}' (known: ${[...LISTERS.keys()].join(", ")}): re-run genesys-clone import.`,
      );
  }
  // One listing per type (users: one search per 100 named), all awaited together, so none is left failing unobserved.
  const named = (type: string) => requests.filter((r) => r.type === type).map((r) => targetName(t, r));
  const listed = await Promise.all(
    // Keyed by nameKey: the API's names are unique case-insensitively, so "sales" in the target is "Sales".
    types.map(async (type) => {
      const found = type === USERS ? await usersNamed(c, named(type)) : await LISTERS.get(type)!(c);
      return [type, new Map(found.filter((o) => o.state !== "deleted").map((o) => [nameKey(o.name), o]))] as const;
    }),
  );
  const byType = new Map(listed);
  const missing: string[] = [];
  const directory: string[] = [];
  const integrations: string[] = [];
  let queueMembers = false;
  let directoryInFlows = false;
  for (const r of requests) {
    const mapped = targetName(t, r);
    const found = byType.get(r.type)!.get(nameKey(mapped));
    if (found) resolved.set(key(r.type, r.name), found);
    else if (DIRECTORY.has(r.type)) {
      directory.push(describe(t, r, mapped));
      queueMembers ||= (r.usedBy?.length ?? 0) > 0;
      directoryInFlows ||= (r.flows?.length ?? 0) > 0;
    } else if (INTEGRATION_LISTERS.has(r.type)) integrations.push(describe(t, r, mapped));
    else missing.push(describe(t, r, mapped));
  }
  const parts: string[] = [];
  if (directory.length) {
    parts.push(
      `${directory.length} ${directoryInFlows ? "user(s) or group(s)" : "queue member(s)"} the code names do not exist in the target org: ${directory.join(", ")}. ` +
        "genesys-clone never creates users or groups (each org provisions its own directory): provision them in the " +
        "target org, map them in the transforms file (users:, groups:)" +
        (queueMembers
          ? ", or import again with `genesys-clone import --members skip` to leave queue members out."
          : "."),
    );
  }
  if (integrations.length) {
    parts.push(
      `${integrations.length} data action(s) or integration(s) the flows call do not exist in the target org: ${integrations.join(", ")}. ` +
        "genesys-clone never creates integrations or data actions (their credentials cannot be cloned): install the " +
        "integration and create the data action in the target org, or map them to the target's names in the " +
        "transforms file (integrations:, dataActions:).",
    );
  }
  if (missing.length) {
    parts.push(
      `${parts.length ? "Also: t" : "T"}he imported code references ${missing.length} object(s) it does not declare and the target org does not have: ${missing.join(", ")}. ` +
        "Create them in the target org, import them too (drop the filter that excluded them and run genesys-clone import again)" +
        (missing.some((m) => m.includes("renamed by the transforms file"))
          ? ", or correct the transforms file's mapping."
          : "."),
    );
  }
  if (parts.length) throw new pulumi.RunError(parts.join(" "));
}

/** The id (or name) of an object the code references but does not declare: `gc.lookup("skills", "Spanish")`. */
export function lookup(type: string, name: string, field: "id" | "name" = "id"): pulumi.Output<string> {
  const found = resolved.get(key(type, name));
  if (!found) {
    throw new pulumi.RunError(
      `gc.lookup("${type}", "${name}") was not listed in lookups.ts: add it there (or re-run genesys-clone import).`,
    );
  }
  return pulumi.output(found[field]);
}
