/**
 * The glimpse sensor as TensorFlow's own ops (docs/semantics.md, "The glimpse sensor" and
 * "Bilinear glimpses"): the windows are placed in JS from the locations (the shared geometry,
 * a few numbers per location) and the pixels never leave TensorFlow. With zero padding a
 * scale's windows are TensorFlow's ExtractGlimpseV2 at their whole-pixel corners (its row
 * copies); with edge or reflection padding, one gather of the image's pixels by flat index, a
 * row index plus a column index, each the pixel its padding reads (src/padding_mode.ts).
 * AvgPool takes the block means. A bilinear window reads one more row and column and weighs
 * its four whole-pixel neighbours, slices of that region. Sums are TensorFlow's float32 ones,
 * within the bounds docs/semantics.md gives for float32 backends.
 */
import {tidy, type Tensor, type TensorInfo} from '@tensorflow/tfjs-core';
import {NEIGHBOUR_STEPS, neighbourWeights, type WeightsOf} from '../../src/bilinear';
import type {SensorCall} from '../../src/sensor_prelude';
import {subpixelCorner, windowCorner} from '../../src/window_geometry';
import {clampIndex, periodicCorner, readsImage, sourceIndex, type SensorPadding} from '../../src/padding_mode';
import type {TensorflowBackend} from './backend';
import {NativeOps} from './native_ops';

/** Flat pixel indices must fit in int32. */
const MAX_PIXELS = 2 ** 31 - 1;

/**
 * Whether the call runs natively: float32 images, zero padding or one that reads the image,
 * pixel indices within int32, and an image at least twice the size of what one location's
 * windows read in each image. Below that, reading the image into JS and running the shared implementation is
 * faster (measured on the RAM workloads, where the windows read about as much as the image
 * holds); above it, the copy of the image is what costs, and TensorFlow's window copies skip
 * it. The number of locations does not count, so that location l of a call and a call with
 * location l alone take the same path and agree bit for bit.
 */
export function runsNatively(call: SensorCall, imagesDtype: string): boolean {
  const [batch, , k, h, w, channels] = call.shape;
  const {padding, interpolation} = call.attrs;
  const extra = interpolation === 'bilinear' ? 1 : 0;
  let read = 0;
  for (let scale = 0; scale < k; scale++) {
    const s = call.blockSide(scale);
    read += batch * (h * s + extra) * (w * s + extra) * channels;
  }
  const pixels = batch * call.imageHeight * call.imageWidth;
  return (
    (padding === 'zero' || readsImage(padding)) &&
    imagesDtype === 'float32' &&
    pixels <= MAX_PIXELS &&
    pixels * channels >= 2 * read
  );
}

/** One scale's windows, placed: the region each gathers and, for bilinear, the neighbours' weights. */
interface ScalePlan {
  /** The region's rows and columns: the window's, plus one of each for bilinear. */
  rows: number;
  cols: number;
  /** `[B*n, rows]`: b*H*W + row*W, the row the padding reads (clamped where none); `[B*n, cols]`: the column. */
  rowIds: Int32Array;
  colIds: Int32Array;
  /** 1 where the row (column) is inside the image and the location reachable; null when all are. */
  rowInside: Uint8Array | null;
  colInside: Uint8Array | null;
  /** `[B*n, 2]`: each region's top-left corner (y, x), wholly outside the image where unreachable. */
  corners: Float32Array;
  /** Bilinear: each neighbour's weight per location, in NEIGHBOUR_STEPS order. */
  weights: Float32Array[] | null;
  /** Bilinear: 1 where a neighbour's weight is not 0, per neighbour; null when none is 0, [] unused. */
  nonZero: Array<Uint8Array | null | 'unused'>;
  /** Bilinear values: 1 where the corner is whole (the nearest glimpse, copied); null when none is. */
  wholePixel: Uint8Array | null;
}

/** Fills one axis of a location's region; returns whether every entry is inside. */
function placeAxis(
  ids: Int32Array,
  inside: Uint8Array,
  at: number,
  count: number,
  corner: number | null,
  size: number,
  base: number,
  stride: number,
  padding: SensorPadding,
): boolean {
  let all = true;
  for (let i = 0; i < count; i++) {
    const p = corner === null ? 0 : corner + i;
    const read = sourceIndex(p, size, padding);
    const within = corner !== null && read >= 0;
    ids[at + i] = base + (read >= 0 ? read : clampIndex(p, size)) * stride;
    inside[at + i] = within ? 1 : 0;
    all &&= within;
  }
  return all;
}

/**
 * Places one scale's windows. `withIds`: also the flat pixel indices and inside flags (the
 * gather of paddings that read the image); zero padding needs only the corners.
 */
function planScale(
  locations: ArrayLike<number>,
  call: SensorCall,
  scale: number,
  weightsOf: WeightsOf,
  withIds: boolean,
): ScalePlan {
  const [batch, n, , h, w] = call.shape;
  const {imageHeight: height, imageWidth: width} = call;
  const s = call.blockSide(scale);
  const params = call.windowParams(scale);
  const bilinear = call.attrs.interpolation === 'bilinear';
  const {padding} = call.attrs;
  const [rows, cols] = bilinear ? [h * s + 1, w * s + 1] : [h * s, w * s];
  const count = batch * n;
  const [rowCount, colCount] = withIds ? [count * rows, count * cols] : [0, 0];
  const rowIds = new Int32Array(rowCount);
  const colIds = new Int32Array(colCount);
  const rowInside = new Uint8Array(rowCount);
  const colInside = new Uint8Array(colCount);
  const weights = bilinear ? NEIGHBOUR_STEPS.map(() => new Float32Array(count)) : null;
  const wholePixel = new Uint8Array(count);
  const corners = new Float32Array(2 * count);
  let allInside = true;
  let anyWhole = false;
  for (let j = 0; j < count; j++) {
    const b = Math.floor(j / n);
    const [ly, lx] = [locations[2 * j], locations[2 * j + 1]];
    // Reflection's corners moved by whole periods, so that corner + step stays exact.
    const sub = bilinear ? periodicCorner(subpixelCorner(ly, lx, params), height, width, padding) : null;
    const corner = bilinear ? sub : periodicCorner(windowCorner(ly, lx, params), height, width, padding);
    if (withIds) {
      const [y, x] = corner ? [corner.y, corner.x] : [null, null];
      const inRows = placeAxis(rowIds, rowInside, j * rows, rows, y, height, b * height * width, width, padding);
      const inCols = placeAxis(colIds, colInside, j * cols, cols, x, width, 0, 1, padding);
      allInside &&= inRows && inCols;
    }
    corners[2 * j] = corner ? corner.y : -rows - 1;
    corners[2 * j + 1] = corner ? corner.x : -cols - 1;
    if (!weights) continue;
    // An unreachable window is all padding, and does not move.
    const unreachable = weightsOf === 'value' ? [1, 0, 0, 0] : [0, 0, 0, 0];
    const wts = sub ? neighbourWeights(sub.fy, sub.fx, weightsOf) : unreachable;
    wts.forEach((v, i) => (weights[i][j] = v));
    if (weightsOf === 'value' && sub && sub.fy === 0 && sub.fx === 0) {
      wholePixel[j] = 1;
      anyWhole = true;
    }
  }
  const nonZero = (weights ?? []).map(column => {
    if (column.every(v => v !== 0)) return null;
    if (column.every(v => v === 0)) return 'unused' as const;
    return Uint8Array.from(column, v => (v !== 0 ? 1 : 0));
  });
  return {
    rows,
    cols,
    corners,
    rowIds,
    colIds,
    rowInside: allInside ? null : rowInside,
    colInside: allInside ? null : colInside,
    weights,
    nonZero,
    wholePixel: anyWhole ? wholePixel : null,
  };
}

/** The region's flat pixel indices `[B*n, rows, cols]` and its inside mask `[B*n, rows, cols, 1]` (or null). */
function regionOf(ops: NativeOps, plan: ScalePlan, count: number): {ids: Tensor; mask: Tensor | null} {
  const ids = ops.add(
    ops.constant(plan.rowIds, [count, plan.rows, 1], 'int32'),
    ops.constant(plan.colIds, [count, 1, plan.cols], 'int32'),
  );
  const mask =
    plan.rowInside && plan.colInside
      ? ops.logicalAnd(
          ops.constant(plan.rowInside, [count, plan.rows, 1, 1], 'bool'),
          ops.constant(plan.colInside, [count, 1, plan.cols, 1], 'bool'),
        )
      : null;
  return {ids, mask};
}

/** A per-location constant `[B*n, 1, 1, 1]`, broadcast over a window. */
const perLocation = (ops: NativeOps, values: Float32Array | Uint8Array, dtype: 'float32' | 'bool') =>
  ops.constant(values, [values.length, 1, 1, 1], dtype);

/** The bilinear samples of one scale's windows `[B*n, h*s, w*s, C]` from their region. */
function weighNeighbours(ops: NativeOps, region: Tensor, plan: ScalePlan, size: [number, number], zero: Tensor) {
  const [count, , , channels] = region.shape;
  const part = (i: number) =>
    ops.slice(region, [0, NEIGHBOUR_STEPS[i][0], NEIGHBOUR_STEPS[i][1], 0], [-1, ...size, -1]);
  const terms: Tensor[] = [];
  NEIGHBOUR_STEPS.forEach((_, i) => {
    const nonZero = plan.nonZero[i];
    if (nonZero === 'unused') return;
    const term = ops.mul(part(i), perLocation(ops, plan.weights![i], 'float32'));
    // A neighbour of weight 0 is left out of the sum (its pixels may not be finite).
    terms.push(nonZero ? ops.select(perLocation(ops, nonZero, 'bool'), term, zero) : term);
  });
  const sum = terms.length
    ? ops.addN(terms)
    : ops.constant(new Float32Array(count * size[0] * size[1] * channels), [count, ...size, channels], 'float32');
  // A whole-pixel corner is its nearest glimpse, bit for bit.
  return plan.wholePixel ? ops.select(perLocation(ops, plan.wholePixel, 'bool'), part(0), sum) : sum;
}

/** Zero padding: each location's region, TensorFlow's window copy at its corner, `[B*n, rows, cols, C]`. */
function windowsOf(ops: NativeOps, images: TensorInfo, plan: ScalePlan, call: SensorCall): Tensor {
  const [batch, n, , , , channels] = call.shape;
  const byLocation = Array.from({length: n}, (_, l) => {
    const corners = new Float32Array(2 * batch);
    for (let b = 0; b < batch; b++) corners.set(plan.corners.subarray(2 * (b * n + l), 2 * (b * n + l) + 2), 2 * b);
    return ops.windowsAt(images, [plan.rows, plan.cols], ops.constant(corners, [batch, 2], 'float32'));
  });
  const region = n === 1 ? byLocation[0] : ops.pack(byLocation, 1);
  return ops.reshape(region, [batch * n, plan.rows, plan.cols, channels]);
}

/** Edge or reflection padding: each location's region gathered by flat pixel indices, `[B*n, rows, cols, C]`. */
function gathered(ops: NativeOps, flat: Tensor, plan: ScalePlan, count: number, zero: Tensor): Tensor {
  const {ids, mask} = regionOf(ops, plan, count);
  const region = ops.gather(flat, ids);
  // Unreachable locations: all padding, zeros.
  return mask ? ops.select(mask, region, zero) : region;
}

/** The sensor's output `[B, n, k, h, w, C]` (`weightsOf` y or x: its slope along that corner axis), natively. */
export function nativeSensor(
  backend: TensorflowBackend,
  images: TensorInfo,
  locations: ArrayLike<number>,
  call: SensorCall,
  weightsOf: WeightsOf,
): TensorInfo {
  const ops = new NativeOps(backend);
  const [batch, n, k, h, w, channels] = call.shape;
  const count = batch * n;
  return tidy(() => {
    const zero = ops.constant(Float32Array.of(0), [], 'float32');
    const zeroPadding = call.attrs.padding === 'zero';
    // Edge and reflection padding gather from the image's pixels, one row each.
    const flat = zeroPadding ? null : ops.reshape(images, [batch * call.imageHeight * call.imageWidth, channels]);
    const scales = Array.from({length: k}, (_, scale) => {
      const s = call.blockSide(scale);
      const plan = planScale(locations, call, scale, weightsOf, !zeroPadding);
      const region = flat ? gathered(ops, flat, plan, count, zero) : windowsOf(ops, images, plan, call);
      const samples = plan.weights ? weighNeighbours(ops, region, plan, [h * s, w * s], zero) : region;
      return s > 1 ? ops.avgPool(samples, s) : samples;
    });
    return ops.reshape(ops.pack(scales, 1), call.shape);
  });
}
