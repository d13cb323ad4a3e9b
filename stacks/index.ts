// The Pulumi program: one stack per target region, each deploying one imported source org.
//   genesys-clone:source   directory under stacks/ written by `genesys-clone import` (e.g. "sample")
//   genesyscloud:*         the target org: region, oauthClientId, secret oauthClientSecret (see README)
import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as path from "path";
import { preflight, program } from "@genesys-clone/provider";

export = program(async () => {
  const source = new pulumi.Config("genesys-clone").require("source");
  const dir = path.resolve(__dirname, source);
  if (!fs.existsSync(path.join(dir, "index.ts"))) {
    throw new pulumi.RunError(
      `genesys-clone:source is '${source}', but ${dir} holds no generated stack code: ` +
        `run \`genesys-clone import --out stacks/${source}\` first, or set genesys-clone:source to an imported directory.`,
    );
  }
  const target = await preflight();
  const declared = require(dir) as Record<string, pulumi.Resource>;
  return { targetOrg: target.orgName, resources: Object.keys(declared).length };
});
