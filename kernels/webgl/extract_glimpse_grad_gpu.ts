import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {GLIMPSE_GRAD_GLSL} from './glimpse_grad_glsl';
import {PLACEMENT_UNIFORMS} from './window_glsl';

/** Scatters `dy` back onto the image grid (uniforms: `placementUniformValues(...)`). */
export class ExtractGlimpseGradProgram implements GPGPUProgram {
  variableNames = ['Dy', 'Corners'];
  customUniforms = PLACEMENT_UNIFORMS;
  userCode = GLIMPSE_GRAD_GLSL;
  constructor(public outputShape: number[]) {}
}
