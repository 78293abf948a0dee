/**
 * What the kernels need of tfjs-node's backend ('tensorflow', also tfjs-node-gpu's): the
 * members below, declared here rather than imported because tfjs-node (a large native
 * package) is no dependency of this one, not even at build time. The tests run these
 * kernels on the real backend.
 */
import type {DataType, TensorInfo} from '@tensorflow/tfjs-core';

type DataId = object;
type Values = Float32Array | Int32Array | Uint8Array;

export interface TensorflowBackend {
  binding: {TF_ATTR_BOOL: number; TF_ATTR_STRING: number};
  /** Runs TensorFlow's op `name` natively. */
  executeSingleOutput(
    name: string,
    opAttrs: Array<{name: string; type: number; value: unknown}>,
    inputs: TensorInfo[],
  ): TensorInfo;
  readSync(dataId: DataId): unknown;
  write(values: Values, shape: number[], dtype: DataType): DataId;
  disposeData(dataId: DataId, force?: boolean): boolean;
}

/** A tensor's values in JS: the array itself while TensorFlow has not taken it, else a copy. */
export function readValues(backend: TensorflowBackend, info: TensorInfo): Float32Array | Int32Array {
  return backend.readSync(info.dataId) as Float32Array | Int32Array;
}

/** A float32 result made from values computed in JS. */
export function fromValues(backend: TensorflowBackend, values: Float32Array, shape: number[]): TensorInfo {
  return {dataId: backend.write(values, shape, 'float32'), shape, dtype: 'float32'};
}
