/**
 * Noise for one image's outside positions. The noise plan holds the statistics, computed
 * once per image and only if some position of its window is outside.
 */
import {channelStats, imageRange} from './noise_stats';
import {normalAngle, normalRadius, uniformAt, uniformNoise} from '../../src/noise_random';
import type {NoiseMode} from '../../src/kernel_names';

export type NoisePlan =
  | {mode: 'zero'}
  | {mode: 'uniform'; key: number; lo: number; hi: number}
  | {
      mode: 'gaussian';
      key: number;
      mean: Float64Array;
      sigma: Float64Array;
      min: Float64Array;
      max: Float64Array;
      channels: number;
    };

/** Statistics of image `[start, start + pixels * channels)` that `mode` needs, and nothing more. */
export function planNoise(
  mode: NoiseMode,
  key: number,
  image: ArrayLike<number>,
  start: number,
  pixels: number,
  channels: number,
): NoisePlan {
  if (mode === 'zero') return {mode};
  if (mode === 'uniform') {
    const [lo, hi] = imageRange(image, start, pixels * channels);
    return {mode, key, lo, hi};
  }
  return {mode, key, channels, ...channelStats(image, start, pixels, channels)};
}

/**
 * Writes noise at `out[start, start + count)`, a run of whole pixels; `start` is also the
 * counter of the generator, so a value depends only on (seed, its output index).
 */
export function fillNoise(out: Float32Array, start: number, count: number, plan: NoisePlan): void {
  const end = start + count;
  if (plan.mode === 'zero') {
    out.fill(0, start, end);
  } else if (plan.mode === 'uniform') {
    const {key, lo, hi} = plan;
    for (let k = start; k < end; k++) out[k] = uniformNoise(lo, hi, uniformAt(key, k));
  } else {
    const {key, mean, sigma, min, max, channels} = plan;
    // One Box-Muller draw serves two neighbouring indices (normalAt's pairs).
    let pair = -1;
    let radius = 0;
    let angle = 0;
    for (let k = start, c = 0; k < end; k++) {
      if (k >>> 1 !== pair) {
        pair = k >>> 1;
        radius = normalRadius(key, pair);
        angle = normalAngle(key, pair);
      }
      const n = radius * ((k & 1) === 0 ? Math.cos(angle) : Math.sin(angle));
      out[k] = clamp(mean[c] + n * sigma[c], min[c], max[c]);
      if (++c === channels) c = 0;
    }
  }
}

/** Rounding to float32 can step past a bound; the clamp keeps every value inside. */
function clamp(v: number, lo: number, hi: number): number {
  const r = Math.fround(v);
  return r < lo ? lo : r > hi ? hi : r;
}

/** One noise value: output index `index` (the generator's counter) in channel `channel`, drawn with `key`. */
export function noiseAt(plan: NoisePlan, key: number, index: number, channel: number): number {
  if (plan.mode === 'zero') return 0;
  if (plan.mode === 'uniform') return uniformNoise(plan.lo, plan.hi, uniformAt(key, index));
  const pair = index >>> 1;
  const angle = normalAngle(key, pair);
  const n = normalRadius(key, pair) * ((index & 1) === 0 ? Math.cos(angle) : Math.sin(angle));
  return clamp(plan.mean[channel] + n * plan.sigma[channel], plan.min[channel], plan.max[channel]);
}
