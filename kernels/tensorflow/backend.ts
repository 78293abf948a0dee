/**
 * What the kernels need of tfjs-node's backend ('tensorflow', also tfjs-node-gpu's): the
 * members below, declared here rather than imported because tfjs-node (a large native
 * package) is no dependency of this one, not even at build time. The tests run these
 * kernels on the real backend.
 */
import type {DataType, TensorInfo} from '@tensorflow/tfjs-core';

type DataId = object;
type Values = Float32Array | Int32Array | Uint8Array;

/** An attribute of a TensorFlow op, as tfjs-node's binding takes it. */
export interface OpAttr {
  name: string;
  type: number;
  value: unknown;
}

export interface TensorflowBackend {
  binding: {
    TF_ATTR_BOOL: number;
    TF_ATTR_STRING: number;
    TF_ATTR_INT: number;
    TF_ATTR_TYPE: number;
    TF_FLOAT: number;
    TF_INT32: number;
    TF_BOOL: number;
  };
  /** Runs TensorFlow's op `name` natively; the result is a tfjs tensor (tidy disposes it). */
  executeSingleOutput(name: string, opAttrs: OpAttr[], inputs: TensorInfo[]): TensorInfo;
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
