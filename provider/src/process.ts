/**
 * Entry point of the dynamic-provider process (what the serialized shim requires): holds the stack
 * configuration the engine sent to `configure` and hands out the client and resource implementations.
 */
import { clientFor, GenesysClient, GenesysError } from "./client";
import { configFromEnv, ConfigGetter, resolveSettings, SETTINGS, STACK_SETTINGS } from "./config";
import type { ResourceImpl } from "./resources/common";
import { implementationOf } from "./resources/runtime";

let config: ConfigGetter | undefined;

/** Called by the shim's `configure`: copies the settings synchronously, so concurrent calls see them at once. */
export function configure(get: ConfigGetter): void {
  const snapshot = new Map<string, string | undefined>();
  for (const s of [...Object.values(SETTINGS), ...Object.values(STACK_SETTINGS)]) snapshot.set(s.key, get(s.key));
  config = (key) => snapshot.get(key);
}

/** The client of the target org this process deploys to. */
export function client(): GenesysClient {
  return clientFor(resolveSettings(config ?? configFromEnv()));
}

/** Errors out of the implementation: typed ones keep their complete message and lose their stack frames. */
function plain<A extends unknown[], R>(f: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await f(...args);
    } catch (err) {
      if (err instanceof GenesysError) err.stack = `${err.name}: ${err.message}`;
      throw err;
    }
  };
}

/**
 * The implementation of a resource type, as the shim calls it. Pulumi's dynamic-provider host prints
 * `${err}: ${err.stack}` for every error out of check, diff, read and delete, so: an API error while
 * checking (the target org cannot be read) becomes a check failure, and our typed errors lose their
 * stack frames.
 */
export function impl(resourceType: string): ResourceImpl {
  const inner = implementationOf(resourceType);
  return {
    async check(olds, news) {
      try {
        return await inner.check(olds, news);
      } catch (err) {
        if (!(err instanceof GenesysError)) throw err;
        return { inputs: news, failures: [{ property: "", reason: err.message }] };
      }
    },
    diff: plain(inner.diff.bind(inner)),
    create: plain(inner.create.bind(inner)),
    read: plain(inner.read.bind(inner)),
    update: plain(inner.update.bind(inner)),
    delete: plain(inner.delete.bind(inner)),
  };
}

/** The stack's default policy for names that already exist in the target (genesys-clone:onConflict). */
export function conflictPolicy(): "fail" | "adopt" {
  const value = (config ?? configFromEnv())(STACK_SETTINGS.onConflict.key);
  return value === "adopt" ? "adopt" : "fail";
}
