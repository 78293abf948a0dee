/**
 * The backward pass over plain typed arrays: each window row segment of `dy` that came from
 * the image is copied back to where it came from; everything else stays zero. A window is a
 * translation, so no input position receives two values: a copy, no accumulation.
 */
import {insideSpan, windowCorner, type WindowParams} from '../../src/window_geometry';
import type {ExtractGlimpseGradAttrs} from '../../src/kernel_names';
import {copyRows} from './copy_rows';

export function extractGlimpseGradImpl(
    dy: Float32Array, dyShape: readonly number[], offsets: ArrayLike<number>,
    attrs: ExtractGlimpseGradAttrs, output?: Float32Array): Float32Array {
  const [batch, height, width, channels] = attrs.inputShape;
  const [, h, w] = dyShape;
  // A given output (e.g. on the wasm heap) may hold anything: zero it first.
  const dx = output ? output.fill(0) : new Float32Array(batch * height * width * channels);
  if (dx.length === 0 || dy.length === 0) return dx;
  const params: WindowParams = {
    version: attrs.version, centered: attrs.centered, normalized: attrs.normalized,
    imageHeight: height, imageWidth: width, glimpseHeight: h, glimpseWidth: w,
  };
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
