/**
 * WGSL of the shared window geometry (src/window_geometry.ts), run once per item by the
 * corners program, whose output the forward and backward programs read; the same recipe
 * as kernels/webgl/window_glsl.ts. Uniform fields used:
 * placementScale, placementCenter (0 none, 1 halve, 2 add), placementSubtract (i32), an
 * `Offsets` input, and the prelude's isnan/isinf.
 *
 * `fence` (a clamp) sits between steps so no product feeds an add that a compiler could
 * fuse into one rounding; halving is `* 0.5`, exact. Offsets are checked for NaN/Inf
 * first, and past 2^24 no window reaches the image (the kernels refuse larger extents),
 * so i32() below only sees small whole numbers.
 */
export const WINDOW_WGSL = `
fn fence(v : f32) -> f32 { return clamp(v, -3.0e38, 3.0e38); }

fn placeAxis(offset : f32, size : f32, glimpse : f32) -> f32 {
  var v = offset;
  if (uniforms.placementScale == 1) { v = fence(v * size); }
  if (uniforms.placementCenter == 1) { v = fence(fence(v * 0.5) + size * 0.5); }
  if (uniforms.placementCenter == 2) { v = fence(v + size * 0.5); }
  if (uniforms.placementSubtract == 1) { v = fence(v - glimpse * 0.5); }
  return v;
}

fn truncTowardZero(v : f32) -> f32 { return select(-floor(-v), floor(v), v >= 0.0); }

// (1, row, col) of the window's top-left corner for batch item b, or (0, 0, 0) when no
// image pixel can land in it.
fn windowCorner(b : i32, imageH : f32, imageW : f32, glimpseH : f32, glimpseW : f32) -> vec3<f32> {
  let offsetY = getOffsets(b, 0);
  let offsetX = getOffsets(b, 1);
  if (isnan(offsetY) || isinf(offsetY) || isnan(offsetX) || isinf(offsetX)) {
    return vec3<f32>(0.0, 0.0, 0.0);
  }
  let y = placeAxis(offsetY, imageH, glimpseH);
  let x = placeAxis(offsetX, imageW, glimpseW);
  if (!(abs(y) < 16777216.0 && abs(x) < 16777216.0)) { return vec3<f32>(0.0, 0.0, 0.0); }
  return vec3<f32>(1.0, truncTowardZero(y), truncTowardZero(x));
}
`;

/**
 * The corners program: (row, col) of each item's window corner, or -1e9 (far outside:
 * every row or column it leads to is negative) when no pixel lands. Each window's
 * placement is computed once here, not once per output element.
 */
export const WINDOW_CORNERS_WGSL = WINDOW_WGSL + `
fn main(index : i32) {
  if (index < uniforms.size) {
    let coords = getCoordsFromIndex(index);
    let corner = windowCorner(coords[0], uniforms.imageHeight, uniforms.imageWidth,
                              uniforms.glimpseHeight, uniforms.glimpseWidth);
    var v = -1.0e9;
    if (corner.x == 1.0) { v = select(corner.z, corner.y, coords[1] == 0); }
    setOutputAtIndex(index, v);
  }
}
`;

/** Uniform fields of the corners program, in the order the kernels pass them. */
export const PLACEMENT_WGSL_UNIFORMS =
    'placementScale : i32, placementCenter : i32, placementSubtract : i32, ' +
    'imageHeight : f32, imageWidth : f32, glimpseHeight : f32, glimpseWidth : f32,';
