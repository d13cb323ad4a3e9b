// The Pulumi program: one stack per target region, each deploying one imported source org.
//   genesys-clone:source      directory under stacks/ written by `genesys-clone import` (e.g. "sample")
//   genesys-clone:transforms  optional region transforms file (default: transforms.<stack>.yaml, if present)
//   genesys-clone:onConflict  fail (default) or adopt, for names that already exist in the target org
//   genesyscloud:*            the target org: region, oauthClientId, secret oauthClientSecret (see README)
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { deployImported, program } from "@genesys-clone/provider";

export = program(async () => {
  const source = new pulumi.Config("genesys-clone").require("source");
  return deployImported(path.resolve(__dirname, source), path.resolve(__dirname, ".."));
});
