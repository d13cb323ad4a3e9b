// `npm run pulumi -- <args>`: the project's Pulumi CLI with the offline environment of lib/pulumi-env.
import { spawnSync } from "child_process";
import { pulumiEnv, ROOT } from "./lib/pulumi-env";
import { secretOnCommandLine } from "./lib/secret-args";

const args = process.argv.slice(2);
const key = secretOnCommandLine(args);
if (key !== undefined) {
  // npm has printed the command line already unless run with -s; refuse so the habit does not stick.
  process.stderr.write(
    `npm run pulumi: refusing a secret value on the command line for ${key} (npm echoes the command, and the shell history and ` +
      "process list keep it). Leave the value out: Pulumi prompts for it on a terminal and reads it from stdin otherwise, e.g.\n" +
      `  printf '%s' "$SECRET" | npm run -s pulumi -- config set --secret ${key} --stack <stack>\n`,
  );
  process.exit(2);
}
const res = spawnSync("pulumi", args, { cwd: ROOT, env: pulumiEnv(), stdio: "inherit" });
process.exit(res.status ?? 1);
