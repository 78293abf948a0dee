/**
 * The glimpse sensor's backward pass, one window at a time (kernels/cpu/glimpse_sensor_grad_impl.ts):
 * each output's `weight * dy / s^2` (float32) added to every pixel its block sampled, in
 * output order. The window's row and column maps (mapped.ts) say which pixel each sample read
 * under the padding: edge and reflection send an outside sample's share to that pixel, zero
 * and noise padding (OUTSIDE) nothing.
 */
import {f32At} from './geometry';
import {mapAt, OUTSIDE} from './mapped';

function addAt(dx: usize, index: i32, g: f32): void {
  const at = f32At(dx, index);
  store<f32>(at, load<f32>(at) + g);
}

/** Window `o` of dy spread into `dx`: the image at `base`, its rows and columns read through the maps. */
export function spreadWindow(
  dx: usize,
  dy: usize,
  o: i32,
  base: i32,
  rows: usize,
  cols: usize,
  h: i32,
  w: i32,
  s: i32,
  channels: i32,
  weight: f64,
): void {
  const count = <f64>(s * s);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < channels; c++, o++) {
        const g = <f32>((weight * <f64>load<f32>(f32At(dy, o))) / count);
        for (let a = 0; a < s; a++) {
          const row = mapAt(rows, y * s + a);
          if (row == OUTSIDE) continue;
          for (let d = 0; d < s; d++) {
            const col = mapAt(cols, x * s + d);
            if (col != OUTSIDE) addAt(dx, base + row + col + c, g);
          }
        }
      }
    }
  }
}

/**
 * A bilinear window whose four neighbours lie wholly inside the image, in one pass: each
 * sample's `weight * dy / s^2` (float32, per neighbour) to its four pixels.
 */
export function spreadInside(
  dx: usize,
  dy: usize,
  o: i32,
  start: i32,
  rowStride: i32,
  h: i32,
  w: i32,
  C: i32,
  s: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
): void {
  const count = <f64>(s * s);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < C; c++, o++) {
        const g = <f64>load<f32>(f32At(dy, o)) / count;
        const g00 = <f32>(w00 * g);
        const g01 = <f32>(w01 * g);
        const g10 = <f32>(w10 * g);
        const g11 = <f32>(w11 * g);
        for (let a = 0, row = start + y * s * rowStride + x * s * C + c; a < s; a++, row += rowStride) {
          for (let q = row, end = row + s * C; q < end; q += C) {
            addAt(dx, q, g00);
            addAt(dx, q + C, g01);
            addAt(dx, q + rowStride, g10);
            addAt(dx, q + rowStride + C, g11);
          }
        }
      }
    }
  }
}
