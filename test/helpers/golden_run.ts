/**
 * Runs one golden case (test/fixtures/*_cases.json) through the public op and returns plain
 * data, so the same runner serves jest in Node and the pages in Chromium (bundled for them
 * into `goldenRun`). Comparison happens in test/helpers/golden_check.ts, on the Node side.
 */
import type {Tensor} from '@tensorflow/tfjs-core';
import type {WindowParams} from '../../src';
import {messageOf, pluginOps, type Tf} from './page_tf';

export interface GoldenCase {
  name: string;
  category: string;
  op: 'ExtractGlimpse' | 'ExtractGlimpseV2';
  input_shape: number[];
  input: Array<number | string>;
  size: unknown;
  offsets_shape: number[];
  offsets: unknown;
  attrs: {centered: boolean; normalized: boolean; uniform_noise: boolean; noise: string};
  effective_noise: 'zero' | 'uniform' | 'gaussian' | null;
  note?: string;
  expected: {
    /** 'property': a generated call, checked against other backends and references, not TF. */
    kind: 'exact' | 'noise' | 'error' | 'spec_error' | 'property';
    shape?: number[];
    output?: Array<number | string>;
    inside?: number[];
    output_inside?: Array<number | string | null>;
    uniform_bounds?: Array<[number, number]>;
    gaussian_stats?: Array<Array<[number, number, number, number]>>;
    window_corners?: Array<[number, number] | null>;
    tf_eager_error?: {class: string; message: string};
  };
}

/** The window geometry's parameters of a case (src/window_geometry.ts). */
export function windowParamsOf(c: GoldenCase): WindowParams {
  const [, H, W] = c.input_shape;
  const [h, w] = c.size as number[];
  return {
    version: c.op === 'ExtractGlimpse' ? 1 : 2,
    centered: c.attrs.centered,
    normalized: c.attrs.normalized,
    imageHeight: H,
    imageWidth: W,
    glimpseHeight: h,
    glimpseWidth: w,
  };
}

export interface CaseResult {
  shape?: number[];
  dtype?: string;
  bits?: number[];
  error?: string;
  leaked: number;
}

/** JSON's stand-ins for the non-finite numbers, back to numbers (arrays element by element). */
export function decode(v: unknown): any {
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (Array.isArray(v)) return v.map(decode);
  return v;
}

/** A number as JSON can carry it. */
export function encode(v: number): number | string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

/** The op call a case describes: positional arguments as TF2's API, the rest in options. */
export function callArgs(tf: Tf, c: GoldenCase, seed?: number): unknown[] {
  const input = tf.tensor(decode(c.input), c.input_shape, 'float32');
  const offsets =
    Array.isArray(c.offsets_shape) && c.offsets_shape.length === 2
      ? tf.tensor(decode(c.offsets).flat(), c.offsets_shape, 'float32')
      : decode(c.offsets);
  const options: {version: number; uniformNoise: boolean; seed?: number} = {
    version: c.op === 'ExtractGlimpse' ? 1 : 2,
    uniformNoise: c.attrs.uniform_noise,
  };
  if (seed !== undefined) options.seed = seed;
  return [input, c.size, offsets, c.attrs.centered, c.attrs.normalized, c.attrs.noise, options];
}

/** The op on a case's arguments, any of which may be what the op must refuse. */
export const callOp = (tf: Tf, args: unknown[]): Tensor =>
  (pluginOps(tf).extractGlimpse as (...a: unknown[]) => Tensor)(...args);

function resultOf(out: Tensor, values: ArrayLike<number> & {buffer: ArrayBufferLike; byteOffset: number}) {
  const bits = Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
  return {shape: out.shape, dtype: out.dtype, bits};
}

/** Disposes the case's tensors and counts what the call left behind. */
export function finish<R extends object>(tf: Tf, args: unknown[], before: number, result: R): R & {leaked: number} {
  args.forEach(a => {
    if (a instanceof tf.Tensor) a.dispose();
  });
  return {...result, leaked: tf.memory().numTensors - before};
}

/**
 * Returns {shape, dtype, bits} (the float32 bit patterns, so NaN payloads and -0 survive the
 * trip to Node) or {error}, and how many tensors the call leaked.
 */
export function runCase(tf: Tf, c: GoldenCase, seed?: number): CaseResult {
  const before = tf.memory().numTensors;
  const args = callArgs(tf, c, seed);
  let result: Omit<CaseResult, 'leaked'>;
  try {
    const out = callOp(tf, args);
    result = resultOf(out, out.dataSync() as Float32Array);
    out.dispose();
  } catch (e) {
    result = {error: messageOf(e)};
  }
  return finish(tf, args, before, result);
}

/** The same, reading with `await data()`: webgpu's dataSync is a canvas round trip. */
export async function runCaseAsync(tf: Tf, c: GoldenCase, seed?: number): Promise<CaseResult> {
  const before = tf.memory().numTensors;
  const args = callArgs(tf, c, seed);
  let result: Omit<CaseResult, 'leaked'>;
  try {
    const out = callOp(tf, args);
    result = resultOf(out, (await out.data()) as Float32Array);
    out.dispose();
  } catch (e) {
    result = {error: messageOf(e)};
  }
  return finish(tf, args, before, result);
}
