// `npm run pulumi -- <args>`: the project's Pulumi CLI with the offline environment of lib/pulumi-env.
import { spawnSync } from "child_process";
import { pulumiEnv, ROOT } from "./lib/pulumi-env";

const res = spawnSync("pulumi", process.argv.slice(2), { cwd: ROOT, env: pulumiEnv(), stdio: "inherit" });
process.exit(res.status ?? 1);
