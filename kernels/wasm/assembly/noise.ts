/**
 * Seeded noise (src/noise_random.ts, kernels/cpu/noise_fill.ts): the same hash, draws and
 * float32 steps, so a value depends only on (key, output index) here as in JS, GLSL and WGSL.
 * log, cos and sin come from the JS host (imports `noise.hostLog` ...): a compiled libm may differ
 * from the engine's Math in the last bit.
 */
import {zeroBytes} from './geometry';

declare function hostLog(x: f64): f64;
declare function hostCos(x: f64): f64;
declare function hostSin(x: f64): f64;

/** Padding and noise modes, as the JS drivers number them (kernels/wasm/compiled_module.ts). */
export const MODE_ZERO: i32 = 0;
export const MODE_UNIFORM: i32 = 1;
export const MODE_GAUSSIAN: i32 = 2;

const STATE_MULTIPLIER: u32 = 747796405;
const INCREMENT: u32 = 2891336453;
const WORD_MULTIPLIER: u32 = 277803737;
const TWO_POW_MINUS_24: f64 = 1.0 / 16777216.0;
const FENCE: f64 = <f64>(<f32>3.0e38);

function pcgHash(v: u32): u32 {
  const state = v * STATE_MULTIPLIER + INCREMENT;
  const word = ((state >> ((state >> 28) + 4)) ^ state) * WORD_MULTIPLIER;
  return (word >> 22) ^ word;
}

function randomBits(key: u32, index: u32, lane: u32): u32 {
  return pcgHash(pcgHash(index ^ key) ^ lane);
}

/** The key of a sensor scale: scale 0 draws the call's own stream. */
export function scaleKey(key: u32, scale: u32): u32 {
  return scale == 0 ? key : pcgHash(key ^ pcgHash(scale));
}

/** v as float32, clamped to the fence; compares rather than f64.min and max (slower, same result here, NaN too). */
function fence(v: f64): f64 {
  const r = <f64>(<f32>v);
  return r > FENCE ? FENCE : r < -FENCE ? -FENCE : r;
}

export function uniformNoise(lo: f64, hi: f64, index: u32, key: u32): f64 {
  const u = <f64>(randomBits(key, index, 0) >> 8) * TWO_POW_MINUS_24;
  const v = fence(lo + fence(u * fence(hi - lo)));
  return v < lo ? lo : v > hi ? hi : v;
}

function normalRadius(key: u32, pair: u32): f64 {
  return Math.sqrt(-2 * hostLog((<f64>(randomBits(key, pair, 0) >> 8) + 1) * TWO_POW_MINUS_24));
}

function normalAngle(key: u32, pair: u32): f64 {
  return 2 * Math.PI * <f64>(randomBits(key, pair, 1) >> 8) * TWO_POW_MINUS_24;
}

/** Gaussian statistics: four runs of `channels` f64 (mean, sigma, min, max) from `stats`. */
function gaussianValue(n: f64, stats: usize, channels: i32, c: i32): f64 {
  const at = stats + ((<usize>c) << 3);
  const run = (<usize>channels) << 3;
  const r = <f64>(<f32>(load<f64>(at) + n * load<f64>(at + run)));
  const lo = load<f64>(at + 2 * run);
  const hi = load<f64>(at + 3 * run);
  return r < lo ? lo : r > hi ? hi : r;
}

/**
 * Writes noise at float32 elements `[start, start + count)` of `out`, a run of whole pixels;
 * `start` is also the generator's counter.
 */
export function fillNoise(
  out: usize,
  start: i32,
  count: i32,
  mode: i32,
  key: u32,
  lo: f64,
  hi: f64,
  stats: usize,
  channels: i32,
): void {
  drawNoise(out + ((<usize>start) << 2), start, count, mode, key, lo, hi, stats, channels);
}

/** Writes the noise of counters `[counter, counter + count)`, a run of whole pixels, as float32 from `into` on. */
export function drawNoise(
  into: usize,
  counter: i32,
  count: i32,
  mode: i32,
  key: u32,
  lo: f64,
  hi: f64,
  stats: usize,
  channels: i32,
): void {
  if (count <= 0) return;
  if (mode == MODE_ZERO) {
    zeroBytes(into, (<usize>count) << 2);
  } else if (mode == MODE_UNIFORM) {
    for (let i = 0; i < count; i++) store<f32>(into + ((<usize>i) << 2), <f32>uniformNoise(lo, hi, counter + i, key));
  } else {
    // One Box-Muller draw serves two neighbouring counters.
    let pair: u32 = 0xffffffff;
    let radius: f64 = 0;
    let angle: f64 = 0;
    for (let i = 0, c = 0; i < count; i++) {
      const k = counter + i;
      if ((<u32>k) >> 1 != pair) {
        pair = (<u32>k) >> 1;
        radius = normalRadius(key, pair);
        angle = normalAngle(key, pair);
      }
      const n = radius * ((k & 1) == 0 ? hostCos(angle) : hostSin(angle));
      store<f32>(into + ((<usize>i) << 2), <f32>gaussianValue(n, stats, channels, c));
      if (++c == channels) c = 0;
    }
  }
}
/** One noise value: output index `index` (the counter) in channel `channel`. */
export function noiseAt(
  mode: i32,
  key: u32,
  index: u32,
  channel: i32,
  lo: f64,
  hi: f64,
  stats: usize,
  channels: i32,
): f64 {
  if (mode == MODE_ZERO) return 0;
  if (mode == MODE_UNIFORM) return uniformNoise(lo, hi, index, key);
  const pair = index >> 1;
  const angle = normalAngle(key, pair);
  const n = normalRadius(key, pair) * ((index & 1) == 0 ? hostCos(angle) : hostSin(angle));
  return gaussianValue(n, stats, channels, channel);
}
