import { GenesysError, type GenesysClient } from "../../client";
import { listDivisions } from "../auth-division/api";
import { dataTablesApi } from "../architect-datatable/api";
import { emergencyGroupsApi } from "../architect-emergencygroup/api";
import { schedulesApi } from "../architect-schedule/api";
import { scheduleGroupsApi } from "../architect-schedulegroup/api";
import { promptsApi } from "../architect-userprompt/api";
import { nameKey } from "../common";
import { integrationsApi } from "../integration/api";
import { languagesApi } from "../routing-language/api";
import { queuesApi } from "../routing-queue/api";
import { directoryApi } from "../routing-queue-members/api";
import { skillsApi } from "../routing-skill/api";
import { wrapupCodesApi } from "../routing-wrapupcode/api";
import { flowsApi } from "./api";
import { DATA_ACTIONS, INTEGRATIONS, referenceWord, type LiteralReference } from "./references";

type Listed = { name: string; state?: string | null };

/**
 * The target's objects of each reference type a flow can name (the same listings the program's lookups use; kept
 * here, beside the flow provider, which must not reach the registry: see test/unit/import-cycles).
 */
const LISTERS: Readonly<Record<string, (c: GenesysClient) => Promise<Listed[]>>> = {
  divisions: listDivisions,
  queues: queuesApi.list,
  schedulegroups: scheduleGroupsApi.list,
  schedules: schedulesApi.list,
  wrapupcodes: wrapupCodesApi.list,
  skills: skillsApi.list,
  languages: languagesApi.list,
  flows: flowsApi.list,
  datatables: dataTablesApi.list,
  emergencygroups: emergencyGroupsApi.list,
  prompts: promptsApi.list,
  users: async (c) => (await directoryApi.users(c)).flatMap((u) => (u.email ? [{ name: u.email }] : [])),
  groups: directoryApi.groups,
  [INTEGRATIONS]: integrationsApi.categories,
  [DATA_ACTIONS]: integrationsApi.actions,
};

/** Per client (one per target org and run), one listing per type: what flows' literal names resolve against. */
const listings = new WeakMap<GenesysClient, Map<string, Promise<Set<string> | undefined>>>();

function names(c: GenesysClient, type: string): Promise<Set<string> | undefined> {
  let cache = listings.get(c);
  if (!cache) listings.set(c, (cache = new Map()));
  let p = cache.get(type);
  if (!p) {
    const lister = LISTERS[type];
    p = lister
      ? lister(c).then(
          (list) => new Set(list.filter((o) => o.state !== "deleted").map((o) => nameKey(o.name))),
          // A type the OAuth client may not read is left to the publish job, which checks every name anyway.
          (err: unknown) => {
            if (err instanceof GenesysError && (err.kind === "Forbidden" || err.status === 403)) return undefined;
            throw err;
          },
        )
      : Promise.resolve(undefined);
    cache.set(type, p);
  }
  return p;
}

/**
 * The literal references the target org does not hold, each as `<kind> '<name>'` (names match ignoring case, as
 * the API's do). No API call when there is nothing to resolve.
 */
export async function unresolvedLiterals(c: GenesysClient, refs: readonly LiteralReference[]): Promise<string[]> {
  if (!refs.length) return [];
  const known = await Promise.all(refs.map((r) => names(c, r.type)));
  return refs.flatMap((r, i) =>
    known[i] === undefined || known[i]!.has(nameKey(r.name)) ? [] : [`${referenceWord(r.type)} '${r.name}'`],
  );
}
