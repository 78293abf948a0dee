/**
 * Runs the hostile cases (test/helpers/hostile_cases.ts, from the page helpers' bundle) of one
 * backend in a process of its own, from case `start` on, for test/helpers/hostile_isolated.ts:
 * one JSON line per case on stdout, written before the next case starts, so that a crash or a
 * hang loses only the case it happened in. tfjs resolves as in jest.config.js: the root's, or
 * the oldest (.ci/tfjs-min) with TFJS_VERSION_UNDER_TEST=min, and tfjs-node from .ci/tfjs-node.
 *
 * usage: node hostile_child.cjs BACKEND START
 */
const fs = require('fs');
const Module = require('module');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const [backend, start] = [process.argv[2], Number(process.argv[3] || 0)];
const MODULES = path.join(
  ROOT,
  ...(process.env.TFJS_VERSION_UNDER_TEST === 'min' ? ['.ci', 'tfjs-min'] : []),
  'node_modules',
);
const TFJS_NODE = path.join(ROOT, '.ci', 'tfjs-node', 'node_modules', '@tensorflow', 'tfjs-node');

// One tfjs for the plugin, the backends and tfjs-node alike (jest's moduleNameMapper does the same).
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const shared = /^@tensorflow\/(tfjs|tfjs-[a-z-]+)$/.exec(request);
  const mapped =
    request === '@tensorflow/tfjs-node' ? TFJS_NODE : shared ? path.join(MODULES, '@tensorflow', shared[1]) : request;
  return resolve.call(this, mapped, ...rest);
};

const line = value => fs.writeSync(1, `${JSON.stringify(value)}\n`);

async function main() {
  process.env.TF_CPP_MIN_LOG_LEVEL = process.env.TF_CPP_MIN_LOG_LEVEL || '2';
  const tf = require('@tensorflow/tfjs-core');
  tf.env().set('IS_TEST', true);
  require('@tensorflow/tfjs');
  require('@tensorflow/tfjs-backend-wasm');
  if (backend === 'tensorflow') {
    require(path.join(ROOT, 'tools', 'node_util_shim.cjs'));
    require('@tensorflow/tfjs-node');
  }
  const glimpse = require(path.join(ROOT, 'dist', 'converter.cjs'));
  require(path.join(ROOT, 'test', 'browser', 'pages', 'built', 'page_helpers.js'));
  if (!(await tf.setBackend(backend)) || tf.getBackend() !== backend) throw new Error(`no backend ${backend}`);
  if (backend === 'wasm') {
    // The path under test (test/helpers/backends.ts, WASM_PATH).
    const want = process.env.GLIMPSE_WASM_PATH ?? 'auto';
    glimpse.setWasmKernelPath(want);
    const took = await glimpse.wasmKernelPath();
    if (took !== (want === 'auto' ? 'simd' : want)) throw new Error(`the wasm kernels run on ${took}, not ${want}`);
  }
  const {casesFor, runOne} = globalThis.hostileCases;
  const cases = casesFor(backend);
  for (let index = start; index < cases.length; index++) {
    line({index, name: cases[index].name, result: await runOne(tf, cases[index])});
  }
  line({done: cases.length});
}

main().catch(e => {
  fs.writeSync(2, `${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
