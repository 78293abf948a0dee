import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import {WindowCornersProgram} from './window_corners_gpu';

/** Runs the corners pass on the GPU (no readback); the caller disposes the result. */
export function windowCornersWebGL(
    offsets: TensorInfo, placement: number[][], backend: MathBackendWebGL): TensorInfo {
  return backend.runWebGLProgram(new WindowCornersProgram(offsets.shape[0]), [offsets], 'float32', placement);
}
