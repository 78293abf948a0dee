// tfjs-node's backend ('tensorflow') on the caller's own tfjs-core, for the benchmark and the
// examples (the jest suites do the same in their module mapper). tfjs-node lives in
// .ci/tfjs-node (tools/setup_tfjs_node.sh), beside its own copy of the tfjs packages; the
// plugin's dist/ imports '@tensorflow/tfjs-core' from the root node_modules. Two cores would
// mean two op registries and tensor classes, so tfjs-node's own '@tensorflow/tfjs*' imports
// are resolved from the root instead (a Module._resolveFilename hook).
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import Module, {createRequire} from 'node:module';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TFJS_NODE_DIR = path.join(ROOT, '.ci', 'tfjs-node');
const TFJS_NODE = path.join(TFJS_NODE_DIR, 'node_modules', '@tensorflow', 'tfjs-node');
const SETUP = path.join(ROOT, 'tools', 'setup_tfjs_node.sh');
// The packages tfjs-node shares with the root (not tfjs-node itself), with subpaths.
const SHARED = /^@tensorflow\/tfjs(-core|-converter|-backend-cpu|-backend-webgl|-data|-layers)?(\/.*)?$/;

/** Sends tfjs-node's '@tensorflow/tfjs*' requires to the root node_modules; returns the uninstaller. */
function installResolveHook() {
  const inside = fs.realpathSync(path.join(TFJS_NODE_DIR, 'node_modules')) + path.sep;
  const rootParent = new Module(path.join(ROOT, 'index.js'));
  rootParent.filename = rootParent.id;
  rootParent.paths = Module._nodeModulePaths(ROOT);
  const original = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    const fromTfjsNode = parent && parent.filename && parent.filename.startsWith(inside);
    return original.call(this, request, fromTfjsNode && SHARED.test(request) ? rootParent : parent, ...rest);
  };
  return () => {
    Module._resolveFilename = original;
  };
}

/** The tf-core files loaded: exactly one when the hook did its job. */
const loadedCores = () => Object.keys(Module._cache).filter(f => /tfjs-core[\\/]dist[\\/]tf-core\.node\.js$/.test(f));

/**
 * Loads tfjs-node on `tf` (the caller's tfjs-core), running tools/setup_tfjs_node.sh first
 * when it is not installed (saying so through `log`). Returns {ok, note} and, when ok, versions
 * for a run's metadata.
 */
export function loadTfjsNode(tf, {log = (...a) => console.error(...a)} = {}) {
  if (!fs.existsSync(path.join(TFJS_NODE, 'package.json'))) {
    log('tfjs-node is not installed in .ci/tfjs-node: running tools/setup_tfjs_node.sh');
    const r = spawnSync('bash', [SETUP], {cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit']});
    if (r.status !== 0 || !fs.existsSync(path.join(TFJS_NODE, 'package.json'))) {
      return {ok: false, note: `tools/setup_tfjs_node.sh failed (exit ${r.status}): tensorflow skipped`};
    }
  }
  // Read by libtensorflow when it loads: keeps its info lines off the output.
  process.env.TF_CPP_MIN_LOG_LEVEL ??= '2';
  const uninstall = installResolveHook();
  let tfn;
  try {
    const rootRequire = createRequire(path.join(ROOT, 'package.json'));
    rootRequire('./tools/node_util_shim.cjs');
    tfn = rootRequire(TFJS_NODE);
  } catch (e) {
    uninstall();
    return {ok: false, note: `tfjs-node failed to load (${e.message.split('\n')[0]}): tensorflow skipped`};
  }
  const cores = loadedCores();
  if (tfn.engine() !== tf.engine() || cores.length !== 1) {
    return {
      ok: false,
      note: `tfjs-node did not share the caller's tfjs-core (${cores.length} copies): tensorflow skipped`,
    };
  }
  if (tf.getKernel('ExtractGlimpseV2', 'tensorflow') == null) {
    return {ok: false, note: "the plugin registers no 'tensorflow' kernel: tensorflow skipped"};
  }
  const backend = tf.findBackend('tensorflow');
  return {
    ok: true,
    tfjsNode: tfn.version['tfjs-node'],
    libtensorflow: backend && backend.binding ? backend.binding.TF_Version : null,
  };
}
