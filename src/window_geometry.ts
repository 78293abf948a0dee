/**
 * Where each glimpse window goes (docs/semantics.md, "Where the window goes"): TensorFlow computes the
 * corner in C++ `float`, so every step is rounded to float32 (`Math.fround`); a float64
 * computation picks a different pixel for some offsets. Every kernel uses this function,
 * or is tested bit for bit against it.
 */
import type {GlimpseVersion} from './kernel_names';

const f = Math.fround;

/** Beyond this, TF's float -> int64 conversion is out of range (x86 yields INT64_MIN). */
export const INT64_LIMIT = 2 ** 63;

/** What places a window: the op's version and flags, and the image and glimpse sizes. */
export interface WindowParams {
  /** Whose placement: ExtractGlimpse (1) or ExtractGlimpseV2 (2). */
  version: GlimpseVersion;
  /** Offsets are from the image centre. */
  centered: boolean;
  /** Offsets are fractions of the image size. */
  normalized: boolean;
  /** The image's height. */
  imageHeight: number;
  /** The image's width. */
  imageWidth: number;
  /** The glimpse's height. */
  glimpseHeight: number;
  /** The glimpse's width. */
  glimpseWidth: number;
}

/** The window's top-left pixel in image coordinates; may lie outside the image. */
export interface WindowCorner {
  /** The row. */
  y: number;
  /** The column. */
  x: number;
}

/**
 * The window's corner before truncation, `[y, x]` as TF's float32 arithmetic leaves it, or
 * `null` when no image pixel can land in the window (a coordinate is NaN, infinite or
 * beyond int64).
 */
function unroundedCorner(offsetY: number, offsetX: number, p: WindowParams): [number, number] | null {
  const steps = placementSteps(p);
  const y = placeAxis(offsetY, p.imageHeight, p.glimpseHeight, steps);
  const x = placeAxis(offsetX, p.imageWidth, p.glimpseWidth, steps);
  return Math.abs(y) < INT64_LIMIT && Math.abs(x) < INT64_LIMIT ? [y, x] : null;
}

/**
 * The top-left corner of the window for one batch item with offsets `(offsetY, offsetX)`,
 * or `null` when no image pixel can land in it (a coordinate is NaN, infinite or beyond
 * int64 after the float32 arithmetic): the whole glimpse is then noise.
 */
export function windowCorner(offsetY: number, offsetX: number, p: WindowParams): WindowCorner | null {
  const corner = unroundedCorner(offsetY, offsetX, p);
  if (!corner) return null;
  // `+ 0` turns trunc's -0 into 0.
  return {y: Math.trunc(corner[0]) + 0, x: Math.trunc(corner[1]) + 0};
}

/**
 * The window's corner before truncation, for bilinear sampling (docs/semantics.md, "Bilinear
 * glimpses"): `y` and `x` its floor, `fy` and `fx` the fractions left (exact in float64; GPUs
 * round them to float32). `null` where `windowCorner` gives `null`. An integer corner has
 * fractions 0 and the same `y`, `x` as `windowCorner`.
 */
export interface SubpixelCorner {
  /** The corner's row, floored. */
  y: number;
  /** The corner's column, floored. */
  x: number;
  /** The row's fraction, in [0, 1). */
  fy: number;
  /** The column's fraction, in [0, 1). */
  fx: number;
}

/** The window's unrounded corner for an offset `(offsetY, offsetX)`: see SubpixelCorner. */
export function subpixelCorner(offsetY: number, offsetX: number, p: WindowParams): SubpixelCorner | null {
  const corner = unroundedCorner(offsetY, offsetX, p);
  if (!corner) return null;
  const y = floorPart(corner[0]);
  const x = floorPart(corner[1]);
  return {y, x, fy: fractionPart(corner[0], y), fx: fractionPart(corner[1], x)};
}

/** The floor; a fraction that rounds to 1 (a tiny negative corner) makes it the next pixel (fraction 0). */
function floorPart(v: number): number {
  const floor = Math.floor(v);
  return v - floor === 1 ? floor + 1 : floor + 0;
}

/** `v - floor`, 0 (never -0) where floorPart moved to the next pixel. */
function fractionPart(v: number, floor: number): number {
  const fraction = v - floor;
  return fraction <= 0 ? 0 : fraction;
}

/**
 * d corner / d offset per axis, `[y, x]`: the placement is linear in the offset, times the
 * image size when normalized and halved when it centres by halving (its float32 rounding aside).
 */
export function placementSlope(p: WindowParams): [number, number] {
  const steps = placementSteps(p);
  const halve = steps.center === 'halve' ? 0.5 : 1;
  return [(steps.scale ? p.imageHeight : 1) * halve, (steps.scale ? p.imageWidth : 1) * halve];
}

/**
 * The placement arithmetic as steps, so GPU kernels can run the same recipe from uniforms:
 * `scale` multiplies by the image size (normalized offsets); `center` is 'halve'
 * (x/2 + S/2: V1, or V2 centered and normalized), 'add' (x + S/2: V2 centered pixels) or
 * 'none'; `subtractHalfWindow` subtracts half the glimpse (V1 always, V2 when both flags).
 */
export interface PlacementSteps {
  /** Multiply by the image size (normalized offsets). */
  scale: boolean;
  /** Move the origin to the image centre: `halve` (x/2 + S/2), `add` (x + S/2), or not. */
  center: 'none' | 'halve' | 'add';
  /** Subtract half the glimpse size. */
  subtractHalfWindow: boolean;
}

/** The placement steps of one op version and its flags. */
export function placementSteps(p: Pick<WindowParams, 'version' | 'centered' | 'normalized'>): PlacementSteps {
  if (p.version === 1 || (p.centered && p.normalized)) {
    return {scale: p.normalized, center: p.centered ? 'halve' : 'none', subtractHalfWindow: true};
  }
  return {scale: p.normalized, center: p.centered ? 'add' : 'none', subtractHalfWindow: false};
}

/** One axis, before truncation: `size` is the image's, `glimpse` the window's. */
function placeAxis(offset: number, size: number, glimpse: number, steps: PlacementSteps): number {
  let v = f(offset);
  if (steps.scale) v = f(v * f(size));
  if (steps.center === 'halve') v = f(f(v / 2) + f(f(size) / 2));
  if (steps.center === 'add') v = f(v + f(f(size) / 2));
  if (steps.subtractHalfWindow) v = f(v - f(f(glimpse) / 2));
  return v;
}

/** Rows (or columns) `[start, end)` of the window that fall inside an image axis of length `size`. */
export function insideSpan(corner: number, glimpse: number, size: number): [number, number] {
  const start = Math.min(glimpse, Math.max(0, -corner));
  const end = Math.max(start, Math.min(glimpse, size - corner));
  return [start, end];
}

/** Whether every item's window lies wholly inside its image, so that no position gets noise. */
export function everyWindowInside(offsets: ArrayLike<number>, p: WindowParams, batch: number): boolean {
  for (let b = 0; b < batch; b++) {
    const corner = windowCorner(offsets[2 * b], offsets[2 * b + 1], p);
    if (!corner) return false;
    const [r0, r1] = insideSpan(corner.y, p.glimpseHeight, p.imageHeight);
    const [c0, c1] = insideSpan(corner.x, p.glimpseWidth, p.imageWidth);
    if (r0 !== 0 || r1 !== p.glimpseHeight || c0 !== 0 || c1 !== p.glimpseWidth) return false;
  }
  return true;
}
