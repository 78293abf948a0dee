/**
 * The glimpse sensor's corners program: the window corner of every (image, location, scale),
 * placed as ExtractGlimpseV2 places a window of that scale's size (docs/semantics.md, "The
 * glimpse sensor"), computed once and read by the forward and backward programs. The JS
 * (src/window_geometry.ts), GLSL (here) and WGSL (kernels/webgpu) copies move together.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GPGPUProgram, MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import {SENSOR_UNIFORMS} from '../gpu/sensor_uniforms';
import {FENCE_GLSL, PLACE_AXIS_GLSL} from './window_corners_program';
import {uniformData, uniformsDecl} from './uniforms';
import {K} from '../gpu/shader_constants';

/**
 * scaleFactor^scale. A non-empty call has a window side of at least 1, at most 2^24 pixels,
 * so a factor of 2 or more allows at most 24 scales past the first; a factor of 1 gives 1.
 */
export const BLOCK_SIDE_GLSL = `
int blockSide(int scale) {
  int s = 1;
  for (int i = 0; i < 24; i++) {
    if (i >= scale) break;
    s *= scaleFactor;
  }
  return s;
}
`;

/**
 * (row, col, fy, fx) as src/window_geometry.ts `windowCorner` (nearest: fractions 0) or
 * `subpixelCorner` (bilinear: the floor and the fractions); row and col -1e9 (below any
 * clamped corner) for NaN, infinite or past int64 (a fenced overflow lands there too). A found
 * corner far outside is clamped to +-2^25: windows and images are at most 2^24 pixels a side,
 * so every window row maps to the same side of the image (edge padding clamps it to the same
 * pixel), and int sums stay exact.
 */
const SENSOR_CORNER_GLSL = `
vec2 splitFloor(float v) {
  float floorV = floor(v);
  float fraction = v - floorV;
  return fraction >= 1.0 ? vec2(floorV + 1.0, 0.0) : vec2(floorV, fraction);
}

vec4 sensorCorner(int b, int l, int scale) {
  vec4 none = vec4(${K.farOutside}, ${K.farOutside}, 0.0, 0.0);
  float locationY = getLocations(b, l, 0);
  float locationX = getLocations(b, l, 1);
  if (isnan(locationY) || isinf(locationY) || isnan(locationX) || isinf(locationX)) return none;
  float s = float(blockSide(scale));
  float y = placeAxis(locationY, imageHeight, glimpseHeight * s);
  float x = placeAxis(locationX, imageWidth, glimpseWidth * s);
  if (!(abs(y) < ${K.int64Limit} && abs(x) < ${K.int64Limit})) return none;
  float far = 33554432.0;
  if (bilinear == 1) {
    vec2 yFloor = splitFloor(y);
    vec2 xFloor = splitFloor(x);
    return vec4(clamp(yFloor.x, -far, far), clamp(xFloor.x, -far, far), yFloor.y, xFloor.y);
  }
  return vec4(clamp(truncTowardZero(y), -far, far), clamp(truncTowardZero(x), -far, far), 0.0, 0.0);
}
`;

/** (row, col, fy, fx) per item. */
const MAIN = `
void main() {
  ivec4 coords = getOutputCoords();
  vec4 corner = sensorCorner(coords[0], coords[1], coords[2]);
  int i = coords[3];
  setOutput(i == 0 ? corner.x : (i == 1 ? corner.y : (i == 2 ? corner.z : corner.w)));
}
`;

/**
 * Read by the programs that take the corners program's output as their `Corners` input:
 * `found` is whether any image pixel can land in the window (not the -1e9 sentinel);
 * `neighbourWeights` is src/bilinear.ts's, `which` 0 value, 1 d/dy, 2 d/dx.
 */
export const SENSOR_CORNER_OF_GLSL = `
vec2 cornerOf(int b, int l, int scale) { return vec2(getCorners(b, l, scale, 0), getCorners(b, l, scale, 1)); }

vec2 fractionOf(int b, int l, int scale) { return vec2(getCorners(b, l, scale, 2), getCorners(b, l, scale, 3)); }

bool found(vec2 corner) { return corner.x > -1.0e8; }

vec4 neighbourWeights(float fy, float fx, int which) {
  if (which == 1) return vec4(-(1.0 - fx), -fx, 1.0 - fx, fx);
  if (which == 2) return vec4(-(1.0 - fy), 1.0 - fy, -fy, fy);
  return vec4((1.0 - fy) * (1.0 - fx), (1.0 - fy) * fx, fy * (1.0 - fx), fy * fx);
}
`;

/** `[batch, n, k, 4]` window corners and fractions from `[batch, n, 2]` locations. Uniforms: SENSOR_UNIFORMS. */
export class SensorCornersProgram implements GPGPUProgram {
  variableNames = ['Locations'];
  customUniforms = uniformsDecl(SENSOR_UNIFORMS);
  userCode = FENCE_GLSL + PLACE_AXIS_GLSL + BLOCK_SIDE_GLSL + SENSOR_CORNER_GLSL + MAIN;
  outputShape: number[];
  constructor(batch: number, locations: number, scales: number) {
    this.outputShape = [batch, locations, scales, 4];
  }
}

/** Runs the corners program (no readback); the caller disposes the result. */
export function sensorCorners(
  locations: TensorInfo,
  scales: number,
  values: number[],
  backend: MathBackendWebGL,
): TensorInfo {
  const [batch, n] = locations.shape;
  return backend.runWebGLProgram(
    new SensorCornersProgram(batch, n, scales),
    [locations],
    'float32',
    uniformData(values),
  );
}
