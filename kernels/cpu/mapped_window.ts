/**
 * A sensor window read through maps of its rows and columns: each window row (column) holds the
 * image offset its samples read under the call's padding (src/padding_mode.ts). Noise padding
 * (sensor_noise.ts) and reflection padding of windows that reach outside read this way; zero
 * and edge padding take the faster runs of sensor_window.ts.
 */
import {sourceIndex, type SensorPadding} from '../../src/padding_mode';

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

/** A window whose every row and column reads a pixel (mapAxis gave no OUTSIDE). */
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
}

/** Block means of a mapped window, float64 sums in sample order, written from `out[o]` on. */
export function mappedBlockMeans(out: Float32Array, o: number, image: Values, window: MappedWindow): void {
  const {base, rows, cols, channels, s} = window;
  const [h, w] = window.size;
  const count = s * s;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < channels; c++) {
        let sum = -0;
        for (let a = 0; a < s; a++) {
          const row = base + rows[y * s + a] + c;
          for (let d = 0; d < s; d++) sum += image[row + cols[x * s + d]];
        }
        out[o++] = sum / count;
      }
    }
  }
}
