/**
 * One test body per backend available in Node, in the spirit of tfjs's describeWithFlags:
 * the backend is selected and IS_TEST (the engine's per-kernel leak check) turned on
 * before the body's tests run. 'tensorflow' is tfjs-node's backend (see jest.config.js);
 * runs against the oldest tfjs leave it out, since tfjs-node is tested at one version.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core alone registers no gradient; the @tensorflow/tfjs bundle most apps use does.
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
// The models entry: the main one's registrations and the converter ops (converted-model suites).
import '../../src/converter';
import {setWasmKernelPath, wasmKernelPath, type WasmKernelChoice} from '../../src/index';

/**
 * The wasm kernels' path under test: GLIMPSE_WASM_PATH (simd, scalar or js; .ci/run runs the
 * wasm suites on each), else `auto`, which in Node must be the compiled SIMD one.
 */
export const WASM_PATH = (process.env.GLIMPSE_WASM_PATH ?? 'auto') as WasmKernelChoice;

/** A run of the wasm suites with their kernels forced onto one path (jest.config.js): wasm alone. */
const wasmOnly = !['', 'auto', undefined].includes(process.env.GLIMPSE_WASM_PATH);
const withTensorflow = process.env.TFJS_VERSION_UNDER_TEST !== 'min' && !wasmOnly;

if (withTensorflow) {
  // tfjs-node on Node 23 and later needs two util functions Node removed.
  require('../../tools/node_util_shim.cjs');
  try {
    require('@tensorflow/tfjs-node');
  } catch (e) {
    throw new Error(
      `tfjs-node could not be loaded (${(e as Error).message.split('\n')[0]}); ` +
        'set it up with tools/setup_tfjs_node.sh (npm test runs it)',
    );
  }
}

const ALL_NODE_BACKENDS = withTensorflow ? ['cpu', 'wasm', 'tensorflow'] : ['cpu', 'wasm'];
export const NODE_BACKENDS: readonly string[] = wasmOnly ? ['wasm'] : ALL_NODE_BACKENDS;

export function describeEachBackend(title: string, body: (backend: string) => void): void {
  for (const backend of NODE_BACKENDS) {
    describe(`${title} [${backend}]`, () => {
      beforeAll(async () => {
        tf.env().set('IS_TEST', true);
        // A backend that fails to start must fail the suite, not fall back to another one.
        if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') failed`);
        await tf.ready();
        if (tf.getBackend() !== backend) throw new Error(`running on ${tf.getBackend()}, not ${backend}`);
        if (backend === 'wasm') await useWasmPath();
      });
      body(backend);
    });
  }
}

/** Puts the wasm kernels on WASM_PATH, and fails unless they took it. */
export async function useWasmPath(): Promise<void> {
  setWasmKernelPath(WASM_PATH);
  const want = WASM_PATH === 'auto' ? 'simd' : WASM_PATH;
  const path = await wasmKernelPath();
  if (path !== want) throw new Error(`the wasm kernels run on the ${path} path, not ${want}`);
}

/** Fails the test if `fn` leaves any tensor or byte behind but the float32 tensor it returns. */
export function expectNoLeak<T extends tf.Tensor>(fn: () => T): T {
  const before = tf.memory();
  const out = fn();
  const after = tf.memory();
  expect(after.numTensors).toBe(before.numTensors + 1);
  expect(after.numBytes).toBe(before.numBytes + out.size * 4);
  return out;
}

/** `fn` on the cpu backend, where the references are computed; the backend in use is restored, even if `fn` throws. */
export async function onCpuBackend<T>(fn: () => T): Promise<T> {
  const backend = tf.getBackend();
  await tf.setBackend('cpu');
  try {
    return fn();
  } finally {
    await tf.setBackend(backend);
  }
}

export {tf};
