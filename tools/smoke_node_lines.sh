#!/usr/bin/env bash
# Smoke test of the packed package on each supported Node line: one app with the tarball,
# tfjs-core, the cpu backend and the converter (at the devDependencies' versions), then on
# Node 22, 24 and 26 (tools/setup_node_lines.sh): the main entry from CommonJS and ESM gives a
# hand-worked glimpse, and so does the converter entry, which loads the converter.
#
# usage: tools/smoke_node_lines.sh [RESULT_JSON]   (writes {"passed": N, "failed": N} there)
# Expects a built dist/ (npm run build).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
RESULT=${1:-}
log() { printf '[smoke_node_lines] %s\n' "$*" >&2; }

APP=$(mktemp -d)
trap 'rm -rf "$APP"' EXIT
TARBALL=$(npm pack --silent --pack-destination "$APP" 2>/dev/null | tail -n 1)
PACKAGES=$(node -p "['core', 'backend-cpu', 'converter'].map(p => '@tensorflow/tfjs-' + p + '@' +
  require('./package.json').devDependencies['@tensorflow/tfjs-' + p]).join(' ')")
# shellcheck disable=SC2086
(cd "$APP" && npm init -y >/dev/null && npm install --no-audit --no-fund --prefer-offline --loglevel=error \
  "./$TARBALL" $PACKAGES >&2) || {
  log "ERROR: could not install the packed package into a fresh app"
  [ -n "$RESULT" ] && echo '{"passed": 0, "failed": 1}' >"$RESULT"
  exit 1
}

# A 1x2x2x1 image [[1, 2], [3, 4]]: a 1x1 window at the top-left pixel (offsets (0, 0), not
# centered, not normalized) is 1; a 2x2 window centered at (0, 0) is the image itself.
cat >"$APP/check.cjs" <<'JS'
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const {extractGlimpse} = require('tfjs-extract-glimpse');
tf.setBackend('cpu').then(() => {
  const image = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
  const corner = extractGlimpse(image, [1, 1], [[0, 0]], false, false, 'zero').dataSync();
  const whole = extractGlimpse(image, [2, 2], [[0, 0]], true, true, 'zero').dataSync();
  if (corner.join() !== '1' || whole.join() !== '1,2,3,4') throw new Error(`got ${corner} and ${whole}`);
  console.log('cjs ok');
});
JS
cat >"$APP/check.mjs" <<'JS'
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {extractGlimpse} from 'tfjs-extract-glimpse/converter';
await tf.setBackend('cpu');
const out = extractGlimpse(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]), [2, 2], [[0, 0]], true, true, 'zero');
if (out.dataSync().join() !== '1,2,3,4') throw new Error(`got ${out.dataSync()}`);
console.log('esm ok');
JS

passed=0
failed=0
for line in 22 24 26; do
  bin=$(bash "$ROOT/tools/setup_node_lines.sh" "$line") || { failed=$((failed + 1)); continue; }
  for check in check.cjs check.mjs; do
    if out=$(cd "$APP" && "$bin/node" "$check" 2>&1); then
      log "Node $("$bin/node" --version) $check: ${out##*$'\n'}"
      passed=$((passed + 1))
    else
      log "FAIL: Node $("$bin/node" --version) $check:"
      printf '%s\n' "$out" | head -n 12 >&2
      failed=$((failed + 1))
    fi
  done
done
echo "smoke: $passed passed, $failed failed" >&2
[ -n "$RESULT" ] && echo "{\"passed\": $passed, \"failed\": $failed}" >"$RESULT"
[ "$failed" -eq 0 ]
