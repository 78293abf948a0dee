/**
 * The corners program: each batch item's window corner, computed once per item from the
 * shared geometry (src/window_geometry.ts; kernels/gpu/window_placement.ts in the shader
 * languages), read by the forward and backward programs.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {WebGPUBackend} from '@tensorflow/tfjs-backend-webgpu';
import {PLACEMENT_UNIFORMS, type PlacementValues} from '../gpu/uniforms';
import {FlatProgram} from './flat_program';
import {uniformData, uniformsDecl} from './uniforms';
import {K} from '../gpu/shader_constants';
import {snippetsIn} from '../gpu/shader_snippet';
import {FENCE, PLACE_AXIS} from '../gpu/window_placement';

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

/** `[batch, 2]` window corners from `[batch, 2]` offsets. Uniforms: PLACEMENT_UNIFORMS. */
export class WindowCornersProgram extends FlatProgram {
  variableNames = ['Offsets'];
  uniformDecls = PLACEMENT_UNIFORMS;
  uniforms = uniformsDecl(this.uniformDecls);
  shaderKey = 'extractGlimpseCorners';
  getUserCode(): string {
    return snippetsIn('wgsl', [FENCE, PLACE_AXIS]) + WINDOW_CORNER_WGSL + MAIN;
  }
}

/** Runs the corners program (no readback); the caller disposes the result. */
export function windowCorners(offsets: TensorInfo, placement: PlacementValues, backend: WebGPUBackend): TensorInfo {
  const program = new WindowCornersProgram([offsets.shape[0], 2]);
  return backend.runWebGPUProgram(program, [offsets], 'float32', uniformData(program, placement));
}
