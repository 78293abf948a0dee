/**
 * The glimpse sensor over plain typed arrays (NHWC), shared by the cpu, wasm and tensorflow
 * kernels (docs/semantics.md, "The glimpse sensor"): each scale's window goes to its
 * whole-pixel corner (nearest) or is the weighted sum of the glimpses at the four whole-pixel
 * neighbours of its unrounded corner (bilinear, src/bilinear.ts). The same loop gives the
 * slope kernel's output: the neighbours weighted by the weights' derivatives.
 */
import type {WeightsOf} from '../../src/bilinear';
import type {SensorCall} from '../../src/sensor_prelude';
import {writeSensorWindows} from './sensor_loop';
import {SensorWindows} from './sensor_window';

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
  const glimpseSize = h * w * channels;
  const neighbours: Float32Array[] = [];
  writeSensorWindows(
    {
      out,
      neighbour: i => (neighbours[i] ??= new Float32Array(glimpseSize)).fill(0),
      means: (into, o, b, l, scale, corner) => windows.means(into, o, b, l, scale, corner),
      bilinear: (o, b, scale, corner, weights) => windows.bilinear(out, o, b, scale, corner, weights),
      combine: (o, used) => combine(out, o, glimpseSize, used),
    },
    call,
    locations,
    weightsOf,
  );
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
