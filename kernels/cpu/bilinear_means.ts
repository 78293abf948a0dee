/**
 * Bilinear block means in one pass (docs/semantics.md, "Bilinear glimpses"): the weighted sum
 * of the four whole-pixel neighbours' block means, read from a source that holds all of the
 * window's (h*s + 1) x (w*s + 1) samples (the image itself when they are inside it, else a
 * padded copy). The four neighbours' blocks share all but one row and one column, so each
 * block reads its (s + 1)^2 samples once: per row, the first sample, the s - 1 in the middle
 * and the last. float64 throughout, rounded once when stored.
 */
import type {ImageWindow} from './image_window';

type Values = Float32Array | Int32Array | Uint8Array;

/** `[w00, w01, w10, w11]`: the neighbours' weights (src/bilinear.ts), or their derivatives. */
export type Weights = readonly [number, number, number, number];

/**
 * Writes `out[o, o + h*w*C)`; the window's top-left sample is `src[start]`, rows `rowStride`
 * apart, pixels `channels` apart.
 */
export function bilinearBlockMeans(
  out: Float32Array,
  o: number,
  src: Values,
  start: number,
  rowStride: number,
  shape: {h: number; w: number; channels: number; s: number},
  weights: Weights,
): void {
  const {h, w, channels: C, s} = shape;
  const [w00, w01, w10, w11] = weights;
  if (s === 1) {
    for (let i = 0, top = start; i < h; i++, top += rowStride) {
      const bottom = top + rowStride;
      for (let q = 0; q < w * C; q++) {
        out[o++] = w00 * src[top + q] + w01 * src[top + q + C] + (w10 * src[bottom + q] + w11 * src[bottom + q + C]);
      }
    }
    return;
  }
  const count = s * s;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < C; c++) {
        // Block sums of the neighbours: 00 rows [0, s) columns [0, s); 01 columns [1, s]; 10 rows [1, s].
        let s00 = 0;
        let s01 = 0;
        let s10 = 0;
        let s11 = 0;
        for (let r = 0, p = start + y * s * rowStride + x * s * C + c; r <= s; r++, p += rowStride) {
          let middle = 0;
          for (let d = 1; d < s; d++) middle += src[p + d * C];
          const left = src[p] + middle;
          const right = middle + src[p + s * C];
          if (r < s) {
            s00 += left;
            s01 += right;
          }
          if (r > 0) {
            s10 += left;
            s11 += right;
          }
        }
        out[o++] = (w00 * s00 + w01 * s01 + (w10 * s10 + w11 * s11)) / count;
      }
    }
  }
}

/**
 * Copies the (h*s + 1) x (w*s + 1) samples a bilinear window reads, from its floored corner
 * on, into `into`, rows `cols * channels` apart: outside pixels 0 (zero padding) or the
 * clamped pixel (edge padding).
 */
export function copyPadded(into: Float32Array, image: Values, window: ImageWindow): void {
  const {base, corner, height, width, channels: C} = window;
  const edge = window.padding === 'edge';
  const [rows, cols] = [window.h * window.s + 1, window.w * window.s + 1];
  const rowStride = width * C;
  const c0 = Math.min(cols, Math.max(0, -corner.x));
  const c1 = Math.max(c0, Math.min(cols, width - corner.x));
  for (let r = 0, q = 0; r < rows; r++, q += cols * C) {
    const imageRow = corner.y + r;
    if (!edge && (imageRow < 0 || imageRow >= height)) {
      into.fill(0, q, q + cols * C);
      continue;
    }
    const first = base + Math.min(height - 1, Math.max(0, imageRow)) * rowStride;
    const last = first + rowStride - C;
    if (edge) {
      for (let j = 0; j < c0; j++) for (let c = 0; c < C; c++) into[q + j * C + c] = image[first + c];
      for (let j = c1; j < cols; j++) for (let c = 0; c < C; c++) into[q + j * C + c] = image[last + c];
    } else {
      into.fill(0, q, q + c0 * C);
      into.fill(0, q + c1 * C, q + cols * C);
    }
    const from = first + (corner.x + c0) * C;
    into.set(image.subarray(from, from + (c1 - c0) * C), q + c0 * C);
  }
}
