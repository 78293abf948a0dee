/**
 * The glimpse sensor over plain typed arrays (NHWC), shared by the cpu, wasm and tensorflow
 * kernels (docs/semantics.md, "The glimpse sensor"): each scale's window goes to its
 * whole-pixel corner (nearest) or is the weighted sum of the glimpses at the four whole-pixel
 * neighbours of its unrounded corner (bilinear, src/bilinear.ts). The same loop gives the
 * slope kernel's output: the neighbours weighted by the weights' derivatives.
 */
import {subpixelCorner, windowCorner, type WindowCorner} from '../../src/window_geometry';
import {NEIGHBOUR_STEPS, neighbourWeights, type WeightsOf} from '../../src/bilinear';
import type {SensorCall} from '../../src/sensor_prelude';
import {forEachWindow} from './sensor_loop';
import {SensorWindows} from './sensor_window';
import type {Weights} from './bilinear_means';

type Values = Float32Array | Int32Array | Uint8Array;

/**
 * The sensor's output `[B, n, k, h, w, C]`; `weightsOf` `y` or `x` gives instead its slope along that
 * axis of the window corner (bilinear only).
 */
export function glimpseSensorImpl(
  image: Values,
  locations: ArrayLike<number>,
  call: SensorCall,
  key: number,
  output?: Float32Array,
  weightsOf: WeightsOf = 'value',
): Float32Array {
  const [batch, n, k, h, w, channels] = call.shape;
  const out = output ? output.fill(0) : new Float32Array(batch * n * k * h * w * channels);
  // Nearest windows move in whole pixels: their slope is 0.
  if (call.empty || (call.attrs.interpolation === 'nearest' && weightsOf !== 'value')) return out;
  const windows = new SensorWindows(image, call, key);
  const bilinear = call.attrs.interpolation === 'bilinear';
  const glimpseSize = h * w * channels;
  const neighbours = bilinear ? NEIGHBOUR_STEPS.map(() => new Float32Array(glimpseSize)) : [];
  forEachWindow(call, locations, (b, l, scale, ly, lx, params, o) => {
    if (!bilinear) {
      windows.means(out, o, b, l, scale, windowCorner(ly, lx, params));
      return;
    }
    const corner = subpixelCorner(ly, lx, params);
    // An unreachable window is all padding, and does not move.
    const unreachable: Weights = weightsOf === 'value' ? [1, 0, 0, 0] : [0, 0, 0, 0];
    const weights: Weights = corner ? neighbourWeights(corner.fy, corner.fx, weightsOf) : unreachable;
    // Four neighbours in one pass where it can; a weight of 0 (a whole-pixel axis) is left out instead.
    if (corner && weights.every(v => v !== 0) && windows.bilinear(out, o, b, scale, corner, weights)) return;
    const used: Array<{weight: number; values: Float32Array}> = [];
    NEIGHBOUR_STEPS.forEach(([dy, dx], i) => {
      if (weights[i] === 0) return;
      const at: WindowCorner | null = corner && {y: corner.y + dy, x: corner.x + dx};
      neighbours[i].fill(0);
      windows.means(neighbours[i], 0, b, l, scale, at);
      used.push({weight: weights[i], values: neighbours[i]});
    });
    combine(out, o, glimpseSize, used);
  });
  return out;
}

/**
 * `out[o + j] = sum of weight * values[j]` in float64, rounded once. One neighbour of weight 1
 * (an integer corner) is copied: its glimpse bit for bit.
 */
function combine(
  out: Float32Array,
  o: number,
  size: number,
  used: ReadonlyArray<{weight: number; values: Float32Array}>,
): void {
  if (used.length === 1 && used[0].weight === 1) {
    out.set(used[0].values, o);
    return;
  }
  for (let j = 0; j < size; j++) {
    let sum = 0;
    for (const {weight, values} of used) sum += weight * values[j];
    out[o + j] = sum;
  }
}
