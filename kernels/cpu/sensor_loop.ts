/**
 * The glimpse sensor's windows in output order, `[b, l, scale]`, shared by the forward and
 * backward passes: each window's image, location index, scale, its location `(y, x)`, its
 * placement and the offset of its glimpse in the `[B, n, k, h, w, C]` output (or dy); and,
 * on top, how each window is computed (writeSensorWindows, spreadSensorWindows), the same
 * decisions for the JS kernels and the wasm backend's compiled ones.
 */
import type {SensorCall} from '../../src/sensor_prelude';
import {subpixelCorner, windowCorner, type WindowCorner, type WindowParams} from '../../src/window_geometry';
import {NEIGHBOUR_STEPS, neighbourWeights, type WeightsOf} from '../../src/bilinear';
import type {Weights} from './bilinear_means';
import {periodicCorner} from '../../src/padding_mode';

/** A window's corner where its padding reads the same pixels with exact steps (src/padding_mode.ts). */
const placed = <C extends WindowCorner>(call: SensorCall, corner: C | null): C | null =>
  periodicCorner(corner, call.imageHeight, call.imageWidth, call.attrs.padding);

const allNonZero = (w: Weights) => w[0] !== 0 && w[1] !== 0 && w[2] !== 0 && w[3] !== 0;

export type WindowVisit = (
  b: number,
  l: number,
  scale: number,
  ly: number,
  lx: number,
  params: WindowParams,
  o: number,
) => void;

/**
 * Visits every window; `largestFirst` takes a location's scales from the largest down, so the
 * smaller windows, which lie inside it, read pixels it has just brought into the cache (only
 * for passes whose windows write apart: the order of a backward's sums shows in its bits).
 */
export function forEachWindow(
  call: SensorCall,
  locations: ArrayLike<number>,
  visit: WindowVisit,
  largestFirst = false,
): void {
  const [batch, n, k, h, w, channels] = call.shape;
  const glimpseSize = h * w * channels;
  const params = Array.from({length: k}, (_, i) => call.windowParams(i));
  for (let b = 0, o = 0; b < batch; b++) {
    for (let l = 0; l < n; l++, o += k * glimpseSize) {
      const ly = locations[2 * (b * n + l)];
      const lx = locations[2 * (b * n + l) + 1];
      for (let i = 0; i < k; i++) {
        const scale = largestFirst ? k - 1 - i : i;
        visit(b, l, scale, ly, lx, params[scale], o + scale * glimpseSize);
      }
    }
  }
}

/**
 * Where one forward call's windows are written (the cpu's typed arrays, or the wasm backend's
 * heap by address, `T`): the output, glimpse-sized scratch per neighbour, and the ways a
 * window is computed. writeSensorWindows decides which way, once for every backend.
 */
export interface SensorWriter<T> {
  readonly out: T;
  /** Neighbour i's glimpse-sized scratch, zeroed. */
  neighbour(i: number): T;
  /** Image b's window of `scale` at a whole-pixel `corner` (null: unreachable) into `into[o]`, which holds zeros. */
  means(into: T, o: number, b: number, l: number, scale: number, corner: WindowCorner | null): void;
  /** The four neighbours' weighted means in one pass into `out[o]`, or false (nothing written) where it cannot. */
  bilinear(o: number, b: number, scale: number, corner: WindowCorner, weights: Weights): boolean;
  /** The same with noise padding, any weights and corners, or false where the writer has no such pass. */
  noisyBilinear?(
    o: number,
    b: number,
    l: number,
    scale: number,
    corner: WindowCorner | null,
    weights: Weights,
  ): boolean;
  /** `out[o + j]` = the used neighbours' weighted sum (src/bilinear.ts), float64 rounded once. */
  combine(o: number, used: ReadonlyArray<{weight: number; values: T}>): void;
}

/**
 * The sensor's windows (or, `weightsOf` y or x, their slopes) through `writer`: nearest
 * windows at their whole-pixel corner; bilinear ones in one pass where the writer can, else
 * as the weighted sum of the four whole-pixel neighbours (a weight of 0 left out, so an
 * integer corner gives its whole-pixel glimpse bit for bit). `writer.out` holds zeros.
 */
export function writeSensorWindows<T>(
  writer: SensorWriter<T>,
  call: SensorCall,
  locations: ArrayLike<number>,
  weightsOf: WeightsOf,
): void {
  const bilinear = call.attrs.interpolation === 'bilinear';
  // An unreachable window is all padding, and does not move.
  const unreachable: Weights = weightsOf === 'value' ? [1, 0, 0, 0] : [0, 0, 0, 0];
  const visit: WindowVisit = (b, l, scale, ly, lx, params, o) => {
    if (!bilinear) {
      writer.means(writer.out, o, b, l, scale, placed(call, windowCorner(ly, lx, params)));
      return;
    }
    const corner = placed(call, subpixelCorner(ly, lx, params));
    const weights: Weights = corner ? neighbourWeights(corner.fy, corner.fx, weightsOf) : unreachable;
    if (corner && allNonZero(weights) && writer.bilinear(o, b, scale, corner, weights)) return;
    if (writer.noisyBilinear?.(o, b, l, scale, corner, weights)) return;
    const used: Array<{weight: number; values: T}> = [];
    NEIGHBOUR_STEPS.forEach(([dy, dx], i) => {
      if (weights[i] === 0) return;
      const at: WindowCorner | null = corner && {y: corner.y + dy, x: corner.x + dx};
      const values = writer.neighbour(i);
      writer.means(values, 0, b, l, scale, at);
      used.push({weight: weights[i], values});
    });
    writer.combine(o, used);
  };
  forEachWindow(call, locations, visit, true);
}

/** How one backward call sends a window's dy back to the pixels its blocks sampled. */
export interface SensorSpreader {
  /** Image b's window of `scale` at whole-pixel `corner`, each value times `weight`. */
  spread(o: number, b: number, scale: number, corner: WindowCorner, weight: number): void;
  /** A bilinear window in one pass, or false (nothing done) where it reaches outside the image. */
  spreadInside(o: number, b: number, scale: number, corner: WindowCorner, weights: Weights): boolean;
}

/**
 * The sensor's backward windows through `spreader`: nearest ones from their whole-pixel
 * corner; bilinear ones in one pass where all four neighbours are inside, else to each
 * neighbour with a weight other than 0. Unreachable windows send nothing back.
 */
export function spreadSensorWindows(spreader: SensorSpreader, call: SensorCall, locations: ArrayLike<number>): void {
  const bilinear = call.attrs.interpolation === 'bilinear';
  forEachWindow(call, locations, (b, _l, scale, ly, lx, params, o) => {
    if (!bilinear) {
      const corner = placed(call, windowCorner(ly, lx, params));
      if (corner) spreader.spread(o, b, scale, corner, 1);
      return;
    }
    const corner = placed(call, subpixelCorner(ly, lx, params));
    if (!corner) return;
    const weights = neighbourWeights(corner.fy, corner.fx, 'value');
    if (allNonZero(weights) && spreader.spreadInside(o, b, scale, corner, weights)) return;
    NEIGHBOUR_STEPS.forEach(([dy, dx], i) => {
      if (weights[i] !== 0) spreader.spread(o, b, scale, {y: corner.y + dy, x: corner.x + dx}, weights[i]);
    });
  });
}
