/**
 * The glimpse sensor's corners program: the window corner of every (image, location, scale),
 * placed as ExtractGlimpseV2 places a window of that scale's size (docs/semantics.md, "The
 * glimpse sensor"), computed once and read by the forward and backward programs. The JS
 * (src/window_geometry.ts), GLSL (kernels/webgl) and WGSL (here) copies move together.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {WebGPUBackend} from '@tensorflow/tfjs-backend-webgpu';
import {SENSOR_UNIFORMS} from '../gpu/sensor_uniforms';
import {FlatProgram} from './flat_program';
import {FENCE_WGSL, PLACE_AXIS_WGSL} from './window_corners_program';
import {uniformData, uniformsDecl} from './uniforms';
import {K} from '../gpu/shader_constants';

/**
 * scaleFactor^scale. A non-empty call has a window side of at least 1, at most 2^24 pixels,
 * so a factor of 2 or more allows at most 24 scales past the first; a factor of 1 gives 1.
 */
export const BLOCK_SIDE_WGSL = `
fn blockSide(scale : i32) -> i32 {
  var s = 1;
  for (var i = 0; i < 24; i++) {
    if (i >= scale) { break; }
    s *= uniforms.scaleFactor;
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
const SENSOR_CORNER_WGSL = `
fn splitFloor(v : f32) -> vec2<f32> {
  let floorV = floor(v);
  let fraction = v - floorV;
  return select(vec2<f32>(floorV, fraction), vec2<f32>(floorV + 1.0, 0.0), fraction >= 1.0);
}

fn sensorCorner(b : i32, l : i32, scale : i32) -> vec4<f32> {
  let none = vec4<f32>(${K.farOutside}, ${K.farOutside}, 0.0, 0.0);
  let locationY = getLocations(b, l, 0);
  let locationX = getLocations(b, l, 1);
  if (isnan(locationY) || isinf(locationY) || isnan(locationX) || isinf(locationX)) { return none; }
  let s = f32(blockSide(scale));
  let y = placeAxis(locationY, uniforms.imageHeight, uniforms.glimpseHeight * s);
  let x = placeAxis(locationX, uniforms.imageWidth, uniforms.glimpseWidth * s);
  if (!(abs(y) < ${K.int64Limit} && abs(x) < ${K.int64Limit})) { return none; }
  let far = 33554432.0;
  if (uniforms.bilinear == 1) {
    let yFloor = splitFloor(y);
    let xFloor = splitFloor(x);
    return vec4<f32>(clamp(yFloor.x, -far, far), clamp(xFloor.x, -far, far), yFloor.y, xFloor.y);
  }
  return vec4<f32>(clamp(truncTowardZero(y), -far, far), clamp(truncTowardZero(x), -far, far), 0.0, 0.0);
}
`;

/** (row, col, fy, fx) per item. */
const MAIN = `
fn main(index : i32) {
  if (index < uniforms.size) {
    let coords = getCoordsFromIndex(index);
    let corner = sensorCorner(coords[0], coords[1], coords[2]);
    setOutputAtIndex(index, corner[coords[3]]);
  }
}
`;

/**
 * Read by the programs that take the corners program's output as their `Corners` input:
 * `found` is whether any image pixel can land in the window (not the -1e9 sentinel);
 * `neighbourWeights` is src/bilinear.ts's, `which` 0 value, 1 d/dy, 2 d/dx.
 */
export const SENSOR_CORNER_OF_WGSL = `
fn cornerOf(b : i32, l : i32, scale : i32) -> vec2<f32> {
  return vec2<f32>(getCorners(b, l, scale, 0), getCorners(b, l, scale, 1));
}

fn fractionOf(b : i32, l : i32, scale : i32) -> vec2<f32> {
  return vec2<f32>(getCorners(b, l, scale, 2), getCorners(b, l, scale, 3));
}

fn found(corner : vec2<f32>) -> bool { return corner.x > -1.0e8; }

fn neighbourWeights(fy : f32, fx : f32, which : i32) -> vec4<f32> {
  if (which == 1) { return vec4<f32>(-(1.0 - fx), -fx, 1.0 - fx, fx); }
  if (which == 2) { return vec4<f32>(-(1.0 - fy), 1.0 - fy, -fy, fy); }
  return vec4<f32>((1.0 - fy) * (1.0 - fx), (1.0 - fy) * fx, fy * (1.0 - fx), fy * fx);
}
`;

/** `[batch, n, k, 4]` window corners and fractions from `[batch, n, 2]` locations. Uniforms: SENSOR_UNIFORMS. */
export class SensorCornersProgram extends FlatProgram {
  variableNames = ['Locations'];
  uniforms = uniformsDecl(SENSOR_UNIFORMS);
  shaderKey = 'glimpseSensorCorners';
  getUserCode(): string {
    return FENCE_WGSL + PLACE_AXIS_WGSL + BLOCK_SIDE_WGSL + SENSOR_CORNER_WGSL + MAIN;
  }
}

/** Runs the corners program (no readback); the caller disposes the result. */
export function sensorCorners(
  locations: TensorInfo,
  scales: number,
  values: number[],
  backend: WebGPUBackend,
): TensorInfo {
  const [batch, n] = locations.shape;
  return backend.runWebGPUProgram(
    new SensorCornersProgram([batch, n, scales, 4]),
    [locations],
    'float32',
    uniformData(SENSOR_UNIFORMS, values),
  );
}
