import * as pulumi from "@pulumi/pulumi";

// Public in the SDK's JavaScript, missing from its typings: whether a config key was set with --secret.
const { isConfigSecret } = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(key: string): boolean };

/** Refuses a setting that must be secret but sits in plaintext in the stack's config file, naming the command that encrypts it. */
export function refusePlaintext(key: string, placeholder: string): void {
  if (pulumi.runtime.getConfig(key) !== undefined && !isConfigSecret(key)) {
    throw new pulumi.RunError(
      `${key} is stored in plaintext in the stack's config file: run \`pulumi config set --secret ${key}\` to encrypt it (it prompts for the ${placeholder}, or reads it from stdin: never put it on the command line).`,
    );
  }
}
