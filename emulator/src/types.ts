import type { Clock } from "./clock";
import type { SeedData, SeedName } from "./seeds";

/** How to reach one emulated org, exactly like `https://login.<domain>` / `https://api.<domain>`. */
export interface OrgInfo {
  name: string;
  region: string;
  /** `<url>/orgs/<name>/login`: token endpoint at `loginBaseUrl + "/oauth/token"`. */
  loginBaseUrl: string;
  /** `<url>/orgs/<name>/api`: calls at `apiBaseUrl + "/api/v2/..."`. */
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface StartEmulatorOptions {
  /** Initial data set, also what `POST /__emulator/reset` returns to. Default "sample". */
  seed?: SeedName;
  /** A data set of your own instead of a named seed (e.g. a copy of a real org); `reset` returns to it. */
  seedData?: SeedData;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** Default per-token budget per 60-second window for every org (default 300). */
  rateLimitPerMinute?: number;
  /** Base clock (default Date.now); the control API adds an offset on top. */
  clock?: Clock;
  /** Seed of the PRNG used for probabilistic faults (default 1). */
  randomSeed?: number;
  /** OAuth client secrets by org name, instead of random ones (e.g. distinctive values a secret scan looks for). */
  clientSecrets?: Record<string, string>;
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  orgs: OrgInfo[];
  close(): Promise<void>;
}
