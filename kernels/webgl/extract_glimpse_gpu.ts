import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {glimpseShader} from './glimpse_glsl';
import {PLACEMENT_UNIFORMS} from './window_glsl';

/**
 * The forward program: one output position per fragment, copied from the image or drawn
 * as noise. Two variants per shape: zero noise (inputs Image and Corners, from WindowCornersProgram; uniforms
 * `placementUniformValues(...)`), and drawn noise, which adds the statistics inputs and the
 * uniforms `[noiseMode]` (1 uniform, 2 gaussian) and the seed key `[high 16, low 16 bits]`.
 */
export class ExtractGlimpseProgram implements GPGPUProgram {
  variableNames: string[];
  customUniforms: Array<{name: string, type: 'int' | 'ivec2' | 'ivec3' | 'vec2'}>;
  outputShape: number[];
  userCode: string;

  constructor(outputShape: number[], webglVersion: number, drawsNoise: boolean) {
    this.outputShape = outputShape;
    this.userCode = glimpseShader(outputShape, webglVersion, drawsNoise);
    this.variableNames = drawsNoise ?
        ['Image', 'Corners', 'NoiseMin', 'NoiseMax', 'NoiseMean', 'NoiseSigma'] :
        ['Image', 'Corners'];
    this.customUniforms = drawsNoise ?
        [...PLACEMENT_UNIFORMS, {name: 'noiseMode', type: 'int'}, {name: 'seedKey', type: 'ivec2'}] :
        [...PLACEMENT_UNIFORMS];
  }
}
