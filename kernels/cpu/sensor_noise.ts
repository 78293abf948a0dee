/**
 * The glimpse sensor's windows under noise padding (docs/semantics.md, "The glimpse sensor"):
 * every sample is checked, and those outside the image take the op's noise for their
 * position in the scale's whole window, so one location and scale draw what extractGlimpse
 * draws for the same seed.
 */
import {noiseAt, type NoisePlan} from './noise_fill';

type Values = Float32Array | Int32Array | Uint8Array;

/** A window row or column outside the image. */
export const OUTSIDE = -1;

/** Image offsets of a window's rows (`stride` W*C) or columns (`stride` C), or OUTSIDE. */
export function mapAxis(into: Int32Array, count: number, start: number, size: number, stride: number): void {
  for (let i = 0; i < count; i++) {
    const p = start + i;
    into[i] = p >= 0 && p < size ? p * stride : OUTSIDE;
  }
}

/** One window under noise padding. */
export interface NoisyWindow {
  /** The image's first value. */
  base: number;
  /** Each window row's (column's) image offset (mapAxis), or OUTSIDE. */
  rows: Int32Array;
  cols: Int32Array;
  /** The output glimpse's `[h, w]`. */
  size: readonly [number, number];
  channels: number;
  /** The block side. */
  s: number;
  /** The image's noise statistics. */
  plan: NoisePlan;
  /** The scale's noise key. */
  key: number;
  /** Counters: one window row's count (w*s*C), and the window's first. */
  windowRow: number;
  first: number;
}

/** Block means with noise padding, written from `out[o]` on. */
export function noisyBlockMeans(out: Float32Array, o: number, image: Values, window: NoisyWindow): void {
  const {base, rows, cols, channels, s, plan, key, windowRow, first} = window;
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
            const v =
              row !== OUTSIDE && col !== OUTSIDE
                ? image[base + row + col + c]
                : noiseAt(plan, key, first + i * windowRow + j * channels + c, c);
            sum += v;
          }
        }
        out[o++] = sum / count;
      }
    }
  }
}
