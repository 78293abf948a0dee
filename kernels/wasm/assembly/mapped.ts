/**
 * Windows read through maps of their rows and columns (kernels/cpu/mapped_window.ts): each
 * window row (column) holds the image offset its samples read, worked out by the driver under
 * the call's padding (src/padding_mode.ts), or OUTSIDE, so the padding's index rule lives in JS
 * alone. Reflection padding of windows that reach outside runs here, and every backward window
 * (spread.ts). Maps are i32 arrays at `rows` and `cols`.
 */
import {f32At} from './geometry';

/** A map entry that reads no pixel (kernels/cpu/mapped_window.ts). */
export const OUTSIDE: i32 = -1;

export function mapAt(map: usize, i: i32): i32 {
  return load<i32>(map + ((<usize>i) << 2));
}

/** Block means of a window whose every entry reads a pixel: float64 sums in sample order, at `out[o]`. */
export function mappedMeans(
  out: usize,
  o: i32,
  image: usize,
  base: i32,
  rows: usize,
  cols: usize,
  h: i32,
  w: i32,
  s: i32,
  channels: i32,
): void {
  const count = <f64>(s * s);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < channels; c++) {
        let sum: f64 = -0.0;
        for (let a = 0; a < s; a++) {
          const row = base + mapAt(rows, y * s + a) + c;
          for (let d = 0; d < s; d++) sum += <f64>load<f32>(f32At(image, row + mapAt(cols, x * s + d)));
        }
        store<f32>(f32At(out, o++), <f32>(sum / count));
      }
    }
  }
}
