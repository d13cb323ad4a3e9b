import { appendFileSync, writeFileSync } from "fs";
import * as path from "path";

/**
 * Call counts for `genesys-clone rollout`, which gives each stack's run its own directory in
 * GENESYS_CLONE_STATS_DIR: every process of that run (the program, the provider) appends one line per API
 * answer to calls.log there (its HTTP status; 0 when no answer came), and the program writes how many
 * resources it declared to program.json. Appends of a few bytes from several processes do not interleave
 * (O_APPEND). Without the variable nothing is written.
 */
export const STATS_DIR_ENV = "GENESYS_CLONE_STATS_DIR";
export const CALLS_FILE = "calls.log";
export const PROGRAM_FILE = "program.json";

function statsDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[STATS_DIR_ENV] || undefined;
}

/** Records one API answer (status 0: the request got none). Best effort: a full disk never fails a deployment. */
export function logCall(status: number, env: NodeJS.ProcessEnv = process.env): void {
  const dir = statsDir(env);
  if (!dir) return;
  try {
    appendFileSync(path.join(dir, CALLS_FILE), `${status}\n`);
  } catch {
    // The counts are a display aid; the deployment goes on without them.
  }
}

/** Records the number of resources the program declared (the total of a preview's or up's progress). */
export function logDeclared(resources: number, env: NodeJS.ProcessEnv = process.env): void {
  const dir = statsDir(env);
  if (!dir) return;
  try {
    writeFileSync(path.join(dir, PROGRAM_FILE), JSON.stringify({ resources }));
  } catch {
    // As above.
  }
}
