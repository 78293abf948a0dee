/**
 * ExtractGlimpse over plain typed arrays (NHWC). Shared by the cpu kernels and by any
 * backend whose data lives in JS memory. Each window's inside part is copied as whole row
 * segments (an NHWC row segment is contiguous); noise is written only at outside positions.
 */
import {inferGlimpseShape, type GlimpseShape} from '../../src/shape_inference';
import {insideSpan, windowCorner, type WindowParams} from '../../src/window_geometry';
import {resolveNoise} from '../../src/noise_mode';
import {freshSeed, seedKey} from '../../src/noise_random';
import type {ExtractGlimpseAttrs, GlimpseVersion} from '../../src/kernel_names';
import {fillNoise, planNoise} from './fill_noise';
import {copyRows} from './copy_rows';

type Values = Float32Array | Int32Array | Uint8Array;

/**
 * Computes into `output` when given (it must hold the output's size), else into a new array.
 */


export function extractGlimpseImpl(
    image: Values, imageShape: readonly number[], offsets: ArrayLike<number>,
    offsetsShape: readonly number[], attrs: ExtractGlimpseAttrs,
    version: GlimpseVersion, output?: Float32Array): {shape: GlimpseShape, values: Float32Array} {
  const opName = version === 1 ? 'ExtractGlimpse' : 'ExtractGlimpseV2';
  const shape = inferGlimpseShape(imageShape, attrs.size, offsetsShape, opName);
  const mode = resolveNoise(attrs.noise, attrs.uniformNoise, opName);
  const [batch, h, w, channels] = shape;
  // A fresh array is zeroed; a given one (e.g. on the wasm heap) may hold anything.
  const zeroed = output === undefined;
  const out = output ?? new Float32Array(batch * h * w * channels);
  if (out.length === 0) return {shape, values: out};

  const [, height, width] = imageShape;
  const params: WindowParams = {
    version, centered: attrs.centered, normalized: attrs.normalized,
    imageHeight: height, imageWidth: width, glimpseHeight: h, glimpseWidth: w,
  };
  const key = seedKey(attrs.seed ?? freshSeed());
  const imageSize = height * width * channels;
  const outRow = w * channels;
  const glimpseSize = h * outRow;

  for (let b = 0; b < batch; b++) {
    const corner = windowCorner(offsets[2 * b], offsets[2 * b + 1], params);
    const [r0, r1] = corner ? insideSpan(corner.y, h, height) : [0, 0];
    const [c0, c1] = corner && r1 > r0 ? insideSpan(corner.x, w, width) : [0, 0];
    const outBase = b * glimpseSize;
    const inside = r1 > r0 && c1 > c0;
    const whole = r0 === 0 && r1 === h && c0 === 0 && c1 === w;

    // Zero noise is a fresh array's initial value: nothing to write.
    if (!whole && (mode !== 'zero' || !zeroed)) {
      const plan = planNoise(mode, key, image, b * imageSize, height * width, channels);
      if (!inside) {
        fillNoise(out, outBase, glimpseSize, plan);
      } else {
        fillNoise(out, outBase, r0 * outRow, plan);
        for (let i = r0; i < r1; i++) {
          const rowBase = outBase + i * outRow;
          if (c0 > 0) fillNoise(out, rowBase, c0 * channels, plan);
          if (c1 < w) fillNoise(out, rowBase + c1 * channels, (w - c1) * channels, plan);
        }
        fillNoise(out, outBase + r1 * outRow, (h - r1) * outRow, plan);
      }
    }
    if (!inside) continue;

    const src = b * imageSize + ((corner!.y + r0) * width + corner!.x + c0) * channels;
    const dst = outBase + r0 * outRow + c0 * channels;
    copyRows(out, dst, outRow, image, src, width * channels, r1 - r0, (c1 - c0) * channels);
  }
  return {shape, values: out};
}
