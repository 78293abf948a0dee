/**
 * Cross-backend comparison of one generated call: the reference result (cpu, itself checked
 * against TensorFlow) and another backend's, with the same seed. Copies and zero noise: bit
 * for bit. Every noise value lies in its bounds; where the backend draws the cpu's bits
 * (`sameBits`: wasm, WebGL2, webgpu), uniform noise is bit for bit too, and gaussian noise
 * within GAUSSIAN_TOLERANCE of the channel's range (GPUs take float32 sqrt, log and cos).
 */
import {windowCorner} from '../../src';
import type {CaseResult, GoldenCase} from './golden_run';
import {decode, windowParamsOf} from './golden_run';
import {fromBits} from './golden_check';
import {sourcesAtCorners} from './window_sources';

/** Per output position k, the flat image index it is copied from, or -1 where it is noise. */
export function sourcePixels(c: GoldenCase): Int32Array {
  const params = windowParamsOf(c);
  const corners = (decode(c.offsets) as number[][]).map(([y, x]) => {
    const corner = windowCorner(y, x, params);
    return corner ? ([corner.y, corner.x] as const) : null;
  });
  return sourcesAtCorners(corners, c.input_shape, c.size as number[]);
}

/** 1 where output position k is copied from the image, 0 where it is noise. */
export function insideMask(c: GoldenCase): Uint8Array {
  return Uint8Array.from(sourcePixels(c), p => +(p >= 0));
}

/**
 * What differs from the image itself: each copied position holds its pixel's bits, and zero
 * noise is +0 (the geometry of src/window_geometry.ts, which the golden suites check against
 * TensorFlow's corners).
 */
export function checkCopies(c: GoldenCase, r: CaseResult): string[] {
  if (r.error !== undefined) return [`${c.name}: threw ${r.error}`];
  const image = new Float32Array(decode(c.input) as number[]);
  const pixelBits = new Uint32Array(image.buffer);
  const source = sourcePixels(c);
  for (let k = 0; k < source.length; k++) {
    const want = source[k] >= 0 ? pixelBits[source[k]] : c.effective_noise === 'zero' ? 0 : undefined;
    if (want !== undefined && r.bits![k] !== want) {
      return [`${c.name}: at flat ${k} got ${fromBits(r.bits![k])}, want ${fromBits(want)} (offsets ${c.offsets})`];
    }
  }
  return [];
}

function bounds(c: GoldenCase, k: number): [number, number] {
  const [, H, W, C] = c.input_shape;
  const [h, w] = c.size as number[];
  const b = Math.floor(k / (h * w * C));
  const image = (decode(c.input) as number[]).slice(b * H * W * C, (b + 1) * H * W * C);
  const values = c.effective_noise === 'gaussian' ? image.filter((_, i) => i % C === k % C) : image;
  return [Math.min(...values), Math.max(...values)];
}

/**
 * The largest gaussian difference from the cpu allowed on a backend with the same bits, per
 * unit of the channel's range. GPU APIs leave the accuracy of float32 log and cos loose
 * (GLSL ES allows log an absolute error of 2^-21 near 1, which sqrt then magnifies);
 * SwiftShader's WebGL2 and WebGPU differ from the cpu by at most 1.1e-4 of the range over
 * the property calls.
 */
export const GAUSSIAN_TOLERANCE = 1e-3;

export function compareBackends(c: GoldenCase, reference: CaseResult, other: CaseResult, sameBits = false): string[] {
  if (other.error !== undefined || reference.error !== undefined) {
    return other.error === reference.error
      ? []
      : [`${c.name}: reference ${reference.error ?? 'ok'}, other ${other.error ?? 'ok'}`];
  }
  if (JSON.stringify(other.shape) !== JSON.stringify(reference.shape)) {
    return [`${c.name}: shape ${JSON.stringify(other.shape)} vs ${JSON.stringify(reference.shape)}`];
  }
  const mask = insideMask(c);
  const ref = reference.bits!;
  const got = other.bits!;
  for (let k = 0; k < ref.length; k++) {
    if (mask[k] === 1 || c.effective_noise === 'zero') {
      if (ref[k] !== got[k]) {
        return [
          `${c.name}: at flat ${k} (${mask[k] ? 'copied' : 'zero noise'}) got ${fromBits(got[k])}, ` +
            `reference ${fromBits(ref[k])}; offsets ${JSON.stringify(c.offsets)}`,
        ];
      }
    } else {
      const [lo, hi] = bounds(c, k);
      const v = fromBits(got[k]);
      if (!(v >= lo && v <= hi)) return [`${c.name}: noise at flat ${k} is ${v}, outside [${lo}, ${hi}]`];
      if (!sameBits || !Number.isFinite(hi - lo)) continue;
      if (c.effective_noise === 'uniform' && ref[k] !== got[k]) {
        return [`${c.name}: uniform noise at flat ${k} is ${v}, the cpu's ${fromBits(ref[k])}`];
      }
      const ratio = hi > lo ? Math.abs(v - fromBits(ref[k])) / (hi - lo) : 0;
      if (ratio > GAUSSIAN_TOLERANCE) {
        return [
          `${c.name}: gaussian noise at flat ${k} is ${v}, the cpu's ${fromBits(ref[k])}: ` +
            `${ratio} of the range [${lo}, ${hi}] apart, more than ${GAUSSIAN_TOLERANCE}`,
        ];
      }
    }
  }
  return other.leaked === 0 ? [] : [`${c.name}: ${other.leaked} tensor(s) leaked`];
}
