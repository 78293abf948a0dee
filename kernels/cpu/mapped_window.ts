/**
 * A sensor window read through maps of its rows and columns: each window row (column) holds the
 * image offset its samples read under the call's padding (src/padding_mode.ts), or OUTSIDE.
 * Noise padding (every sample checked, the outside ones drawn) and reflection padding of
 * windows that reach outside read this way; zero and edge padding take the faster runs of
 * sensor_window.ts.
 */
import {sourceIndex, type SensorPadding} from '../../src/padding_mode';
import {noiseAt, type NoisePlan} from './noise_fill';

type Values = Float32Array | Int32Array | Uint8Array;

/** A window row or column that reads no pixel. */
export const OUTSIDE = -1;

/**
 * Image offsets of a window's rows (`stride` W*C) or columns (`stride` C): the pixel each
 * reads under `padding`, or OUTSIDE where it reads none.
 */
export function mapAxis(
  into: Int32Array,
  count: number,
  start: number,
  size: number,
  stride: number,
  padding: SensorPadding,
): void {
  for (let i = 0; i < count; i++) {
    const p = sourceIndex(start + i, size, padding);
    into[i] = p < 0 ? OUTSIDE : p * stride;
  }
}

/** The noise of a window's samples that read no pixel (noise padding). */
export interface WindowNoise {
  /** The image's noise statistics. */
  plan: NoisePlan;
  /** The scale's noise key. */
  key: number;
  /** Counters: one window row's count (w*s*C), and the window's first. */
  windowRow: number;
  first: number;
}

/** A window read through its maps; entries OUTSIDE take `noise` (present wherever the maps hold one). */
export interface MappedWindow {
  /** The image's first value. */
  base: number;
  rows: Int32Array;
  cols: Int32Array;
  /** The output glimpse's `[h, w]`. */
  size: readonly [number, number];
  channels: number;
  /** The block side. */
  s: number;
  noise?: WindowNoise;
}

/**
 * Block means of a mapped window, float64 sums in sample order, written from `out[o]` on.
 * Outside samples take the op's noise for their position in the scale's whole window, so one
 * location and scale draw what extractGlimpse draws for the same seed.
 */
export function mappedBlockMeans(out: Float32Array, o: number, image: Values, window: MappedWindow): void {
  const {base, rows, cols, channels, s, noise} = window;
  const [h, w] = window.size;
  const count = s * s;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < channels; c++) {
        let sum = -0;
        for (let a = 0; a < s; a++) {
          const i = y * s + a;
          const row = rows[i];
          for (let d = 0; d < s; d++) {
            const j = x * s + d;
            const col = cols[j];
            sum +=
              row !== OUTSIDE && col !== OUTSIDE
                ? image[base + row + col + c]
                : noiseAt(noise!.plan, noise!.key, noise!.first + i * noise!.windowRow + j * channels + c, c);
          }
        }
        out[o++] = sum / count;
      }
    }
  }
}
