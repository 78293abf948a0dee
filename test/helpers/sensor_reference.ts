/**
 * Independent references for the glimpse sensor (docs/semantics.md, "The glimpse sensor"):
 * the composite of tfjs ops that users write today (extractGlimpse per scale, avgPool,
 * stack), and a plain per-sample reading for what the composite cannot express (edge and
 * reflection padding, unreachable locations, far windows, the backward pass with them);
 * outside samples read the pixel test/helpers/padding_reference.ts's rules pick.
 */
import {extractGlimpse, windowCorner} from '../../src';
import {tf} from './backends';
import {paddedIndex, scaledWindowParams} from './padding_reference';

export interface SensorCase {
  name: string;
  shape: [number, number, number, number];
  /** The image's values: `sensorImage(shape, imageSeed)`. */
  imageSeed: number;
  locations: number[][][];
  size: [number, number];
  scales: number;
  scaleFactor: number;
  centered: boolean;
  normalized: boolean;
  padding: 'zero' | 'edge' | 'reflection' | 'uniform' | 'gaussian';
}

/** The largest |value| sensorImage gives (its values lie in [-60.5, 139.5)). */
export const SENSOR_IMAGE_MAX_ABS = 140;

/**
 * Normalized (y, x) locations every sensor suite uses: centre, partial near a corner,
 * outside, on a truncation boundary, NaN.
 */
export const SENSOR_SPOTS: readonly number[][] = [
  [0, 0],
  [-0.9, 0.85],
  [3, -4],
  [0.25, -0.5],
  [NaN, 0],
];

/** Pixel values with a sign, a fraction and a spread, so sums round differently from exact. */
export function sensorImage(shape: number[], seed: number): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    v[i] = ((x >>> 0) / 4294967296) * 200 - 60.5;
  }
  return v;
}

/** The composite, `[B, n, k, h, w, C]`: one extractGlimpse (V2, zero noise) and one avgPool per location and scale. */
export function compositeSensor(images: tf.Tensor4D, c: SensorCase): tf.Tensor {
  return tf.tidy(() => {
    const [h, w] = c.size;
    const perLocation = c.locations[0].map((_, l) => {
      const where = tf.tensor2d(c.locations.map(row => row[l]));
      const perScale = Array.from({length: c.scales}, (_, i) => {
        const s = c.scaleFactor ** i;
        const glimpse = extractGlimpse(images, [h * s, w * s], where, c.centered, c.normalized, 'zero');
        return s === 1 ? glimpse : tf.avgPool(glimpse, s, s, 'valid');
      });
      return tf.stack(perScale, 1);
    });
    return tf.stack(perLocation, 1);
  });
}

/** One sample of the window of location l, scale i, at window position (row, col): plain reading. */
function sample(
  values: Float32Array,
  c: SensorCase,
  b: number,
  l: number,
  i: number,
  row: number,
  col: number,
  ch: number,
) {
  const [, H, W, C] = c.shape;
  const s = c.scaleFactor ** i;
  const params = scaledWindowParams({...c, version: 2}, H, W, s);
  const corner = windowCorner(c.locations[b][l][0], c.locations[b][l][1], params);
  if (!corner) return {value: 0, pixel: -1};
  let r = corner.y + row;
  let q = corner.x + col;
  const inside = r >= 0 && r < H && q >= 0 && q < W;
  if (!inside) {
    if (c.padding !== 'edge' && c.padding !== 'reflection') return {value: 0, pixel: -1};
    r = paddedIndex(r, H, c.padding);
    q = paddedIndex(q, W, c.padding);
  }
  const pixel = ((b * H + r) * W + q) * C + ch;
  return {value: values[pixel], pixel};
}

/** Where one output position of a sensor call reads: its window (image, location, scale) and place in it. */
export interface SensorOutput {
  /** The flat index in the `[B, n, k, h, w, C]` output. */
  o: number;
  b: number;
  l: number;
  i: number;
  /** The scale's block side, scaleFactor^i. */
  s: number;
  y: number;
  x: number;
  ch: number;
}

/** Every output position of a sensor call, in output order. */
export function forEachSensorOutput(
  c: Pick<SensorCase, 'shape' | 'locations' | 'size' | 'scales' | 'scaleFactor'>,
  visit: (at: SensorOutput) => void,
): void {
  const [B, , , C] = c.shape;
  const n = c.locations[0].length;
  const [h, w] = c.size;
  let o = 0;
  for (let b = 0; b < B; b++) {
    for (let l = 0; l < n; l++) {
      for (let i = 0; i < c.scales; i++) {
        const s = c.scaleFactor ** i;
        for (let y = 0; y < h; y++) {
          for (let x = 0; x < w; x++) {
            for (let ch = 0; ch < C; ch++) visit({o: o++, b, l, i, s, y, x, ch});
          }
        }
      }
    }
  }
}

/** The output's length: `B * n * k * h * w * C`. */
const outputLength = (c: SensorCase) =>
  c.shape[0] * c.locations[0].length * c.scales * c.size[0] * c.size[1] * c.shape[3];

/** Plain forward, float64 mean (zero, edge or reflection padding). */
export function plainSensor(values: Float32Array, c: SensorCase): Float64Array {
  const out = new Float64Array(outputLength(c));
  forEachSensorOutput(c, ({o, b, l, i, s, y, x, ch}) => {
    let sum = 0;
    for (let a = 0; a < s; a++) {
      for (let d = 0; d < s; d++) sum += sample(values, c, b, l, i, y * s + a, x * s + d, ch).value;
    }
    out[o] = sum / (s * s);
  });
  return out;
}

/** Plain backward, float64: d images of sum(sensor * dy). */
export function plainSensorGrad(dy: ArrayLike<number>, c: SensorCase): Float64Array {
  const [B, H, W, C] = c.shape;
  const dx = new Float64Array(B * H * W * C);
  const zeros = new Float32Array(B * H * W * C);
  forEachSensorOutput(c, ({o, b, l, i, s, y, x, ch}) => {
    for (let a = 0; a < s; a++) {
      for (let d = 0; d < s; d++) {
        const {pixel} = sample(zeros, c, b, l, i, y * s + a, x * s + d, ch);
        if (pixel >= 0) dx[pixel] += dy[o] / (s * s);
      }
    }
  });
  return dx;
}

/** [min, max] of image b of `values` (`[B, H, W, C]`), or of its channel `ch` (gaussian noise draws per channel). */
export function imageRange(
  values: Float32Array,
  shape: readonly number[],
  b: number,
  ch: number | null,
): [number, number] {
  const [, H, W, C] = shape;
  let lo = Infinity;
  let hi = -Infinity;
  for (let p = 0; p < H * W * C; p++) {
    if (ch !== null && p % C !== ch) continue;
    lo = Math.min(lo, values[b * H * W * C + p]);
    hi = Math.max(hi, values[b * H * W * C + p]);
  }
  return [lo, hi];
}

/** Largest |got - want| over max(1, |want|) scaled by the bound's unit; [] when within `bound`. */
export function closeTo(got: ArrayLike<number>, want: ArrayLike<number>, bound: (k: number) => number): string[] {
  if (got.length !== want.length) return [`length ${got.length}, want ${want.length}`];
  for (let k = 0; k < want.length; k++) {
    if (!(Math.abs(got[k] - want[k]) <= bound(k))) return [`at flat ${k}: got ${got[k]}, want ${want[k]}`];
  }
  return [];
}
