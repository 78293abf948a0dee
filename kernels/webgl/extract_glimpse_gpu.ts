import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {glimpseShader} from './glimpse_glsl';
import {PLACEMENT_UNIFORMS} from './window_glsl';

/**
 * The forward program: one output position per fragment, copied from the image or drawn
 * as noise. Uniform values: `placementUniformValues(...)`, then `[noiseMode]` (0 zero,
 * 1 uniform, 2 gaussian) and the seed key as `[high 16 bits, low 16 bits]`.
 */
export class ExtractGlimpseProgram implements GPGPUProgram {
  variableNames = ['Image', 'Offsets', 'NoiseMin', 'NoiseMax', 'NoiseMean', 'NoiseSigma'];
  customUniforms = [
    ...PLACEMENT_UNIFORMS,
    {name: 'noiseMode', type: 'int' as const},
    {name: 'seedKey', type: 'ivec2' as const},
  ];
  outputShape: number[];
  userCode: string;

  constructor(outputShape: number[], webglVersion: number) {
    this.outputShape = outputShape;
    this.userCode = glimpseShader(outputShape, webglVersion);
  }
}
