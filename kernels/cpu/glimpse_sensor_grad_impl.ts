/**
 * The glimpse sensor's backward pass over plain typed arrays, shared by the cpu, wasm and
 * tensorflow kernels: each output's dy / s^2 goes to every image pixel its block sampled
 * (edge and reflection padding: the pixel the sample read, src/padding_mode.ts), accumulated
 * in float32 in output order. Zero and noise padding send nothing back. Bilinear windows send
 * it to each of the four whole-pixel neighbours' windows, times the neighbour's weight
 * (src/bilinear.ts).
 */
import type {SensorCall} from '../../src/sensor_prelude';
import {spreadSensorWindows} from './sensor_loop';
import type {Weights} from './bilinear_means';
import {imageWindow, type ImageWindow} from './image_window';
import {sourceIndex} from '../../src/padding_mode';

export function glimpseSensorGradImpl(
  dy: Float32Array,
  locations: ArrayLike<number>,
  call: SensorCall,
  output?: Float32Array,
): Float32Array {
  const [batch, , , , , channels] = call.shape;
  const {imageHeight: height, imageWidth: width} = call;
  const dx = output ? output.fill(0) : new Float32Array(batch * height * width * channels);
  if (dx.length === 0 || dy.length === 0) return dx;
  spreadSensorWindows(
    {
      spread: (o, b, scale, corner, weight) => spreadWindow(dx, dy, o, imageWindow(call, b, scale, corner), weight),
      spreadInside: (o, b, scale, corner, weights) =>
        spreadInside(dx, dy, o, imageWindow(call, b, scale, corner), weights),
    },
    call,
    locations,
  );
  return dx;
}

/** Adds one window's `weight * dy / s^2` (float32) to the pixels its blocks sampled. */
function spreadWindow(dx: Float32Array, dy: Float32Array, o: number, window: ImageWindow, weight: number): void {
  const {base, corner, height, width, channels, h, w, s, padding} = window;
  const count = s * s;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < channels; c++, o++) {
        const g = Math.fround((weight * dy[o]) / count);
        for (let a = 0; a < s; a++) {
          const r = sourceIndex(corner.y + y * s + a, height, padding);
          if (r < 0) continue;
          for (let d = 0; d < s; d++) {
            const q = sourceIndex(corner.x + x * s + d, width, padding);
            if (q < 0) continue;
            dx[base + (r * width + q) * channels + c] += g;
          }
        }
      }
    }
  }
}

/**
 * A bilinear window whose four neighbours lie wholly inside the image, in one pass: each
 * sample's `weight * dy / s^2` (float32, per neighbour) to its four pixels. Returns false,
 * having done nothing, for a window that reaches outside (the neighbours' spreads handle it).
 */
function spreadInside(dx: Float32Array, dy: Float32Array, o: number, window: ImageWindow, weights: Weights): boolean {
  const {base, corner, height, width, channels: C, h, w, s} = window;
  if (corner.y < 0 || corner.y + h * s + 1 > height || corner.x < 0 || corner.x + w * s + 1 > width) return false;
  const rowStride = width * C;
  const start = base + (corner.y * width + corner.x) * C;
  const count = s * s;
  const [w00, w01, w10, w11] = weights;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < C; c++, o++) {
        const g = dy[o] / count;
        const g00 = Math.fround(w00 * g);
        const g01 = Math.fround(w01 * g);
        const g10 = Math.fround(w10 * g);
        const g11 = Math.fround(w11 * g);
        for (let a = 0, row = start + y * s * rowStride + x * s * C + c; a < s; a++, row += rowStride) {
          for (let q = row, end = row + s * C; q < end; q += C) {
            dx[q] += g00;
            dx[q + C] += g01;
            dx[q + rowStride] += g10;
            dx[q + rowStride + C] += g11;
          }
        }
      }
    }
  }
  return true;
}
