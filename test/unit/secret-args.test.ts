import assert from "node:assert/strict";
import { test } from "node:test";
import { secretOnCommandLine } from "@genesys-clone/scripts/dist/lib/secret-args";

// `npm run pulumi` refuses a secret value on the command line: npm echoes it, the shell keeps it.
const CASES: { args: string[]; want: string | undefined }[] = [
  {
    args: ["config", "set", "--secret", "genesyscloud:oauthClientSecret", "s3cret"],
    want: "genesyscloud:oauthClientSecret",
  },
  {
    args: ["config", "set", "genesyscloud:oauthClientSecret", "s3cret", "--secret", "--stack", "eu"],
    want: "genesyscloud:oauthClientSecret",
  },
  { args: ["config", "set", "--stack", "eu", "--secret", "k", "v"], want: "k" },
  { args: ["config", "set-all", "--secret", "k=v"], want: "k" },
  { args: ["config", "set", "--secret", "genesyscloud:oauthClientSecret"], want: undefined },
  { args: ["config", "set", "--secret", "genesyscloud:oauthClientSecret", "--stack", "eu"], want: undefined },
  { args: ["config", "set", "genesyscloud:region", "eu-west-1"], want: undefined },
  { args: ["config", "set", "--plaintext", "genesyscloud:region", "eu-west-1"], want: undefined },
  { args: ["up", "--stack", "eu", "--yes"], want: undefined },
];

test("secretOnCommandLine: finds a secret value given as an argument, and nothing else", () => {
  for (const c of CASES) assert.equal(secretOnCommandLine(c.args), c.want, c.args.join(" "));
});
