import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {glimpseShader} from './glimpse_glsl';

/** Uniform values, in the order of `customUniforms`. */
export interface GlimpseUniforms {
  /** [scale, center (0 none, 1 halve, 2 add), subtractHalfWindow] as in placementSteps. */
  placement: [number, number, number];
  imageSize: [number, number];
  glimpseSize: [number, number];
  /** 0 zero, 1 uniform, 2 gaussian. */
  noiseMode: number;
  /** The 32-bit seed key as [high 16 bits, low 16 bits]. */
  seedKey: [number, number];
}

export class ExtractGlimpseProgram implements GPGPUProgram {
  variableNames = ['Image', 'Offsets', 'NoiseMin', 'NoiseMax', 'NoiseMean', 'NoiseSigma'];
  customUniforms = [
    {name: 'placement', type: 'ivec3' as const},
    {name: 'imageSize', type: 'vec2' as const},
    {name: 'glimpseSize', type: 'vec2' as const},
    {name: 'noiseMode', type: 'int' as const},
    {name: 'seedKey', type: 'ivec2' as const},
  ];
  outputShape: number[];
  userCode: string;

  constructor(outputShape: number[], webglVersion: number) {
    this.outputShape = outputShape;
    this.userCode = glimpseShader(outputShape, webglVersion);
  }

  static uniformValues(u: GlimpseUniforms): number[][] {
    return [u.placement, u.imageSize, u.glimpseSize, [u.noiseMode], u.seedKey];
  }
}
