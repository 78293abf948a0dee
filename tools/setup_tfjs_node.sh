#!/usr/bin/env bash
# Set up .ci/tfjs-node: @tensorflow/tfjs-node (the 'tensorflow' backend) on the same
# tfjs-core as the package's devDependencies, with its native addon built from source.
#
# tfjs-node's own install script downloads libtensorflow, so it is skipped
# (npm ci --ignore-scripts); instead the TensorFlow C library is taken from the
# tensorflow-cpu Python wheel (the version below), staged into tfjs-node's deps/
# folder, and the addon is compiled against it with node-pre-gyp.
#
# usage: tools/setup_tfjs_node.sh
# env:   TF_WHEEL=/path/to/tensorflow_cpu-<version>-*.whl   (default: fetched with pip)
#        TF_VERSION (default 2.21.0)
# needs: node (with its headers installed), npm, python3 (with pip unless TF_WHEEL), make, g++
#
# Idempotent: when the lockfile is already installed and the addon passes the smoke
# test, it changes nothing. Writes only inside .ci/tfjs-node (and a temporary directory).
set -euo pipefail

cd "$(dirname "$0")/.."
DIR=.ci/tfjs-node
TF_VERSION=${TF_VERSION:-2.21.0}
PKG=$DIR/node_modules/@tensorflow/tfjs-node
STAMP=$DIR/node_modules/.setup-tfjs-node.lock-sha256

log() { printf '[setup_tfjs_node] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# --- prerequisites -------------------------------------------------------------
for c in node npm python3 make g++; do
  command -v "$c" >/dev/null || die "'$c' not found (Debian: apt-get install -y nodejs npm python3 make g++)"
done
[ -f "$DIR/package.json" ] && [ -f "$DIR/package-lock.json" ] ||
  die "$DIR/package.json or its package-lock.json is missing"
NODE_PREFIX=$(node -p 'require("path").resolve(process.execPath, "..", "..")')
NODE_HEADERS_OK=0
[ -f "$NODE_PREFIX/include/node/node_api.h" ] && [ -f "$NODE_PREFIX/include/node/common.gypi" ] && NODE_HEADERS_OK=1

# The tfjs-core that .ci/tfjs-node must carry: the one of the package's devDependencies.
WANT_CORE=$(node -p 'require("./package.json").devDependencies["@tensorflow/tfjs-core"]')

# Smoke test: the 'tensorflow' backend loads, runs an op, and sits on the expected tfjs-core.
# TensorFlow's load-time log lines are shown only when it fails.
smoke_test() {
  local out
  if out=$(cd "$DIR" && TF_CPP_MIN_LOG_LEVEL=2 WANT_CORE="$WANT_CORE" node -r ../../tools/node_util_shim.cjs -e '
    const tf = require("@tensorflow/tfjs-node");
    if (tf.getBackend() !== "tensorflow") throw new Error("backend is " + tf.getBackend());
    const s = tf.square(tf.tensor1d([1, -2, 3])).arraySync();
    if (s.join() !== "1,4,9") throw new Error("square gave " + s);
    if (tf.version_core !== process.env.WANT_CORE) {
      throw new Error("tfjs-core " + tf.version_core + ", the package uses " + process.env.WANT_CORE);
    }
    console.log("tfjs-node " + tf.version["tfjs-node"] + ", tfjs-core " + tf.version_core +
                ", libtensorflow " + tf.backend().binding.TF_Version + ": OK");
  ' 2>&1); then
    log "smoke test: ${out##*$'\n'}"
  else
    # the error's first line (e.g. why dlopen failed), else the end of the output
    { printf '%s\n' "$out" | grep -m 2 -E '^[A-Za-z]*Error' || printf '%s\n' "$out" | tail -n 5; } >&2
    return 1
  fi
}

# --- 1. node_modules from the lockfile, without install scripts --------------------
LOCK_SHA=$(sha256sum "$DIR/package-lock.json" | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$LOCK_SHA" ] && [ -f "$PKG/package.json" ]; then
  log "$DIR/node_modules matches package-lock.json"
else
  log "npm ci --ignore-scripts in $DIR"
  (cd "$DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || die "npm ci failed in $DIR"
  [ -f "$PKG/binding.gyp" ] || die "npm ci did not install @tensorflow/tfjs-node"
  echo "$LOCK_SHA" >"$STAMP"
fi

# --- 2. already built and working? -----------------------------------------------------
ADDON=$(cd "$PKG" && node -p 'require("@mapbox/node-pre-gyp").find(require("path").resolve("package.json"))') ||
  die "node-pre-gyp could not compute the addon's path"
ADDON_REL=$DIR/node_modules/@tensorflow/tfjs-node/${ADDON#*/node_modules/@tensorflow/tfjs-node/}
if [ -f "$ADDON" ]; then
  if smoke_test; then
    log "addon already built ($ADDON_REL): nothing to do"
    exit 0
  fi
  log "the addon exists but the smoke test failed: rebuilding it"
fi

[ "$NODE_HEADERS_OK" = 1 ] ||
  die "Node's headers (include/node/node_api.h, common.gypi) are not installed next to node;" \
      "node-gyp would try to download them"

# --- 3. the tensorflow-cpu wheel -----------------------------------------------------
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT
if [ -n "${TF_WHEEL:-}" ]; then
  [ -f "$TF_WHEEL" ] || die "TF_WHEEL does not name a file"
  WHEEL=$TF_WHEEL
else
  log "fetching the tensorflow-cpu==$TF_VERSION wheel with pip (no dependencies)"
  python3 -m pip download -q --no-cache-dir --retries 0 --timeout 5 --no-deps --only-binary=:all: \
      -d "$TMPD/wheel" "tensorflow-cpu==$TF_VERSION" >"$TMPD/pip.log" 2>&1 || {
    tail -n 5 "$TMPD/pip.log" >&2
    die "pip could not get the tensorflow-cpu $TF_VERSION wheel; set TF_WHEEL=/path/to/the/wheel"
  }
  WHEEL=$(ls "$TMPD"/wheel/tensorflow_cpu-*.whl 2>/dev/null | head -n 1)
  [ -n "$WHEEL" ] || die "pip downloaded no tensorflow_cpu wheel"
fi
log "using $(basename "$WHEEL")"

# --- 4. stage libtensorflow into tfjs-node's deps/ ---------------------------------------
# deps/lib: libtensorflow_cc.so.2 and libtensorflow_framework.so.2 (found at run time via
# the addon's RUNPATH $ORIGIN/../../deps/lib), plus the link-time names binding.gyp uses
# (-ltensorflow -ltensorflow_framework). deps/include: the C API headers the binding needs.
# Extracted next to deps/ first, so that a bad wheel leaves the current deps/ alone.
rm -rf "$PKG/deps.new"
extract_failed() { rm -rf "$PKG/deps.new"; die "could not extract libtensorflow from the wheel"; }
python3 - "$WHEEL" "$PKG/deps.new" <<'PY' || extract_failed
import os, shutil, sys, zipfile
whl, deps = sys.argv[1], sys.argv[2]
headers = ('tensorflow/include/tensorflow/c/',
           'tensorflow/include/tensorflow/core/platform/ctstring',
           'tensorflow/include/tsl/platform/ctstring',
           'tensorflow/include/xla/tsl/c/')
libs = ('tensorflow/libtensorflow_cc.so.2', 'tensorflow/libtensorflow_framework.so.2')
found = set()
try:
    z = zipfile.ZipFile(whl)
except (OSError, zipfile.BadZipFile) as e:
    sys.exit(f'not a readable wheel ({e.__class__.__name__}: {e})')
with z:
    for info in z.infolist():
        name = info.filename
        if name in libs:
            dst = os.path.join(deps, 'lib', os.path.basename(name))
            found.add(name)
        elif name.startswith(headers) and not name.endswith('/'):
            dst = os.path.join(deps, 'include', name[len('tensorflow/include/'):])
        else:
            continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with z.open(info) as src, open(dst, 'wb') as out:
            shutil.copyfileobj(src, out, 1 << 20)
        if name in libs:
            os.chmod(dst, 0o755)
missing = [l for l in libs if l not in found]
if missing or not os.path.isfile(os.path.join(deps, 'include/tensorflow/c/c_api.h')):
    sys.exit('the wheel lacks ' + ', '.join(missing or ['tensorflow/c/c_api.h']))
PY
rm -rf "$PKG/deps"
mv "$PKG/deps.new" "$PKG/deps"
ln -sf libtensorflow_cc.so.2        "$PKG/deps/lib/libtensorflow.so"
ln -sf libtensorflow_framework.so.2 "$PKG/deps/lib/libtensorflow_framework.so"
# tfjs-node's scripts/install.js looks for this name: with it, a later `npm rebuild` there
# goes straight to node-pre-gyp instead of downloading libtensorflow.
ln -sf libtensorflow_cc.so.2        "$PKG/deps/lib/libtensorflow.so.2.9.1"

# --- 5. build the addon -------------------------------------------------------------------
log "building the addon from source"
PRE_GYP=$(cd "$PKG" && node -p 'require.resolve("@mapbox/node-pre-gyp/bin/node-pre-gyp")')
# node-pre-gyp looks for node-gyp beside node's own npm; a node from npm's `node` package
# (tools/setup_node_lines.sh) has none there, so point it at the node-gyp of the npm in use.
if [ -z "${npm_config_node_gyp:-}" ]; then
  NPM_DIR=$(dirname "$(readlink -f "$(command -v npm)")")/..
  [ -f "$NPM_DIR/node_modules/node-gyp/bin/node-gyp.js" ] &&
    export npm_config_node_gyp="$NPM_DIR/node_modules/node-gyp/bin/node-gyp.js"
fi
(cd "$PKG" && JOBS=max node "$PRE_GYP" install --build-from-source --nodedir="$NODE_PREFIX" --loglevel=warn) \
    >"$TMPD/build.log" 2>&1 || { tail -n 20 "$TMPD/build.log" >&2; die "building the addon failed"; }
[ -f "$ADDON" ] || die "the build did not produce $ADDON_REL"
rm -rf "$PKG"/build "$PKG"/build-tmp-napi-v*   # intermediate objects; the addon is in lib/
log "built $ADDON_REL"

smoke_test || die "the smoke test failed after building the addon"
