/**
 * Where each glimpse window goes (SPEC "Where the window goes"): TensorFlow computes the
 * corner in C++ `float`, so every step is rounded to float32 (`Math.fround`); a float64
 * computation picks a different pixel for some offsets. Every kernel uses this function,
 * or is tested bit for bit against it.
 */
import type {GlimpseVersion} from './kernel_names';

const f = Math.fround;

/** Beyond this, TF's float -> int64 conversion is out of range (x86 yields INT64_MIN). */
const INT64_LIMIT = 2 ** 63;

export interface WindowParams {
  version: GlimpseVersion;
  centered: boolean;
  normalized: boolean;
  /** Image height and width, glimpse height and width. */
  imageHeight: number;
  imageWidth: number;
  glimpseHeight: number;
  glimpseWidth: number;
}

/** The window's top-left pixel in image coordinates; may lie outside the image. */
export interface WindowCorner {
  y: number;
  x: number;
}

/**
 * The top-left corner of the window for one batch item with offsets `(offsetY, offsetX)`,
 * or `null` when no image pixel can land in it (a coordinate is NaN, infinite or beyond
 * int64 after the float32 arithmetic): the whole glimpse is then noise.
 */
export function windowCorner(offsetY: number, offsetX: number, p: WindowParams): WindowCorner | null {
  const y = placeAxis(offsetY, p.imageHeight, p.glimpseHeight, p);
  const x = placeAxis(offsetX, p.imageWidth, p.glimpseWidth, p);
  if (!(Math.abs(y) < INT64_LIMIT) || !(Math.abs(x) < INT64_LIMIT)) return null;
  // `+ 0` turns trunc's -0 into 0.
  return {y: Math.trunc(y) + 0, x: Math.trunc(x) + 0};
}

/** One axis of SPEC's arithmetic, before truncation: `size` is the image's, `glimpse` the window's. */
function placeAxis(offset: number, size: number, glimpse: number, p: WindowParams): number {
  let v = f(offset);
  const halfSize = f(f(size) / 2);
  if (p.version === 1 || (p.centered && p.normalized)) {
    if (p.normalized) v = f(v * f(size));
    if (p.centered) v = f(f(v / 2) + halfSize);
    return f(v - f(f(glimpse) / 2));
  }
  if (p.normalized) return f(v * f(size));
  if (p.centered) return f(v + halfSize);
  return v;
}

/** Rows (or columns) `[start, end)` of the window that fall inside an image axis of length `size`. */
export function insideSpan(corner: number, glimpse: number, size: number): [number, number] {
  const start = Math.min(glimpse, Math.max(0, -corner));
  const end = Math.max(start, Math.min(glimpse, size - corner));
  return [start, end];
}
