#!/usr/bin/env bash
# `npm run pulumi -- <args>` without a prior build: compile the scripts if needed, then run the wrapper.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$root/scripts/dist/pulumi.js" ] || (cd "$root" && npx tsc -b scripts)
exec node "$root/scripts/dist/pulumi.js" "$@"
