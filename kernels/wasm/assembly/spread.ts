/**
 * The glimpse sensor's backward pass, one window at a time (kernels/cpu/glimpse_sensor_grad_impl.ts):
 * each output's `weight * dy / s^2` (float32) added to every pixel its block sampled, in
 * output order; edge padding sends the outside samples' share to the clamped pixel.
 */
import {f32At} from './geometry';

function addAt(dx: usize, index: i32, g: f32): void {
  const at = f32At(dx, index);
  store<f32>(at, load<f32>(at) + g);
}

export function spreadWindow(
  dx: usize,
  dy: usize,
  o: i32,
  base: i32,
  height: i32,
  width: i32,
  channels: i32,
  cornerY: i32,
  cornerX: i32,
  h: i32,
  w: i32,
  s: i32,
  edge: bool,
  weight: f64,
): void {
  const count = <f64>(s * s);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < channels; c++, o++) {
        const g = <f32>((weight * <f64>load<f32>(f32At(dy, o))) / count);
        for (let a = 0; a < s; a++) {
          let r = cornerY + y * s + a;
          if (r < 0 || r >= height) {
            if (!edge) continue;
            r = r < 0 ? 0 : height - 1;
          }
          for (let d = 0; d < s; d++) {
            let q = cornerX + x * s + d;
            if (q < 0 || q >= width) {
              if (!edge) continue;
              q = q < 0 ? 0 : width - 1;
            }
            addAt(dx, base + (r * width + q) * channels + c, g);
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
