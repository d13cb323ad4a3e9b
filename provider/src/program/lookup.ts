import * as pulumi from "@pulumi/pulumi";
import type { GenesysClient } from "../client";
import { nameKey } from "../resources/common";
import type { ResourceDefinition } from "../resources/define";
import { RESOURCES, type Resources } from "../resources/registry";
import { directoryApi } from "../resources/routing-queue-members/api";
import { GROUPS, USERS } from "../resources/routing-queue-members/export";
import { keepsName, mapDivision, mapGroup, mapName, mapUser, Transforms } from "./transforms";

/** Objects the imported code references but does not declare, found by name in the target org: by exporter key. */
function listers(resources: Resources): Map<string, NonNullable<ResourceDefinition["lookup"]>> {
  return new Map([
    ...resources.all.flatMap((d) => (d.exporter && d.lookup ? [[d.exporter.key, d.lookup] as const] : [])),
    // The directory (queue members): users by email, groups by name. Never declared: every org provisions its own.
    ...DIRECTORY,
  ]);
}

const DIRECTORY = new Map<string, NonNullable<ResourceDefinition["lookup"]>>([
  [USERS, async (c) => (await directoryApi.users(c)).flatMap((u) => (u.email ? [{ id: u.id, name: u.email }] : []))],
  [GROUPS, directoryApi.groups],
]);

export interface LookupRequest {
  type: string;
  name: string;
  /** The objects that use it (queues of a member): named in the message when it is missing. */
  usedBy?: string[];
}

/** Where a lookup's name in the target comes from: users and groups map by their own keys, never renamed by `names`. */
function targetName(t: Transforms, r: LookupRequest): string {
  if (r.type === "divisions") return mapDivision(t, r.name);
  if (r.type === USERS) return mapUser(t, r.name);
  if (r.type === GROUPS) return mapGroup(t, r.name);
  if (keepsName(r.type)) return r.name;
  return mapName(t, r.name);
}

const resolved = new Map<string, { id: string; name: string }>();
const key = (type: string, name: string) => `${type}\u0000${name}`;

/**
 * Resolves every lookup before the program declares anything; throws one error listing every
 * reference the target org cannot satisfy.
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
  // One listing per type, all awaited together, so no listing is left failing unobserved.
  const listed = await Promise.all(
    // Keyed by nameKey: the API's names are unique case-insensitively, so "sales" in the target is "Sales".
    types.map(
      async (t) =>
        [
          t,
          new Map((await LISTERS.get(t)!(c)).filter((o) => o.state !== "deleted").map((o) => [nameKey(o.name), o])),
        ] as const,
    ),
  );
  const byType = new Map(listed);
  const missing: string[] = [];
  const directory: string[] = [];
  for (const r of requests) {
    const mapped = targetName(t, r);
    const found = byType.get(r.type)!.get(nameKey(mapped));
    const renamed = mapped !== r.name ? ` ('${r.name}' in the code, renamed by the transforms file)` : "";
    if (found) resolved.set(key(r.type, r.name), found);
    else if (DIRECTORY.has(r.type))
      directory.push(
        `${r.type === USERS ? "user" : "group"} '${mapped}'${renamed}${r.usedBy?.length ? ` (member of queue ${r.usedBy.map((q) => `'${mapName(t, q)}'`).join(", ")})` : ""}`,
      );
    else missing.push(`${r.type.replace(/s$/, "")} '${mapped}'${renamed}`);
  }
  if (directory.length) {
    throw new pulumi.RunError(
      `${directory.length} queue member(s) the code names do not exist in the target org: ${directory.join(", ")}. ` +
        "genesys-clone never creates users or groups (each org provisions its own directory): provision them in the " +
        "target org, map them in the transforms file (users:, groups:), or import again with " +
        "`genesys-clone import --members skip` to leave queue members out." +
        (missing.length ? ` Also missing: ${missing.join(", ")}.` : ""),
    );
  }
  if (missing.length) {
    throw new pulumi.RunError(
      `The imported code references ${missing.length} object(s) it does not declare and the target org does not have: ${missing.join(", ")}. ` +
        "Create them in the target org, import them too (drop the filter that excluded them and run genesys-clone import again)" +
        (missing.some((m) => m.includes("renamed by the transforms file"))
          ? ", or correct the transforms file's mapping."
          : "."),
    );
  }
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
