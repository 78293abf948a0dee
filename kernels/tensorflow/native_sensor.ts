/**
 * The glimpse sensor as TensorFlow's own ops (docs/semantics.md, "The glimpse sensor" and
 * "Bilinear glimpses"): the windows are placed in JS from the locations (the shared geometry,
 * a few numbers per location) and the pixels never leave TensorFlow. A scale's window is one
 * gather of the image's pixels by flat index, a row index plus a column index, each clamped
 * into the image (so edge padding is the gather itself); zero padding then selects 0 outside
 * the inside rows and columns, and AvgPool takes the block means. A bilinear window gathers
 * one more row and column and weighs its four whole-pixel neighbours, slices of that region.
 * The backward pass spreads dy the same way: AvgPoolGrad, then a segment sum by the same
 * flat indices. Sums are TensorFlow's float32 ones, within the bounds docs/semantics.md gives
 * for float32 backends.
 */
import {tidy, type Tensor, type TensorInfo} from '@tensorflow/tfjs-core';
import {NEIGHBOUR_STEPS, neighbourWeights, type WeightsOf} from '../../src/bilinear';
import type {SensorCall} from '../../src/sensor_prelude';
import {subpixelCorner, windowCorner} from '../../src/window_geometry';
import type {TensorflowBackend} from './backend';
import {NativeOps} from './native_ops';

/** Flat pixel indices must fit in int32. */
const MAX_PIXELS = 2 ** 31 - 1;

/** Whether the native sensor can run this call: float32 zero or edge padding, indices in int32. */
export function nativeSensorFits(call: SensorCall, imagesDtype: string, forGradient = false): boolean {
  const [batch] = call.shape;
  const {padding} = call.attrs;
  const paddingFits = forGradient || padding === 'zero' || padding === 'edge';
  return paddingFits && imagesDtype === 'float32' && batch * call.imageHeight * call.imageWidth <= MAX_PIXELS;
}

/** One scale's windows, placed: the region each gathers and, for bilinear, the neighbours' weights. */
interface ScalePlan {
  /** The region's rows and columns: the window's, plus one of each for bilinear. */
  rows: number;
  cols: number;
  /** `[B*n, rows]`: b*H*W + row*W, the row clamped into the image; `[B*n, cols]`: the column, clamped. */
  rowIds: Int32Array;
  colIds: Int32Array;
  /** 1 where the row (column) is inside the image and the location reachable; null when all are. */
  rowInside: Uint8Array | null;
  colInside: Uint8Array | null;
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
  edge: boolean,
): boolean {
  let all = true;
  for (let i = 0; i < count; i++) {
    const p = corner === null ? 0 : corner + i;
    const within = corner !== null && (edge || (p >= 0 && p < size));
    ids[at + i] = base + Math.min(size - 1, Math.max(0, p)) * stride;
    inside[at + i] = within ? 1 : 0;
    all &&= within;
  }
  return all;
}

function planScale(locations: ArrayLike<number>, call: SensorCall, scale: number, of: WeightsOf): ScalePlan {
  const [batch, n, , h, w] = call.shape;
  const {imageHeight: height, imageWidth: width} = call;
  const s = call.blockSide(scale);
  const params = call.windowParams(scale);
  const bilinear = call.attrs.interpolation === 'bilinear';
  const edge = call.attrs.padding === 'edge';
  const [rows, cols] = bilinear ? [h * s + 1, w * s + 1] : [h * s, w * s];
  const count = batch * n;
  const rowIds = new Int32Array(count * rows);
  const colIds = new Int32Array(count * cols);
  const rowInside = new Uint8Array(count * rows);
  const colInside = new Uint8Array(count * cols);
  const weights = bilinear ? NEIGHBOUR_STEPS.map(() => new Float32Array(count)) : null;
  const wholePixel = new Uint8Array(count);
  let allInside = true;
  let anyWhole = false;
  for (let j = 0; j < count; j++) {
    const b = Math.floor(j / n);
    const [ly, lx] = [locations[2 * j], locations[2 * j + 1]];
    const sub = bilinear ? subpixelCorner(ly, lx, params) : null;
    const corner = bilinear ? sub : windowCorner(ly, lx, params);
    const inRows = placeAxis(
      rowIds,
      rowInside,
      j * rows,
      rows,
      corner && corner.y,
      height,
      b * height * width,
      width,
      edge,
    );
    const inCols = placeAxis(colIds, colInside, j * cols, cols, corner && corner.x, width, 0, 1, edge);
    allInside &&= inRows && inCols;
    if (!weights) continue;
    // An unreachable window is all padding, and does not move.
    const unreachable = of === 'value' ? [1, 0, 0, 0] : [0, 0, 0, 0];
    const wts = sub ? neighbourWeights(sub.fy, sub.fx, of) : unreachable;
    wts.forEach((v, i) => (weights[i][j] = v));
    if (of === 'value' && sub && sub.fy === 0 && sub.fx === 0) {
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

/** The sensor's output `[B, n, k, h, w, C]` (`of` y or x: its slope along that corner axis), natively. */
export function nativeSensor(
  backend: TensorflowBackend,
  images: TensorInfo,
  locations: ArrayLike<number>,
  call: SensorCall,
  of: WeightsOf,
): TensorInfo {
  const ops = new NativeOps(backend);
  const [batch, n, k, h, w, channels] = call.shape;
  const count = batch * n;
  return tidy(() => {
    const flat = ops.reshape(images, [batch * call.imageHeight * call.imageWidth, channels]);
    const zero = ops.constant(Float32Array.of(0), [], 'float32');
    const scales = Array.from({length: k}, (_, scale) => {
      const s = call.blockSide(scale);
      const plan = planScale(locations, call, scale, of);
      const {ids, mask} = regionOf(ops, plan, count);
      let region = ops.gather(flat, ids);
      if (mask) region = ops.select(mask, region, zero);
      const samples = plan.weights ? weighNeighbours(ops, region, plan, [h * s, w * s], zero) : region;
      return s > 1 ? ops.avgPool(samples, s) : samples;
    });
    return ops.reshape(ops.pack(scales, 1), call.shape);
  });
}

/** d images of the sensor: each output's dy spread over the pixels it read (zero and noise padding: inside ones). */
export function nativeSensorGrad(
  backend: TensorflowBackend,
  dy: TensorInfo,
  locations: ArrayLike<number>,
  call: SensorCall,
): TensorInfo {
  const ops = new NativeOps(backend);
  const [batch, n, k, h, w, channels] = call.shape;
  const {imageHeight: height, imageWidth: width} = call;
  const count = batch * n;
  return tidy(() => {
    const zero = ops.constant(Float32Array.of(0), [], 'float32');
    const byLocation = ops.reshape(dy, [count, k, h, w, channels]);
    const ids: Tensor[] = [];
    const values: Tensor[] = [];
    for (let scale = 0; scale < k; scale++) {
      const s = call.blockSide(scale);
      const size: [number, number] = [h * s, w * s];
      const plan = planScale(locations, call, scale, 'value');
      const region = regionOf(ops, plan, count);
      const dyScale = ops.reshape(ops.slice(byLocation, [0, scale, 0, 0, 0], [-1, 1, -1, -1, -1]), [
        count,
        h,
        w,
        channels,
      ]);
      const spread = s > 1 ? ops.avgPoolGrad([count, ...size, channels], dyScale, s) : dyScale;
      NEIGHBOUR_STEPS.forEach(([sy, sx], i) => {
        if (plan.weights ? plan.nonZero[i] === 'unused' : i > 0) return;
        const take = (x: Tensor, last: number[]) =>
          plan.weights ? ops.slice(x, [0, sy, sx, ...last.map(() => 0)], [-1, ...size, ...last.map(() => -1)]) : x;
        let part = plan.weights ? ops.mul(spread, perLocation(ops, plan.weights[i], 'float32')) : spread;
        if (region.mask) part = ops.select(take(region.mask, [0]), part, zero);
        ids.push(ops.reshape(take(region.ids, []), [-1]));
        values.push(ops.reshape(part, [-1, channels]));
      });
    }
    const sums = ops.segmentSum(ops.concat(values, 0), ops.concat(ids, 0), batch * height * width);
    return ops.reshape(sums, [batch, height, width, channels]);
  });
}
