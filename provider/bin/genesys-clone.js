#!/usr/bin/env node
// The `genesys-clone` command. This launcher is committed (not built) so that `npm ci` links it into
// node_modules/.bin: npm links workspace bins before `prepare` builds dist/, and skips a bin whose file
// does not exist yet, after which `npx genesys-clone` would fetch whatever the registry has of that name.
"use strict";
const path = require("path");
const cli = path.join(__dirname, "..", "dist", "cli.js");
try {
  require.resolve(cli);
} catch {
  process.stderr.write(
    `genesys-clone: ${cli} is not built yet: run \`npm run build\` in ${path.resolve(__dirname, "..", "..")}.\n`,
  );
  process.exit(1);
}
require(cli);
