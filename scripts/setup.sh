#!/usr/bin/env bash
# Installs the Pulumi CLI this project runs with, offline-friendly:
#   1. a `pulumi` already on PATH (v3.139 or newer, the first with dynamic-provider `configure`), else
#   2. a cached build in $GENESYS_CLONE_CACHE (default ~/.cache/genesys-clone), else
#   3. a build from Go modules: the CLI at v3.248.0 (pinned go.sum in scripts/pulumi-cli) and our
#      Node.js language host (scripts/pulumi-cli/langhost), with pulumi-resource-pulumi-nodejs beside them.
# Prints the directory that holds the CLI as its last line.
set -euo pipefail

PULUMI_VERSION=3.248.0
MIN_VERSION=3.139.0
here=$(cd "$(dirname "$0")" && pwd)
cache_root=${GENESYS_CLONE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/genesys-clone}

log() { echo "setup: $*" >&2; }

version_ge() { # version_ge A B: true when A >= B
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

if [ -z "${GENESYS_CLONE_BUILD_PULUMI:-}" ] && command -v pulumi >/dev/null 2>&1; then
  found=$(pulumi version 2>/dev/null | sed 's/^v//') || found=""
  if [ -n "$found" ] && version_ge "$found" "$MIN_VERSION"; then
    dir=$(dirname "$(command -v pulumi)")
    if [ -x "$dir/pulumi-language-nodejs" ] || command -v pulumi-language-nodejs >/dev/null 2>&1; then
      log "using pulumi v$found from PATH ($dir)"
      echo "$dir"
      exit 0
    fi
    log "pulumi v$found on PATH has no pulumi-language-nodejs beside it; building our own"
  elif [ -n "$found" ]; then
    log "pulumi v$found on PATH is older than v$MIN_VERSION; building v$PULUMI_VERSION"
  fi
fi

# The stamp covers everything that goes into the build, so a change to the pins or the host rebuilds.
stamp=$(cat "$here/pulumi-cli/go.mod" "$here/pulumi-cli/go.sum" "$here/pulumi-cli/langhost/main.go" | sha256sum | cut -c1-16)
bin="$cache_root/pulumi-v$PULUMI_VERSION-$stamp/bin"
if [ -x "$bin/pulumi" ] && [ -x "$bin/pulumi-language-nodejs" ] && [ -x "$bin/pulumi-resource-pulumi-nodejs" ]; then
  log "using cached pulumi v$PULUMI_VERSION ($bin)"
  echo "$bin"
  exit 0
fi

fail() {
  cat >&2 <<MSG
setup: FAILED: $1
setup: The Pulumi CLI could not be built from Go modules (needs Go 1.25.11+ and the Go module proxy).
setup: Install it by hand instead: put pulumi v$MIN_VERSION or newer (with pulumi-language-nodejs and
setup: pulumi-resource-pulumi-nodejs beside it) on PATH, e.g. from https://www.pulumi.com/docs/install/,
setup: then run \`npm run setup\` again.
MSG
  exit 1
}

command -v go >/dev/null 2>&1 || fail "go is not on PATH"
log "building pulumi v$PULUMI_VERSION and the Node.js language host into $bin (first run only; a few minutes)"
tmp="$bin.tmp.$$"
rm -rf "$tmp" && mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
export CGO_ENABLED=0 GOFLAGS=-mod=readonly GOTOOLCHAIN=${GOTOOLCHAIN:-auto}
ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION"
(cd "$here/pulumi-cli" &&
  go build -trimpath -tags osusergo -ldflags "$ldflags" -o "$tmp/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi) \
  >"$tmp/build.log" 2>&1 || { tail -n 30 "$tmp/build.log" >&2; fail "go build of github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"; }
(cd "$here/pulumi-cli" &&
  go build -trimpath -ldflags "-s -w -X main.version=$PULUMI_VERSION" -o "$tmp/pulumi-language-nodejs" ./langhost) \
  >"$tmp/build.log" 2>&1 || { tail -n 30 "$tmp/build.log" >&2; fail "go build of the Node.js language host (scripts/pulumi-cli/langhost)"; }
sdk_dir=$(cd "$here/pulumi-cli" && go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3) ||
  fail "locating github.com/pulumi/pulumi/sdk/v3 in the module cache"
install -m 0755 "$sdk_dir/nodejs/dist/pulumi-resource-pulumi-nodejs" "$tmp/pulumi-resource-pulumi-nodejs"
got=$("$tmp/pulumi" version) || fail "the built pulumi does not run"
[ "$got" = "v$PULUMI_VERSION" ] || fail "the built pulumi reports $got, expected v$PULUMI_VERSION"
rm -f "$tmp/build.log"
rm -rf "$bin" && mkdir -p "$(dirname "$bin")" && mv "$tmp" "$bin"
trap - EXIT
log "built pulumi v$PULUMI_VERSION ($bin)"
echo "$bin"
