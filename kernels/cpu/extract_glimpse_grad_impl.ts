/**
 * The backward pass over plain typed arrays, shared by the cpu and wasm kernels: each window
 * row segment of `dy` that came from the image is copied back to where it came from;
 * everything else stays zero. A window is a translation, so no input position receives two
 * values: a copy, no accumulation.
 */
import {insideSpan, windowCorner} from '../../src/window_geometry';
import type {GlimpseCall} from '../../src/kernel_prelude';
import {copyRows} from './copy_rows';

/** `d input` of `call` (from `glimpseGradCall`), into `output` when given (zeroed first), else a new array. */
export function extractGlimpseGradImpl(
  dy: Float32Array,
  offsets: ArrayLike<number>,
  call: GlimpseCall,
  output?: Float32Array,
): Float32Array {
  const [batch, height, width, channels] = call.shape;
  const {params} = call;
  const {glimpseHeight: h, glimpseWidth: w} = params;
  const dx = output ? output.fill(0) : new Float32Array(batch * height * width * channels);
  if (dx.length === 0 || dy.length === 0) return dx;
  const imageRow = width * channels;
  const glimpseRow = w * channels;
  for (let b = 0; b < batch; b++) {
    const corner = windowCorner(offsets[2 * b], offsets[2 * b + 1], params);
    if (!corner) continue;
    const [r0, r1] = insideSpan(corner.y, h, height);
    const [c0, c1] = insideSpan(corner.x, w, width);
    if (r1 <= r0 || c1 <= c0) continue;
    const src = (b * h + r0) * glimpseRow + c0 * channels;
    const dst = ((b * height + corner.y + r0) * width + corner.x + c0) * channels;
    copyRows(dx, dst, imageRow, dy, src, glimpseRow, r1 - r0, (c1 - c0) * channels);
  }
  return dx;
}
