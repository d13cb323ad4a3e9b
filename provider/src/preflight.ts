import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { clientFor, GenesysError } from "./client";
import { resolveSettings, SETTINGS } from "./config";

const Organization = z.object({ id: z.string(), name: z.string() });

// Public in the SDK's JavaScript, missing from its typings: whether a config key was set with --secret.
const { isConfigSecret } = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(key: string): boolean };

/**
 * Run by the stack program before it declares any resource, in `preview` as in `up`: checks the
 * provider configuration, that the secret is stored as a secret, that the credentials get a token
 * and that the API answers. Any problem becomes one RunError that names the fix.
 */
export async function preflight(): Promise<{ orgName: string }> {
  const get = (key: string) => pulumi.runtime.getConfig(key);
  try {
    if (get(SETTINGS.clientSecret.key) !== undefined && !isConfigSecret(SETTINGS.clientSecret.key)) {
      throw new GenesysError(
        "Config",
        `${SETTINGS.clientSecret.key} is stored in plaintext in the stack's config file: run ` +
          "`pulumi config set --secret genesyscloud:oauthClientSecret <secret>` to encrypt it.",
      );
    }
    const client = clientFor(resolveSettings(get));
    const org = await client.request({ method: "GET", path: "/api/v2/organizations/me", schema: Organization });
    return { orgName: org.name };
  } catch (err) {
    if (err instanceof GenesysError) throw new pulumi.RunError(err.message);
    throw err;
  }
}

/**
 * Wraps the stack program: a RunError (bad settings, missing import) is reported once as an error
 * diagnostic and the program ends with @pulumi/pulumi's "error already reported" exit code (32), so
 * the engine stops the update without touching any resource. (Letting the rejection escape works
 * too, but the SDK then spends many seconds formatting it.)
 */
export function program<T>(body: () => Promise<T>): () => Promise<T | undefined> {
  return async () => {
    try {
      return await body();
    } catch (err) {
      if (!(err instanceof pulumi.RunError)) throw err;
      await pulumi.log.error(err.message);
      process.exitCode = 32;
      return undefined;
    }
  };
}
