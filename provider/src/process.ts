/**
 * Entry point of the dynamic-provider process (what the serialized shim requires): holds the stack
 * configuration the engine sent to `configure` and hands out the client and resource implementations.
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
import { Journal } from "./resources/journal";
import { implementationOf } from "./resources/runtime";

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
export function journalOf(type: string) {
  const api = () => client().endpoints.apiBaseUrl;
  return {
    /** This stack created `id` (named `name`) in an earlier, interrupted run. */
    claims: (name: string, id: string) => stackJournal?.claims(api(), type, name, id) ?? false,
    /** Runs a create request with the journal written before it and after it. */
    async creating<T extends { id: string }>(name: string, create: () => Promise<T>): Promise<T> {
      stackJournal?.record({ op: "create", api: api(), type, name });
      const made = await create();
      stackJournal?.record({ op: "created", api: api(), type, name, id: made.id });
      return made;
    },
    /** Records a create about to be sent, a create's id, or that an object this stack created is gone. */
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

/**
 * The implementation of a resource type, as the shim calls it: an API error while checking (the
 * target org cannot be read) becomes a check failure, and our typed errors are reported without
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
