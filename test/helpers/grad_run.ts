/**
 * Gradient runs of golden cases, for jest in Node and for pages in Chromium (bundled for them
 * into `gradRun`).
 */
import type {Tensor} from '@tensorflow/tfjs-core';
import {callArgs, callOp, finish, type GoldenCase} from './golden_run';
import {messageOf, type Tf} from './page_tf';

export interface GradResult {
  shape?: number[];
  dtype?: string;
  bits?: number[];
  offsetsGrad?: number[];
  offsetsGradShape?: number[];
  error?: string;
  leaked: number;
}

const bitsOf = (values: Float32Array) => Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));

function gradSetup(tf: Tf, c: GoldenCase) {
  const args = callArgs(tf, c, 5);
  const [input, size, offsets] = args as [Tensor, [number, number], Tensor];
  const outShape = [c.input_shape[0], size[0], size[1], c.input_shape[3]];
  const count = outShape.reduce((a, b) => a * b, 1);
  const dy = tf.tensor(
    Array.from({length: count}, (_, k) => k + 1),
    outShape,
    'float32',
  );
  const f = (x: Tensor, o: Tensor) => callOp(tf, [x, size, o, ...args.slice(3)]);
  return {args, input, offsets, dy, f};
}

/**
 * d input and d offsets of the case's glimpse for an upstream gradient dy[k] = k + 1, through
 * tf.grads; returns plain data ({error} for cases that throw).
 */
export function runGradCase(tf: Tf, c: GoldenCase): GradResult {
  const before = tf.memory().numTensors;
  const s = gradSetup(tf, c);
  let result: Omit<GradResult, 'leaked'>;
  try {
    const [dx, dOffsets] = tf.grads(s.f)([s.input, s.offsets], s.dy);
    result = {
      shape: dx.shape,
      dtype: dx.dtype,
      bits: bitsOf(dx.dataSync() as Float32Array),
      offsetsGrad: Array.from(dOffsets.dataSync()),
      offsetsGradShape: dOffsets.shape,
    };
    tf.dispose([dx, dOffsets]);
  } catch (e) {
    result = {error: messageOf(e)};
  }
  s.dy.dispose();
  return finish(tf, s.args, before, result);
}

/** The same through tf.valueAndGrads, read with `await data()` (for GPU pages). */
export async function runGradCaseAsync(tf: Tf, c: GoldenCase): Promise<GradResult> {
  const before = tf.memory().numTensors;
  const s = gradSetup(tf, c);
  let result: Omit<GradResult, 'leaked'>;
  try {
    const {value, grads} = tf.valueAndGrads(s.f)([s.input, s.offsets], s.dy);
    const [dx, dOffsets] = grads;
    result = {
      shape: dx.shape,
      dtype: dx.dtype,
      bits: bitsOf((await dx.data()) as Float32Array),
      offsetsGrad: Array.from(await dOffsets.data()),
      offsetsGradShape: dOffsets.shape,
    };
    tf.dispose([value, dx, dOffsets]);
  } catch (e) {
    result = {error: messageOf(e)};
  }
  s.dy.dispose();
  return finish(tf, s.args, before, result);
}
