/**
 * ExtractGlimpse over plain typed arrays (NHWC), shared by the cpu and wasm kernels. Each
 * window's inside part is copied as whole row segments (an NHWC row segment is contiguous);
 * noise is written only at outside positions.
 */
import {insideSpan, windowCorner} from '../../src/window_geometry';
import type {GlimpseCall} from '../../src/kernel_prelude';
import {fillNoise, planNoise} from './noise_fill';
import {copyRows} from './copy_rows';

type Values = Float32Array | Int32Array | Uint8Array;

/**
 * Computes the glimpses of `call` (from `glimpseCall`) into `output` when given (it must
 * hold the output's size; e.g. a view of the wasm heap), else into a new array. `key` is
 * the call's noise key (`callKey`).
 */
export function extractGlimpseImpl(
  image: Values,
  offsets: ArrayLike<number>,
  call: GlimpseCall,
  key: number,
  output?: Float32Array,
): Float32Array {
  const {shape, mode, params} = call;
  const [batch, h, w, channels] = shape;
  // A fresh array is zeroed; a given one may hold anything.
  const zeroed = output === undefined;
  const out = output ?? new Float32Array(batch * h * w * channels);
  if (call.empty) return out;

  const {imageHeight: height, imageWidth: width} = params;
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
  return out;
}
