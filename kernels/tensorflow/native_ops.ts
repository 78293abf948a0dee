/**
 * TensorFlow's own ops, each one eager op through tfjs-node's binding, without tfjs's kernels
 * in between (they would add shape tensors, index checks that read the indices into JS, and
 * engine bookkeeping). Every result is a tfjs tensor: run them inside `tidy`.
 */
import {tensor, type Tensor, type TensorInfo} from '@tensorflow/tfjs-core';
import type {OpAttr, TensorflowBackend} from './backend';
import {glimpseOpAttrs} from './native_glimpse';

type Dtype = 'float32' | 'int32' | 'bool';

export class NativeOps {
  constructor(private readonly backend: TensorflowBackend) {}

  private typeAttr(name: string, dtype: string): OpAttr {
    const b = this.backend.binding;
    const value = dtype === 'int32' ? b.TF_INT32 : dtype === 'bool' ? b.TF_BOOL : b.TF_FLOAT;
    return {name, type: b.TF_ATTR_TYPE, value};
  }

  private intAttr(name: string, value: number | number[]): OpAttr {
    return {name, type: this.backend.binding.TF_ATTR_INT, value};
  }

  private run(name: string, attrs: OpAttr[], inputs: TensorInfo[]): Tensor {
    return this.backend.executeSingleOutput(name, attrs, inputs) as Tensor;
  }

  /** A constant from values computed in JS (small: indices, flags, weights). */
  constant(values: Float32Array | Int32Array | Uint8Array, shape: number[], dtype: Dtype): Tensor {
    return tensor(values, shape, dtype);
  }

  private ints = (values: number[]) => this.constant(Int32Array.from(values), [values.length], 'int32');
  private scalar = (value: number) => this.constant(Int32Array.of(value), [], 'int32');

  add(a: TensorInfo, b: TensorInfo): Tensor {
    return this.run('AddV2', [this.typeAttr('T', a.dtype)], [a, b]);
  }

  mul(a: TensorInfo, b: TensorInfo): Tensor {
    return this.run('Mul', [this.typeAttr('T', a.dtype)], [a, b]);
  }

  addN(xs: TensorInfo[]): Tensor {
    if (xs.length === 1) return xs[0] as Tensor;
    return this.run('AddN', [this.intAttr('N', xs.length), this.typeAttr('T', xs[0].dtype)], xs);
  }

  logicalAnd(a: TensorInfo, b: TensorInfo): Tensor {
    return this.run('LogicalAnd', [], [a, b]);
  }

  /** `condition ? a : b`, broadcasting. */
  select(condition: TensorInfo, a: TensorInfo, b: TensorInfo): Tensor {
    return this.run('SelectV2', [this.typeAttr('T', a.dtype)], [condition, a, b]);
  }

  /** Rows `indices` of `params` (axis 0). */
  gather(params: TensorInfo, indices: TensorInfo): Tensor {
    const attrs = [
      this.intAttr('batch_dims', 0),
      this.typeAttr('Tparams', params.dtype),
      this.typeAttr('Tindices', 'int32'),
      this.typeAttr('Taxis', 'int32'),
    ];
    return this.run('GatherV2', attrs, [params, indices, this.scalar(0)]);
  }

  reshape(x: TensorInfo, shape: number[]): Tensor {
    return this.run('Reshape', [this.typeAttr('T', x.dtype), this.typeAttr('Tshape', 'int32')], [x, this.ints(shape)]);
  }

  slice(x: TensorInfo, begin: number[], size: number[]): Tensor {
    const attrs = [this.typeAttr('T', x.dtype), this.typeAttr('Index', 'int32')];
    return this.run('Slice', attrs, [x, this.ints(begin), this.ints(size)]);
  }

  /** Stacks `xs` along a new axis. */
  pack(xs: TensorInfo[], axis: number): Tensor {
    const attrs = [this.intAttr('N', xs.length), this.typeAttr('T', xs[0].dtype), this.intAttr('axis', axis)];
    return this.run('Pack', attrs, xs);
  }

  private poolAttrs(side: number): OpAttr[] {
    const {TF_ATTR_STRING} = this.backend.binding;
    return [
      this.intAttr('ksize', [1, side, side, 1]),
      this.intAttr('strides', [1, side, side, 1]),
      {name: 'padding', type: TF_ATTR_STRING, value: 'VALID'},
      {name: 'data_format', type: TF_ATTR_STRING, value: 'NHWC'},
      this.typeAttr('T', 'float32'),
    ];
  }

  /** Means of `side x side` blocks of NHWC `x`. */
  avgPool(x: TensorInfo, side: number): Tensor {
    return this.run('AvgPool', this.poolAttrs(side), [x]);
  }

  /**
   * TensorFlow's ExtractGlimpseV2 with zero noise, windows of `size` whose top-left corners are
   * `corners` `[B, 2]` (pixels, whole numbers): its row copies, 0 outside the image.
   */
  windowsAt(images: TensorInfo, size: [number, number], corners: TensorInfo): Tensor {
    const attrs = glimpseOpAttrs(this.backend, false, false, 'zero');
    return this.run('ExtractGlimpseV2', attrs, [images, this.ints(size), corners]);
  }
}
