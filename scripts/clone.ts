// `npm run clone -- <command> ...`: the genesys-clone CLI with the project's Pulumi CLI on PATH
// (verify reads stack config through it).
import { spawnSync } from "child_process";
import * as path from "path";
import { pulumiEnv, ROOT } from "./lib/pulumi-env";

const res = spawnSync(process.execPath, [path.join(ROOT, "provider", "dist", "cli.js"), ...process.argv.slice(2)], {
  cwd: process.env.INIT_CWD ?? ROOT,
  env: pulumiEnv(),
  stdio: "inherit",
});
process.exit(res.status ?? 1);
