import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {PLACEMENT_UNIFORMS, WINDOW_CORNERS_GLSL} from './window_glsl';

/** `[batch, 2]` window corners from `[batch, 2]` offsets (uniforms: `placementUniformValues`). */
export class WindowCornersProgram implements GPGPUProgram {
  variableNames = ['Offsets'];
  customUniforms = PLACEMENT_UNIFORMS;
  userCode = WINDOW_CORNERS_GLSL;
  outputShape: number[];
  constructor(batch: number) {
    this.outputShape = [batch, 2];
  }
}
