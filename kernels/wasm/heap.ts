/**
 * A plugin cannot add C++ to tfjs's .wasm, so the wasm kernels run the cpu implementations
 * in JS over views of the wasm heap. `makeOutput` may grow the heap and detach earlier
 * views: take views only after it.
 */
import {engine, type TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import {formatValue} from '../../src/errors';

export type HeapValues = Float32Array | Int32Array | Uint8Array;

export function heapView(backend: BackendWasm, info: TensorInfo): HeapValues {
  return backend.typedArrayFromHeap(info) as HeapValues;
}

export function heapFloats(backend: BackendWasm, info: TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(info) as Float32Array;
}

/**
 * tfjs-wasm's limits, measured with tfjs-wasm 4.22 in Node: outputs of 2 GiB, alone or beside
 * 1 GiB of other tensors, come out right call after call and leave the heap usable; an output
 * of 3 GiB comes out wrong and every later op, this package's and tfjs's own, fails with
 * "memory access out of bounds". So a kernel's output may take at most MAX_WASM_OUTPUT_BYTES,
 * and the heap's tensors with it at most MAX_WASM_HEAP_BYTES (docs/semantics.md, "Validation").
 */
export const MAX_WASM_OUTPUT_BYTES = 2 ** 31;
/** See MAX_WASM_OUTPUT_BYTES. */
export const MAX_WASM_HEAP_BYTES = 3 * 2 ** 30;

/**
 * A kernel's output on the wasm heap, written by `write`: refused with an error naming the op
 * before any allocation past tfjs-wasm's limits (MAX_WASM_OUTPUT_BYTES), and freed again if
 * `write` throws, so that no data id is left behind.
 */
export function writeOutput(
  backend: BackendWasm,
  shape: readonly number[],
  opName: string,
  write: (out: TensorInfo) => void,
): TensorInfo {
  const bytes = 4 * shape.reduce((a, b) => a * b, 1);
  if (bytes > MAX_WASM_OUTPUT_BYTES) {
    throw new Error(
      `${opName}: the output of shape ${formatValue(shape)} would take ${bytes} bytes, more than the ` +
        `${MAX_WASM_OUTPUT_BYTES} tfjs-wasm's heap holds safely in one tensor; use a smaller size or batch, ` +
        'or another backend',
    );
  }
  const inUse = engine().memory().numBytes;
  if (bytes + inUse > MAX_WASM_HEAP_BYTES) {
    throw new Error(
      `${opName}: the output of shape ${formatValue(shape)} (${bytes} bytes) beside the ${inUse} bytes of ` +
        `tensors already held would take tfjs-wasm's heap past the ${MAX_WASM_HEAP_BYTES} bytes it holds safely; ` +
        'dispose tensors, use a smaller size or batch, or another backend',
    );
  }
  const out = backend.makeOutput(shape as number[], 'float32');
  try {
    if (bytes > 0) write(out);
    return out;
  } catch (e) {
    backend.disposeData(out.dataId);
    throw e;
  }
}
