#!/usr/bin/env node
// The `genesys-emulator` command. Committed, not built, so that `npm ci` links it into node_modules/.bin
// before `prepare` builds dist/ (npm skips a bin whose file does not exist yet).
"use strict";
const path = require("path");
const main = path.join(__dirname, "..", "dist", "main.js");
try {
  require.resolve(main);
} catch {
  process.stderr.write(
    `genesys-emulator: ${main} is not built yet: run \`npm run build\` in ${path.resolve(__dirname, "..", "..")}.\n`,
  );
  process.exit(1);
}
require(main);
