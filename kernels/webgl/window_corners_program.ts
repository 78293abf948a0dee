/**
 * The corners program: each batch item's window corner, computed once per item from the
 * shared geometry (src/window_geometry.ts; kernels/gpu/window_placement.ts in the shader
 * languages), read by the forward and backward programs.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GPGPUProgram, MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import {PLACEMENT_UNIFORMS, type PlacementValues} from '../gpu/uniforms';
import {uniformData, uniformsDecl} from './uniforms';
import {K} from '../gpu/shader_constants';
import {snippetsIn} from '../gpu/shader_snippet';
import {FENCE, PLACE_AXIS} from '../gpu/window_placement';

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

/** `[batch, 2]` window corners from `[batch, 2]` offsets. Uniforms: PLACEMENT_UNIFORMS. */
export class WindowCornersProgram implements GPGPUProgram {
  variableNames = ['Offsets'];
  uniformDecls = PLACEMENT_UNIFORMS;
  customUniforms = uniformsDecl(this.uniformDecls);
  userCode = snippetsIn('glsl', [FENCE, PLACE_AXIS]) + WINDOW_CORNER_GLSL + MAIN;
  outputShape: number[];
  constructor(batch: number) {
    this.outputShape = [batch, 2];
  }
}

/** Runs the corners program (no readback); the caller disposes the result. */
export function windowCorners(offsets: TensorInfo, placement: PlacementValues, backend: MathBackendWebGL): TensorInfo {
  const program = new WindowCornersProgram(offsets.shape[0]);
  return backend.runWebGLProgram(program, [offsets], 'float32', uniformData(program, placement));
}
