import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { OffsetClock, systemClock } from "./clock";
import type { ControlContext } from "./control/control";
import { DEFAULT_RANDOM_SEED, FaultEngine } from "./faults/engine";
import { createApiRouter } from "./routes/api";
import { dispatch, internalError, type DispatchContext } from "./routes/dispatch";
import { isSeedName, SEED_NAMES } from "./seeds";
import { EmulatorState } from "./state/emulator-state";
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from "./state/settings";
import type { OrgInfo, RunningEmulator, StartEmulatorOptions } from "./types";

function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

/** Starts one HTTP server that emulates several Genesys Cloud orgs, each under `/orgs/<name>/{login,api}`. */
export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const seed = opts.seed ?? "sample";
  if (!isSeedName(seed)) throw new Error(`unknown seed ${String(seed)} (expected one of ${SEED_NAMES.join(", ")})`);
  const rateLimit = opts.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  if (!Number.isInteger(rateLimit) || rateLimit < 1)
    throw new Error(`rateLimitPerMinute must be a positive integer, got ${rateLimit}`);
  const host = opts.host ?? "127.0.0.1";
  const randomSeed = opts.randomSeed ?? DEFAULT_RANDOM_SEED;

  const clock = new OffsetClock(opts.clock ?? systemClock);
  const state = new EmulatorState(opts.seedData ? "custom" : seed, rateLimit, clock, opts.clientSecrets, opts.seedData);
  const faults = new FaultEngine(randomSeed);
  let url = "";

  const orgInfos = (): OrgInfo[] =>
    state.orgs().map((org) => {
      const client = org.auth.listClients()[0];
      if (!client) throw new Error(`org ${org.name} has no OAuth client`);
      const prefix = `${url}/orgs/${encodeURIComponent(org.name)}`;
      return {
        name: org.name,
        region: org.region,
        loginBaseUrl: `${prefix}/login`,
        apiBaseUrl: `${prefix}/api`,
        clientId: client.clientId,
        clientSecret: client.clientSecret,
      };
    });

  const control: ControlContext = { state, faults, clock, initialRandomSeed: randomSeed, orgInfos };
  const ctx: DispatchContext = { state, faults, apiRouter: createApiRouter(), control, baseUrl: () => url };

  const server = createServer((req, res) => {
    dispatch(ctx, req, res).catch((err: unknown) => {
      process.stderr.write(`genesys-emulator: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      internalError(res);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  url = `http://${urlHost(host)}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    get orgs(): OrgInfo[] {
      return orgInfos();
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
