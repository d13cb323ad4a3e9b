import { z } from "zod";
import type { OffsetClock } from "../clock";
import type { FaultEngine } from "../faults/engine";
import { faultRuleListSchema, faultRuleSchema } from "../faults/rules";
import { flowToWire } from "../routes/architect/flow-wire";
import { flowTypeOf } from "../state/architect/archy";
import { errorBody, parseBody, parseJson, queryValue, type HandlerResult } from "../routes/http";
import { Router } from "../routes/router";
import { dumpOrg } from "./dump";
import { isSeedName, SEED_NAMES, type SeedName } from "../seeds";
import type { EmulatorState } from "../state/emulator-state";
import { ApiError, notFound } from "../state/errors";
import { uuidFromSeed } from "../state/ids";
import type { OrgStore } from "../state/org-store";
import { orgSettingsPatchSchema } from "../state/settings";
import { sortedStats } from "../state/stats";
import type { OrgInfo } from "../types";

export const CONTROL_PREFIX = "/__emulator";

export interface ControlContext {
  state: EmulatorState;
  faults: FaultEngine;
  clock: OffsetClock;
  /** The PRNG seed the emulator was started with; reset returns to it unless told otherwise. */
  initialRandomSeed: number;
  orgInfos(): OrgInfo[];
}

interface ControlRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  json(): unknown;
}

type ControlHandler = (ctx: ControlContext, req: ControlRequest) => HandlerResult;

const seedNameSchema = z.string().refine(isSeedName, { message: `seed must be one of: ${SEED_NAMES.join(", ")}` });
const resetSchema = z.object({ seed: seedNameSchema.optional(), randomSeed: z.number().int().optional() }).strict();
const clockSchema = z.object({ advanceMs: z.number().int().min(0) }).strict();
const randomSeedSchema = z.object({ randomSeed: z.number().int() }).strict();
/** The OAuth client to lock a flow as: a name, or `{id?, name?}` (an id is derived from the name when absent). */
const holderSchema = z.union([
  z.string().min(1),
  z.object({ id: z.string().min(1).optional(), name: z.string().min(1).optional() }).strict(),
]);
/** `client` locks as another OAuth client (`lockedClient`); `user` as a person editing it in Architect (`lockedUser`). */
const integrationSchema = z
  .object({
    name: z.string().min(1),
    integrationType: z.string().min(1).optional(),
    actions: z.array(z.object({ name: z.string().min(1), category: z.string().min(1).optional() }).strict()),
  })
  .strict();
const lockSchema = z.object({ client: holderSchema.optional(), user: holderSchema.optional() }).strict();

function requireOrg(ctx: ControlContext, name: string | undefined): OrgStore {
  const org = name === undefined ? undefined : ctx.state.org(name);
  if (!org) throw notFound(`Unknown org ${name ?? ""}`);
  return org;
}

function ok(body: unknown): HandlerResult {
  return { status: 200, body };
}

/** An optional body: empty means `{}`. */
function optionalBody(req: ControlRequest): unknown {
  const v = req.json();
  return v === undefined ? {} : v;
}

/** Fresh seed data; faults, tokens, rate windows, stats and the clock offset are cleared; credentials kept. */
function resetTo(
  ctx: ControlContext,
  seed: SeedName | "custom",
  randomSeed: number,
): { seed: SeedName | "custom"; orgs: OrgInfo[] } {
  ctx.state.load(seed);
  ctx.faults.clear();
  ctx.faults.setSeed(randomSeed);
  ctx.clock.reset();
  return { seed, orgs: ctx.orgInfos() };
}

function buildRouter(): Router<ControlHandler> {
  const r = new Router<ControlHandler>();
  const p = CONTROL_PREFIX;

  r.add("POST", `${p}/reset`, (ctx, req) => {
    const body = parseBody(resetSchema, optionalBody(req));
    return ok(resetTo(ctx, body.seed ?? ctx.state.initialSeed, body.randomSeed ?? ctx.initialRandomSeed));
  });

  // Load another seed: the same as `reset {seed}`, but the seed is required.
  r.add("POST", `${p}/seed`, (ctx, req) => {
    const body = parseBody(z.object({ seed: seedNameSchema }).strict(), req.json());
    return ok(resetTo(ctx, body.seed, ctx.initialRandomSeed));
  });

  r.add("GET", `${p}/orgs`, (ctx) => ok({ seed: ctx.state.seed, orgs: ctx.orgInfos() }));

  r.add("GET", `${p}/state`, (ctx, req) => {
    const only = queryValue(req.query, "org");
    if (only !== undefined) return ok(dumpOrg(requireOrg(ctx, only)));
    return ok({ seed: ctx.state.seed, orgs: ctx.state.orgs().map(dumpOrg) });
  });

  r.add("GET", `${p}/faults`, (ctx) => ok({ randomSeed: ctx.faults.seed, rules: ctx.faults.list() }));
  r.add("PUT", `${p}/faults`, (ctx, req) => {
    ctx.faults.replace(parseBody(faultRuleListSchema, req.json()));
    return ok({ randomSeed: ctx.faults.seed, rules: ctx.faults.list() });
  });
  r.add("POST", `${p}/faults`, (ctx, req) => {
    ctx.faults.append(parseBody(faultRuleSchema, req.json()));
    return ok({ randomSeed: ctx.faults.seed, rules: ctx.faults.list() });
  });
  r.add("DELETE", `${p}/faults`, (ctx) => {
    ctx.faults.clear();
    return ok({ randomSeed: ctx.faults.seed, rules: [] });
  });
  r.add("POST", `${p}/faults/seed`, (ctx, req) => {
    ctx.faults.setSeed(parseBody(randomSeedSchema, req.json()).randomSeed);
    return ok({ randomSeed: ctx.faults.seed });
  });

  r.add("GET", `${p}/stats`, (ctx, req) => {
    const only = queryValue(req.query, "org");
    const orgs = only !== undefined ? [requireOrg(ctx, only)] : ctx.state.orgs();
    return ok({ orgs: orgs.map((o) => ({ name: o.name, ...sortedStats(ctx.state.stats(o.name)) })) });
  });
  // Every request's arrival, answer and status since the counters were cleared (the benchmark's picture of a run).
  r.add("GET", `${p}/stats/timeline`, (ctx, req) => {
    const org = requireOrg(ctx, queryValue(req.query, "org") ?? "");
    return ok({ org: org.name, calls: ctx.state.stats(org.name).timeline });
  });
  r.add("DELETE", `${p}/stats`, (ctx) => {
    ctx.state.resetStats();
    return ok({ orgs: [] });
  });

  r.add("GET", `${p}/orgs/{name}/settings`, (ctx, req) => ok(requireOrg(ctx, req.params["name"]).settings));
  r.add("PUT", `${p}/orgs/{name}/settings`, (ctx, req) => {
    const org = requireOrg(ctx, req.params["name"]);
    return ok(org.mergeSettings(parseBody(orgSettingsPatchSchema, req.json())));
  });
  // Lock a flow as some other OAuth client, to provoke the 409s / job failures a foreign lock causes.
  r.add("POST", `${p}/orgs/{name}/flows/{flowId}/lock`, (ctx, req) => {
    const org = requireOrg(ctx, req.params["name"]);
    const body = parseBody(lockSchema, optionalBody(req));
    if (body.user !== undefined && body.client !== undefined)
      throw new ApiError(400, "bad.request", "Lock as a client or as a user, not both.");
    const kind = body.user !== undefined ? "user" : "client";
    const raw = body.user ?? body.client;
    const given = typeof raw === "string" ? { name: raw } : (raw ?? {});
    const name = given.name ?? (kind === "user" ? "Architect User" : "Another OAuth client");
    const holder = { id: given.id ?? uuidFromSeed(`${org.name}/lock-${kind}/${name}`), name };
    return ok(flowToWire(org, org.architect.flows.lockAs(req.params["flowId"] ?? "", holder, kind)));
  });
  // A flow published in Architect, of any type (also those Archy files do not cover: WORKITEM, VOICE, ...).
  r.add("POST", `${p}/orgs/{name}/flows`, (ctx, req) => {
    const org = requireOrg(ctx, req.params["name"]);
    const body = parseBody(
      z
        .object({
          name: z.string().min(1),
          type: z.string().min(1),
          yaml: z.string().min(1),
          description: z.string().optional(),
        })
        .strict(),
      req.json(),
    );
    const type = flowTypeOf(body.type);
    if (!type) throw new ApiError(400, "invalid.value", `Unknown flow type ${body.type}`);
    return ok(
      flowToWire(
        org,
        org.architect.flows.publishAsArchitect({
          name: body.name,
          type,
          yaml: body.yaml,
          description: body.description,
        }),
      ),
    );
  });
  // A person saves a draft in Architect: a new saved version, not published (exports without a version return it).
  r.add("POST", `${p}/orgs/{name}/flows/{flowId}/draft`, (ctx, req) => {
    const org = requireOrg(ctx, req.params["name"]);
    const body = parseBody(z.object({ yaml: z.string().min(1) }).strict(), req.json());
    const v = org.architect.flows.saveDraft(req.params["flowId"] ?? "", body.yaml);
    return ok({ id: v.id, flow: flowToWire(org, org.architect.flows.getFlow(req.params["flowId"] ?? "")) });
  });
  // An admin installs an integration with data actions in an org (the API never creates them for genesys-clone).
  r.add("POST", `${p}/orgs/{name}/integrations`, (ctx, req) => {
    const org = requireOrg(ctx, req.params["name"]);
    const body = parseBody(integrationSchema, req.json());
    const id = uuidFromSeed(`${org.name}/integration/${body.name}/${org.integrations.listIntegrations().length}`);
    org.integrations.add(
      { id, name: body.name, integrationType: body.integrationType ?? "custom-rest-actions", intendedState: "ENABLED" },
      body.actions.map((a) => ({
        id: uuidFromSeed(`${id}/action/${a.name}`),
        name: a.name,
        integrationId: id,
        category: a.category ?? body.name,
        secure: false,
        version: 1,
      })),
    );
    return ok({ id, ...org.integrations.snapshot() });
  });
  r.add("POST", `${p}/orgs/{name}/tokens/revoke`, (ctx, req) =>
    ok({ revoked: requireOrg(ctx, req.params["name"]).auth.revokeTokens() }),
  );
  // Every access token issued since the process started (kept across resets and revocations), for secret scans.
  r.add("GET", `${p}/tokens`, (ctx, req) => {
    const only = queryValue(req.query, "org");
    const orgs = only !== undefined ? [requireOrg(ctx, only)] : ctx.state.orgs();
    return ok({ orgs: orgs.map((o) => ({ name: o.name, tokens: ctx.state.tokensIssued(o.name) })) });
  });

  r.add("GET", `${p}/clock`, (ctx) => ok({ now: ctx.clock.now(), offsetMs: ctx.clock.offset }));
  r.add("POST", `${p}/clock`, (ctx, req) => {
    ctx.clock.advance(parseBody(clockSchema, req.json()).advanceMs);
    return ok({ now: ctx.clock.now(), offsetMs: ctx.clock.offset });
  });
  return r;
}

const router = buildRouter();

/** The `/__emulator/...` control API: JSON in and out, no auth, never subject to faults. */
export function handleControlRequest(
  ctx: ControlContext,
  method: string,
  path: string,
  query: URLSearchParams,
  rawBody: Buffer,
  contextId: string,
): HandlerResult {
  const match = router.match(method, path);
  if (!match) return { status: 404, body: errorBody(notFound(), contextId) };
  let parsed: { value: unknown } | undefined;
  const req: ControlRequest = {
    params: match.params,
    query,
    json: () => {
      if (!parsed) parsed = { value: parseJson(rawBody) };
      return parsed.value;
    },
  };
  try {
    return match.handler(ctx, req);
  } catch (err) {
    if (err instanceof ApiError) return { status: err.status, body: errorBody(err, contextId) };
    throw err;
  }
}
