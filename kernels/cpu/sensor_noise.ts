/**
 * The glimpse sensor's windows under noise padding (docs/semantics.md, "The glimpse sensor"):
 * every sample is checked, and those outside the image take the op's noise for their
 * position in the scale's whole window, so one location and scale draw what extractGlimpse
 * draws for the same seed.
 */
import {noiseAt, type NoisePlan} from './noise_fill';
import {OUTSIDE, type MappedWindow} from './mapped_window';

type Values = Float32Array | Int32Array | Uint8Array;

/** One window under noise padding: its maps may hold OUTSIDE, where a sample is drawn. */
export interface NoisyWindow extends MappedWindow {
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
