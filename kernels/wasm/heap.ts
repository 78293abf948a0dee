/**
 * A plugin cannot add C++ to tfjs's .wasm, so the wasm kernels run the cpu implementations
 * in JS over views of the wasm heap. `makeOutput` may grow the heap and detach earlier
 * views: take views only after it.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';

export type HeapValues = Float32Array | Int32Array | Uint8Array;

export function heapView(backend: BackendWasm, info: TensorInfo): HeapValues {
  return backend.typedArrayFromHeap(info) as HeapValues;
}

export function heapFloats(backend: BackendWasm, info: TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(info) as Float32Array;
}
