#!/usr/bin/env bash
# Provides the redis-server that the shared rate budget tests start (each its own, on a free port, no
# persistence), as setup.sh does the Pulumi CLI:
#   1. a redis-server on PATH, else
#   2. Debian/Ubuntu as root (CI, containers): apt-get install redis-server, else
#   3. one line saying how to install it, and exit 1.
# Prints the directory that holds redis-server as its last line.
set -euo pipefail

log() { echo "setup-redis: $*" >&2; }

found() { # the directory of redis-server on PATH (or, after an install, where apt puts it)
  local bin
  bin=$(command -v redis-server 2>/dev/null || true)
  [ -z "$bin" ] && [ "${1:-}" = installed ] && [ -x /usr/bin/redis-server ] && bin=/usr/bin/redis-server
  [ -n "$bin" ] && echo "${bin%/*}"
}

if dir=$(found); then
  echo "$dir"
  exit 0
fi

if [ "${EUID}" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "redis-server is not installed; installing it with apt-get (the shared rate budget tests need it)"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends redis-server >&2 && dir=$(found installed); then
    # Debian starts a system service on install; the tests start their own servers and do not need it.
    echo "$dir"
    exit 0
  fi
  log "FAILED: apt-get install redis-server did not succeed (see above)"
  exit 1
fi

log "FAILED: redis-server is not on PATH and cannot be installed here: install it (sudo apt-get install -y redis-server, brew install redis, or your OS's redis package) and run the tests again."
exit 1
