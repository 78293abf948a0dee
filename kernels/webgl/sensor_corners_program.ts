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
 * (found, row, col) as src/window_geometry.ts `windowCorner`: not found for NaN, infinite or
 * past int64 (a fenced overflow lands there too). A found corner far outside is clamped to
 * +-2^25: windows and images are at most 2^24 pixels a side, so every window row maps to the
 * same side of the image (edge padding clamps it to the same pixel), and int sums stay exact.
 */
const SENSOR_CORNER_GLSL = `
vec3 sensorCorner(int b, int l, int scale) {
  float locationY = getLocations(b, l, 0);
  float locationX = getLocations(b, l, 1);
  if (isnan(locationY) || isinf(locationY) || isnan(locationX) || isinf(locationX)) return vec3(0.0);
  float s = float(blockSide(scale));
  float y = placeAxis(locationY, imageHeight, glimpseHeight * s);
  float x = placeAxis(locationX, imageWidth, glimpseWidth * s);
  if (!(abs(y) < 9.223372036854775808e18 && abs(x) < 9.223372036854775808e18)) return vec3(0.0);
  float far = 33554432.0;
  return vec3(1.0, clamp(truncTowardZero(y), -far, far), clamp(truncTowardZero(x), -far, far));
}
`;

/** (row, col) per item, or -1e9 when not found (below any clamped corner). */
const MAIN = `
void main() {
  ivec4 coords = getOutputCoords();
  vec3 corner = sensorCorner(coords[0], coords[1], coords[2]);
  setOutput(corner.x == 1.0 ? (coords[3] == 0 ? corner.y : corner.z) : -1.0e9);
}
`;

/**
 * Read by the programs that take the corners program's output as their `Corners` input:
 * `found` is whether any image pixel can land in the window (not the -1e9 sentinel).
 */
export const SENSOR_CORNER_OF_GLSL = `
vec2 cornerOf(int b, int l, int scale) { return vec2(getCorners(b, l, scale, 0), getCorners(b, l, scale, 1)); }

bool found(vec2 corner) { return corner.x > -1.0e8; }
`;

/** `[batch, n, k, 2]` window corners from `[batch, n, 2]` locations. Uniforms: SENSOR_UNIFORMS. */
export class SensorCornersProgram implements GPGPUProgram {
  variableNames = ['Locations'];
  customUniforms = uniformsDecl(SENSOR_UNIFORMS);
  userCode = FENCE_GLSL + PLACE_AXIS_GLSL + BLOCK_SIDE_GLSL + SENSOR_CORNER_GLSL + MAIN;
  outputShape: number[];
  constructor(batch: number, locations: number, scales: number) {
    this.outputShape = [batch, locations, scales, 2];
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
