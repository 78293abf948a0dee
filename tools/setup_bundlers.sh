#!/usr/bin/env bash
# Set up .ci/bundlers: the bundlers test/bundlers.test.ts builds its apps with (Vite 8 and 5,
# webpack 5, esbuild, Parcel 2, Rollup 4), at the versions its lockfile pins, from the npm
# registry. Kept out of the root install so that `npm install` stays light.
#
# usage: tools/setup_bundlers.sh
# Idempotent: when the lockfile is already installed, it changes nothing.
set -euo pipefail

cd "$(dirname "$0")/.."
DIR=.ci/bundlers
STAMP=$DIR/node_modules/.setup-bundlers.lock-sha256

log() { printf '[setup_bundlers] %s\n' "$*" >&2; }

LOCK_SHA=$(sha256sum "$DIR/package-lock.json" | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$LOCK_SHA" ]; then
  exit 0
fi
log "npm ci in $DIR"
rm -f "$STAMP"
(cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error) || { log "ERROR: npm ci failed in $DIR"; exit 1; }
echo "$LOCK_SHA" >"$STAMP"
