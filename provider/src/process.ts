/**
 * Entry point of the dynamic-provider process (what the serialized shim requires): holds the stack
 * configuration the engine sent to `configure`, builds the context of each call and hands out the
 * registered implementations.
 */
import { clientFor, GenesysClient, GenesysError } from "./client";
import {
  configFromEnv,
  ConfigGetter,
  deployConfig,
  JOURNAL_DIR_ENV,
  resolveSettings,
  SETTINGS,
  STACK_SETTINGS,
} from "./config";
import type { ResourceImpl } from "./resources/common";
import type { Context, Lifecycle, TypeJournal } from "./resources/context";
import { Journal } from "./resources/journal";
import { RESOURCES, type Resources } from "./resources/registry";

let config: ConfigGetter | undefined;
let stackJournal: Journal | undefined;

/**
 * Called by the shim's `configure`: copies the settings synchronously, so concurrent calls see them
 * at once. `stack` (captured by the shim when the program declared the resource) names the create
 * journal; the engine starts providers in the project directory, where the journal lives.
 */
export function configure(get: ConfigGetter, stack?: string): void {
  const snapshot = new Map<string, string | undefined>();
  for (const s of [...Object.values(SETTINGS), ...Object.values(STACK_SETTINGS)]) snapshot.set(s.key, get(s.key));
  config = (key) => snapshot.get(key);
  const journalDir = process.env[JOURNAL_DIR_ENV];
  if (stack) stackJournal = journalDir ? Journal.in(journalDir, stack) : Journal.of(process.cwd(), stack);
}

/**
 * What the stack's create journal says and records for one object type in the target org (no-ops
 * when no journal is configured, as in unit tests). See resources/journal.ts.
 */
function journalOf(c: GenesysClient, type: string): TypeJournal {
  const api = () => c.endpoints.apiBaseUrl;
  return {
    claims: (name: string, id: string) => stackJournal?.claims(api(), type, name, id) ?? false,
    async creating<T extends { id: string }>(name: string, create: () => Promise<T>): Promise<T> {
      stackJournal?.record({ op: "create", api: api(), type, name });
      const made = await create();
      stackJournal?.record({ op: "created", api: api(), type, name, id: made.id });
      return made;
    },
    record: (op: "create" | "created" | "deleted", name: string, id?: string) =>
      stackJournal?.record({ op, api: api(), type, name, ...(id ? { id } : {}) }),
  };
}

/** The client of the target org this process deploys to. */
export function client(): GenesysClient {
  return clientFor(resolveSettings(deployConfig(config ?? configFromEnv())));
}

// @pulumi/pulumi's dynamic-provider host prints `${err}: ${err.stack}` to stderr for every error a
// method throws; the engine shows it at Stack level. That copy matters: once one step fails, the
// engine does not show the errors of steps still in flight on their resources. Our own errors
// (GenesysError: messages written for the user) get a marker for a stack, and the line is printed
// without it: the error's name and message, no stack frames.
const REPORTED = "\u2063genesys-clone: reported";
const print = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const line = args[0];
  if (args.length === 1 && typeof line === "string" && line.endsWith(`: ${REPORTED}`))
    print(line.slice(0, -REPORTED.length - 2));
  else print(...args);
};

/** Errors out of the implementation: typed ones keep their complete message and lose their stack frames. */
function plain<A extends unknown[], R>(f: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await f(...args);
    } catch (err) {
      if (err instanceof GenesysError) err.stack = REPORTED;
      throw err;
    }
  };
}

/** The context of one call: the target's client, the stack's conflict policy and its create journal. */
export function context(): Context {
  const c = client();
  return { client: c, onConflict: conflictPolicy(), journal: (type) => journalOf(c, type) };
}

/** A type's implementation, or the upgrade message when the state names a type this version does not have. */
function implementationOf(resourceType: string, resources: Resources): Lifecycle {
  const d = resources.byType(resourceType);
  if (!d) {
    throw new Error(
      `This version of @genesys-clone/provider has no resource type ${resourceType}: the state was written by a newer version; upgrade genesys-clone.`,
    );
  }
  return d.implementation();
}

/**
 * The implementation of a resource type, as the shim calls it: each call gets a fresh context; an API
 * error while checking (the target org cannot be read) becomes a check failure, and our typed errors are
 * reported without stack frames. `resources` is the registry (a test may add a fixture type).
 */
export function impl(resourceType: string, resources: Resources = RESOURCES): ResourceImpl {
  const inner = implementationOf(resourceType, resources);
  return {
    async check(olds, news) {
      try {
        return await inner.check(context(), olds, news);
      } catch (err) {
        if (!(err instanceof GenesysError)) throw err;
        return { inputs: news, failures: [{ property: "", reason: err.message }] };
      }
    },
    diff: plain((id, olds, news) => inner.diff(context(), id, olds, news)),
    create: plain((inputs) => inner.create(context(), inputs)),
    read: plain((id, props) => inner.read(context(), id, props)),
    update: plain((id, olds, news) => inner.update(context(), id, olds, news)),
    delete: plain((id, props) => inner.delete(context(), id, props)),
  };
}

/** The stack's default policy for names that already exist in the target (genesys-clone:onConflict). */
export function conflictPolicy(): "fail" | "adopt" {
  const value = (config ?? configFromEnv())(STACK_SETTINGS.onConflict.key);
  return value === "adopt" ? "adopt" : "fail";
}
