/**
 * The corners program: each batch item's window corner, computed once per item from the
 * shared geometry (src/window_geometry.ts), read by the forward and backward programs. The
 * JS, GLSL (here) and WGSL (kernels/webgpu) copies of the placement move together.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GPGPUProgram, MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import {PLACEMENT_UNIFORMS} from '../gpu/uniforms';
import {uniformData, uniformsDecl} from './uniforms';
import {K} from '../gpu/shader_constants';

/**
 * A float32 step: a clamp between steps keeps a compiler from fusing a product into the next
 * add (one rounding instead of two), and turns a float32 overflow into a huge value.
 */
export const FENCE_GLSL = `
float fence(float v) { return clamp(v, -${K.fence}, ${K.fence}); }
`;

/**
 * The placement of src/window_geometry.ts, step for step; GLSL ES 3.00 rounds + - *
 * correctly, and halving is `* 0.5`, exact, where TF divides by 2. Shared with the glimpse
 * sensor's corners program, which places each scale's window with the same steps.
 */
export const PLACE_AXIS_GLSL = `
float placeAxis(float offset, float size, float glimpse) {
  float v = offset;
  if (placementScale == 1) v = fence(v * size);
  if (placementCenter == 1) v = fence(fence(v * 0.5) + size * 0.5);
  if (placementCenter == 2) v = fence(v + size * 0.5);
  if (placementSubtract == 1) v = fence(v - glimpse * 0.5);
  return v;
}

float truncTowardZero(float v) { return v >= 0.0 ? floor(v) : -floor(-v); }
`;

/**
 * `windowCorner` returns (found, row, col): found is 0 when no image pixel can land in the
 * window. int() of NaN, Inf or a huge float is undefined in GLSL, so that is decided with
 * float compares first; past 2^24 no window can reach the image (the kernels refuse larger
 * extents), and below it floor() and the later sums are exact.
 */
const WINDOW_CORNER_GLSL = `
vec3 windowCorner(int b) {
  float offsetY = getOffsets(b, 0);
  float offsetX = getOffsets(b, 1);
  if (isnan(offsetY) || isinf(offsetY) || isnan(offsetX) || isinf(offsetX)) return vec3(0.0);
  float y = placeAxis(offsetY, imageHeight, glimpseHeight);
  float x = placeAxis(offsetX, imageWidth, glimpseWidth);
  if (!(abs(y) < ${K.twoPow24} && abs(x) < ${K.twoPow24})) return vec3(0.0);
  return vec3(1.0, truncTowardZero(y), truncTowardZero(x));
}
`;

/** (row, col) per item, or -1e9 (far outside: every row or column it leads to is negative). */
const MAIN = `
void main() {
  ivec2 coords = getOutputCoords();
  vec3 corner = windowCorner(coords[0]);
  setOutput(corner.x == 1.0 ? (coords[1] == 0 ? corner.y : corner.z) : ${K.farOutside});
}
`;

/** Read by the programs that take the corners program's output as their `Corners` input. */
export const CORNER_OF_GLSL = `
vec2 cornerOf(int b) { return vec2(getCorners(b, 0), getCorners(b, 1)); }
`;

/** `[batch, 2]` window corners from `[batch, 2]` offsets. Uniforms: PLACEMENT_UNIFORMS. */
export class WindowCornersProgram implements GPGPUProgram {
  variableNames = ['Offsets'];
  customUniforms = uniformsDecl(PLACEMENT_UNIFORMS);
  userCode = FENCE_GLSL + PLACE_AXIS_GLSL + WINDOW_CORNER_GLSL + MAIN;
  outputShape: number[];
  constructor(batch: number) {
    this.outputShape = [batch, 2];
  }
}

/** Runs the corners program (no readback); the caller disposes the result. */
export function windowCorners(offsets: TensorInfo, placement: number[], backend: MathBackendWebGL): TensorInfo {
  return backend.runWebGLProgram(
    new WindowCornersProgram(offsets.shape[0]),
    [offsets],
    'float32',
    uniformData(placement),
  );
}
