import { z } from "zod";
import { GenesysClient, GenesysError } from "../../client";
import { deleteIfPresent, getLive, sameName } from "../common";
import type { DivisionBody } from "./schema";
import type { Models, SdkRead } from "../../sdk";

export const RESOURCE_TYPE = "genesyscloud:auth:Division";

export const Division = z.object({
  id: z.string(),
  name: z.string(),
  homeDivision: z.boolean().optional(),
});
export type Division = z.infer<typeof Division>;
type _Division = SdkRead<Models.AuthzDivision, Division>;

// One listing per client and process; a name we do not find triggers one fresh listing.
const cache = new WeakMap<GenesysClient, Promise<Division[]>>();

export function listDivisions(client: GenesysClient, fresh = false): Promise<Division[]> {
  let divisions = fresh ? undefined : cache.get(client);
  if (!divisions) {
    divisions = client.listAll("/api/v2/authorization/divisions", Division, { pageSize: 100 });
    cache.set(client, divisions);
    divisions.catch(() => cache.delete(client));
  }
  return divisions;
}

/**
 * The target org's division for a division name from the stack code; no name means the home division
 * (home maps to home across orgs, whatever each org calls it).
 */
export async function resolveDivision(
  client: GenesysClient,
  name: string | undefined,
  owner: string,
): Promise<Division> {
  // Division names are unique case-insensitively: the exact spelling first, else the one that differs in case only.
  const pick = (all: Division[]) =>
    name === undefined
      ? all.find((d) => d.homeDivision)
      : (all.find((d) => d.name === name) ?? all.find((d) => sameName(d.name, name)));
  let found = pick(await listDivisions(client));
  if (!found) found = pick(await listDivisions(client, true));
  if (!found) {
    throw new GenesysError(
      "Validation",
      name === undefined
        ? `${owner}: the target org reports no home division; check the OAuth client's permission authorization:division:view.`
        : `${owner}: division '${name}' does not exist in the target org. Create it there, or change the division in the stack code (division names are matched ignoring case, as the API does; omit it for the home division).`,
    );
  }
  return found;
}

/** The name the stack code uses for a division id: undefined for the home division. */
export async function divisionLabel(client: GenesysClient, id: string | undefined): Promise<string | undefined> {
  if (!id) return undefined;
  let all = await listDivisions(client);
  let d = all.find((x) => x.id === id);
  if (!d) {
    all = await listDivisions(client, true);
    d = all.find((x) => x.id === id);
  }
  if (!d) return `(unknown division ${id})`;
  return d.homeDivision ? undefined : d.name;
}

/** The division as stack code names it, keeping the code's own spelling when it names the same division. */
export async function divisionArg(
  client: GenesysClient,
  id: string | undefined,
  previous: string | undefined,
): Promise<string | undefined> {
  if (previous !== undefined && id !== undefined) {
    const all = await listDivisions(client);
    if (all.find((d) => sameName(d.name, previous))?.id === id) return previous;
  }
  return divisionLabel(client, id);
}

/**
 * Names of the divisions this deployment's program declares as new or changed gc.Division resources. The
 * engine checks a division before any resource that uses its name (that input is the division's output),
 * and all dynamic resources share this provider process, so at preview a division the program will create
 * is known here before the objects placed in it are checked.
 */
const declaredDivisions = new Set<string>();

export function declareDivision(name: string): void {
  declaredDivisions.add(name);
}

/** Preview-time check that a division exists in the target org, or that the program itself declares it. */
export async function checkDivision(client: GenesysClient, name: string | undefined, owner: string) {
  if (name !== undefined && declaredDivisions.has(name)) return [];
  try {
    await resolveDivision(client, name, owner);
    return [];
  } catch (err) {
    return [{ property: "division", reason: (err as Error).message }];
  }
}

const WireDivision = Division.extend({ description: z.string().nullish() });
export type WireDivision = z.infer<typeof WireDivision>;
type _WireDivision = SdkRead<Models.AuthzDivision, WireDivision>;

const DIVISION_DELETE_ATTEMPTS = 10;
const totalWaitMs = (attempts: number) => (500 * (attempts - 1) * attempts) / 2;

/** Division writes (reference §4.5); reads go through the cached listing above. */
export const divisionsApi = {
  list: (c: GenesysClient) => c.listAll("/api/v2/authorization/divisions", WireDivision, { pageSize: 100 }),
  get: (c: GenesysClient, id: string) =>
    getLive(c, `/api/v2/authorization/divisions/${encodeURIComponent(id)}`, WireDivision),
  async create(c: GenesysClient, body: DivisionBody) {
    const d = await c.request({ method: "POST", path: "/api/v2/authorization/divisions", body, schema: WireDivision });
    cache.delete(c);
    return d;
  },
  async update(c: GenesysClient, id: string, body: DivisionBody) {
    const d = await c.request({
      method: "PUT",
      path: `/api/v2/authorization/divisions/${encodeURIComponent(id)}`,
      body,
      schema: WireDivision,
    });
    cache.delete(c);
    return d;
  },
  /**
   * Objects deleted a moment before (by this same destroy) may still be attached to the division: the API
   * answers 400 until they "detach completely eventually". Terraform retries 400 up to 10 times, waiting
   * 0.5 s more each time, about 27 s in all (auth_division `deleteAuthDivision`, util `RetryWhen(IsStatus400)`).
   */
  async remove(
    c: GenesysClient,
    id: string,
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    const path = `/api/v2/authorization/divisions/${encodeURIComponent(id)}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await deleteIfPresent(c, path);
        break;
      } catch (err) {
        if (!(err instanceof GenesysError) || err.status !== 400) throw err;
        if (attempt >= DIVISION_DELETE_ATTEMPTS) {
          throw new GenesysError(
            err.kind,
            `${err.message} Still refused after ${attempt} attempts over ${Math.round(totalWaitMs(attempt) / 1000)} s: move or delete what is still in the division, then run destroy again.`,
            err.details,
          );
        }
        await sleep(attempt * 500);
      }
    }
    cache.delete(c);
  },
};
