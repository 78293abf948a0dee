/**
 * Which kernels the wasm backend runs (docs/semantics.md, "The wasm backend's kernels"):
 * compiled WebAssembly (kernels/wasm/assembly) in the backend's own memory, or the JS kernels
 * where the backend's build does not expose what the compiled ones need. Every path gives the
 * same bits.
 */
import {findBackend} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import {
  prepareKernels,
  setWasmKernelPath,
  type WasmKernelChoice,
  type WasmKernelPath,
} from '../kernels/wasm/compiled_module';

export {setWasmKernelPath};
export type {WasmKernelChoice, WasmKernelPath};

/**
 * Resolves with the path the wasm backend's glimpse kernels take: `simd`, `scalar`, `shared`
 * (tfjs-wasm's threaded build) or `js`, once the compiled kernels are ready. Browsers compile
 * them in the background, and the calls made before that run the JS kernels; await this
 * after `tf.setBackend('wasm')` to have every call compiled.
 */
export async function wasmKernelPath(): Promise<WasmKernelPath> {
  const backend = findBackend('wasm');
  if (!backend) {
    throw new Error("wasmKernelPath: the 'wasm' backend has not started; await tf.setBackend('wasm') first");
  }
  return prepareKernels(backend as BackendWasm);
}
