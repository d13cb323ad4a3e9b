/**
 * Entry point of the dynamic-provider process (what the serialized shim requires): holds the stack
 * configuration the engine sent to `configure` and hands out the client and resource implementations.
 */
import { clientFor, GenesysClient } from "./client";
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

export function impl(resourceType: string): ResourceImpl {
  return implementationOf(resourceType);
}

/** The stack's default policy for names that already exist in the target (genesys-clone:onConflict). */
export function conflictPolicy(): "fail" | "adopt" {
  const value = (config ?? configFromEnv())(STACK_SETTINGS.onConflict.key);
  return value === "adopt" ? "adopt" : "fail";
}
