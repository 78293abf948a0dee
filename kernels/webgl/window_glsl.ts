/**
 * GLSL of the shared window geometry (src/window_geometry.ts): a tiny program computes each
 * item's window corner once, and the forward and backward programs read it. Uniforms:
 * `placement` (ivec3), `imageSize` and `glimpseSize` (vec2, height first).
 */

/**
 * The window placement of src/window_geometry.ts, step for step. GLSL ES 3.00 rounds
 * `+ - *` correctly but lets a compiler fuse `a * b + c` into one rounding: `fence`
 * (a clamp) sits between steps so no product feeds an add directly. Halving is `* 0.5`,
 * exact, where TF divides by 2. Offsets are checked for NaN/Inf before, so the clamp only
 * turns a float32 overflow into a huge value (which lands outside, as Inf does in TF).
 */
const PLACE_AXIS = `
float fence(float v) { return clamp(v, -3.0e38, 3.0e38); }

float placeAxis(float offset, float size, float glimpse) {
  float v = offset;
  if (placement.x == 1) v = fence(v * size);
  if (placement.y == 1) v = fence(fence(v * 0.5) + size * 0.5);
  if (placement.y == 2) v = fence(v + size * 0.5);
  if (placement.z == 1) v = fence(v - glimpse * 0.5);
  return v;
}

float truncTowardZero(float v) { return v >= 0.0 ? floor(v) : -floor(-v); }
`;

/**
 * The window's top-left corner for batch item `b` as whole-pixel floats, or false when no
 * image pixel can land in it. int() of NaN, Inf or a huge float is undefined in GLSL, so
 * "outside" is decided with float compares first. Past 2^24 no window can reach the image
 * (the kernels refuse larger extents), and below it floor() and the later sums are exact.
 */
const WINDOW_CORNER = `
bool windowCorner(int b, out vec2 corner) {
  float offsetY = getOffsets(b, 0);
  float offsetX = getOffsets(b, 1);
  if (isnan(offsetY) || isinf(offsetY) || isnan(offsetX) || isinf(offsetX)) return false;
  float y = placeAxis(offsetY, imageSize.x, glimpseSize.x);
  float x = placeAxis(offsetX, imageSize.y, glimpseSize.y);
  if (!(abs(y) < 16777216.0 && abs(x) < 16777216.0)) return false;
  corner = vec2(truncTowardZero(y), truncTowardZero(x));
  return true;
}
`;

/**
 * The corners program: one batch item's (row, col) corner per output pair, or -1e9 (far
 * outside, exact enough: every row or column it leads to is negative) when no pixel lands.
 * Each window's placement is computed once here, not once per output pixel.
 */
const CORNERS_MAIN = `
void main() {
  ivec2 coords = getOutputCoords();
  vec2 corner;
  if (windowCorner(coords[0], corner)) {
    setOutput(coords[1] == 0 ? corner.x : corner.y);
  } else {
    setOutput(-1.0e9);
  }
}
`;

export const WINDOW_CORNERS_GLSL = PLACE_AXIS + WINDOW_CORNER + CORNERS_MAIN;

/** For the programs that read the corners program's output as their `Corners` input. */
export const FETCH_CORNER_GLSL = `
vec2 windowCornerOf(int b) { return vec2(getCorners(b, 0), getCorners(b, 1)); }
`;

/** Uniform declarations of the geometry, in the order of `placementUniformValues`. */
export const PLACEMENT_UNIFORMS = [
  {name: 'placement', type: 'ivec3' as const},
  {name: 'imageSize', type: 'vec2' as const},
  {name: 'glimpseSize', type: 'vec2' as const},
];
