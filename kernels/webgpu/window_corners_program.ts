/**
 * The corners program: each batch item's window corner, computed once per item from the
 * shared geometry (src/window_geometry.ts), read by the forward and backward programs. The
 * JS, GLSL (kernels/webgl) and WGSL (here) copies of the placement move together.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {WebGPUBackend} from '@tensorflow/tfjs-backend-webgpu';
import {PLACEMENT_UNIFORMS} from '../gpu/uniforms';
import {FlatProgram} from './flat_program';
import {uniformData, uniformsDecl} from './uniforms';
import {K} from '../gpu/shader_constants';

/**
 * A float32 step: a clamp between steps keeps a compiler from fusing a product into the next
 * add (one rounding instead of two), and turns a float32 overflow into a huge value.
 */
export const FENCE_WGSL = `
fn fence(v : f32) -> f32 { return clamp(v, -${K.fence}, ${K.fence}); }
`;

/**
 * The placement of src/window_geometry.ts, step for step; halving is `* 0.5`, exact, where
 * TF divides by 2. Shared with the glimpse sensor's corners program, which places each
 * scale's window with the same steps.
 */
export const PLACE_AXIS_WGSL = `
fn placeAxis(offset : f32, size : f32, glimpse : f32) -> f32 {
  var v = offset;
  if (uniforms.placementScale == 1) { v = fence(v * size); }
  if (uniforms.placementCenter == 1) { v = fence(fence(v * 0.5) + size * 0.5); }
  if (uniforms.placementCenter == 2) { v = fence(v + size * 0.5); }
  if (uniforms.placementSubtract == 1) { v = fence(v - glimpse * 0.5); }
  return v;
}

fn truncTowardZero(v : f32) -> f32 { return select(-floor(-v), floor(v), v >= 0.0); }
`;

/**
 * `windowCorner` returns (found, row, col): found is 0 when no image pixel can land in the
 * window. Offsets are checked for NaN/Inf first, and past 2^24 no window reaches the image
 * (the kernels refuse larger extents), so later sums are exact.
 */
const WINDOW_CORNER_WGSL = `
fn windowCorner(b : i32) -> vec3<f32> {
  let offsetY = getOffsets(b, 0);
  let offsetX = getOffsets(b, 1);
  if (isnan(offsetY) || isinf(offsetY) || isnan(offsetX) || isinf(offsetX)) { return vec3<f32>(0.0); }
  let y = placeAxis(offsetY, uniforms.imageHeight, uniforms.glimpseHeight);
  let x = placeAxis(offsetX, uniforms.imageWidth, uniforms.glimpseWidth);
  if (!(abs(y) < ${K.twoPow24} && abs(x) < ${K.twoPow24})) { return vec3<f32>(0.0); }
  return vec3<f32>(1.0, truncTowardZero(y), truncTowardZero(x));
}
`;

/** (row, col) per item, or -1e9 (far outside: every row or column it leads to is negative). */
const MAIN = `
fn main(index : i32) {
  if (index < uniforms.size) {
    let coords = getCoordsFromIndex(index);
    let corner = windowCorner(coords[0]);
    setOutputAtIndex(index, select(${K.farOutside}, select(corner.z, corner.y, coords[1] == 0), corner.x == 1.0));
  }
}
`;

/** Read by the programs that take the corners program's output as their `Corners` input. */
export const CORNER_OF_WGSL = `
fn cornerOf(b : i32) -> vec2<f32> { return vec2<f32>(getCorners(b, 0), getCorners(b, 1)); }
`;

/** `[batch, 2]` window corners from `[batch, 2]` offsets. Uniforms: PLACEMENT_UNIFORMS. */
export class WindowCornersProgram extends FlatProgram {
  variableNames = ['Offsets'];
  uniforms = uniformsDecl(PLACEMENT_UNIFORMS);
  shaderKey = 'extractGlimpseCorners';
  getUserCode(): string {
    return FENCE_WGSL + PLACE_AXIS_WGSL + WINDOW_CORNER_WGSL + MAIN;
  }
}

/** Runs the corners program (no readback); the caller disposes the result. */
export function windowCorners(offsets: TensorInfo, placement: number[], backend: WebGPUBackend): TensorInfo {
  return backend.runWebGPUProgram(
    new WindowCornersProgram([offsets.shape[0], 2]),
    [offsets],
    'float32',
    uniformData(PLACEMENT_UNIFORMS, placement),
  );
}
