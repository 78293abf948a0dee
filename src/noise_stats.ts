/**
 * Noise statistics of one image (SPEC "What goes in each output position"), computed in
 * one pass over `values[start, start + pixels * channels)` of an NHWC image.
 *
 * Beyond TF (whose noise there is NaN or undefined): an image (uniform) or a channel
 * (gaussian) holding NaN or an infinity has no usable statistics, and its noise is 0.
 * All statistics are then 0, which makes every noise formula give 0. A float64 sum of
 * float32 values cannot overflow, so a non-finite sum means a non-finite pixel.
 */

/** `[min, max]` over every channel of one image: uniform noise's bounds. */
export function imageRange(values: ArrayLike<number>, start: number, count: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  let sum = 0;
  for (let k = start, end = start + count; k < end; k++) {
    const v = values[k];
    sum += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return Number.isFinite(sum) ? [lo, hi] : [0, 0];
}

/** Per channel: mean, population standard deviation (divide by pixels), min and max. */
export interface ChannelStats {
  mean: Float64Array;
  sigma: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

export function channelStats(
    values: ArrayLike<number>, start: number, pixels: number, channels: number): ChannelStats {
  const sum = new Float64Array(channels);
  const sumSq = new Float64Array(channels);
  const min = new Float64Array(channels).fill(Infinity);
  const max = new Float64Array(channels).fill(-Infinity);
  // A float64 shift by the first pixel keeps sum-of-squares from cancelling on bright images.
  const shift = new Float64Array(channels);
  for (let c = 0; c < channels; c++) shift[c] = pixels > 0 ? values[start + c] : 0;
  for (let p = 0, k = start; p < pixels; p++) {
    for (let c = 0; c < channels; c++, k++) {
      const v = values[k];
      const d = v - shift[c];
      sum[c] += d;
      sumSq[c] += d * d;
      if (v < min[c]) min[c] = v;
      if (v > max[c]) max[c] = v;
    }
  }
  const mean = new Float64Array(channels);
  const sigma = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    if (!Number.isFinite(sum[c]) || !Number.isFinite(sumSq[c])) {
      min[c] = max[c] = 0;  // mean and sigma stay 0: the channel's noise is 0
      continue;
    }
    const m = sum[c] / pixels;
    mean[c] = shift[c] + m;
    sigma[c] = Math.sqrt(Math.max(0, sumSq[c] / pixels - m * m));
  }
  return {mean, sigma, min, max};
}
