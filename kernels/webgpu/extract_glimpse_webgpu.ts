import type {WebGPUProgram} from '@tensorflow/tfjs-backend-webgpu';
import {GLIMPSE_GRAD_WGSL, GLIMPSE_NOISE_WGSL, GLIMPSE_ZERO_WGSL} from './glimpse_wgsl';
import {PLACEMENT_WGSL_UNIFORMS} from './window_wgsl';

const WORKGROUP = 64;

/** A flat program over `outputShape` (what webgpu_util's helpers do, without importing the backend). */
abstract class FlatProgram implements WebGPUProgram {
  outputShape: number[];
  dispatchLayout = {x: [0, 1, 2, 3]};
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [WORKGROUP, 1, 1];
  size = true;
  abstract variableNames: string[];
  abstract uniforms: string;
  abstract shaderKey: string;
  abstract getUserCode(): string;

  constructor(outputShape: number[]) {
    this.outputShape = outputShape;
    const size = outputShape.reduce((a, b) => a * b, 1);
    this.dispatch = [Math.ceil(size / WORKGROUP), 1, 1];
  }
}

/** Forward with zero noise. Uniform values: placement (3 ints). */
export class ExtractGlimpseWebGPUProgram extends FlatProgram {
  variableNames = ['Image', 'Offsets'];
  uniforms = PLACEMENT_WGSL_UNIFORMS;
  // The WGSL text never changes, so one key covers every call.
  shaderKey = 'extractGlimpse';
  getUserCode(): string {
    return GLIMPSE_ZERO_WGSL;
  }
}

/** Forward with drawn noise. Uniform values: placement (3 ints), noise mode, seed key (int32 bits). */
export class ExtractGlimpseNoiseWebGPUProgram extends FlatProgram {
  variableNames = ['Image', 'Offsets', 'NoiseMin', 'NoiseMax', 'NoiseMean', 'NoiseSigma'];
  uniforms = `${PLACEMENT_WGSL_UNIFORMS} noiseMode : i32, seedKey : i32,`;
  shaderKey = 'extractGlimpseNoise';
  getUserCode(): string {
    return GLIMPSE_NOISE_WGSL;
  }
}

/** Backward. Uniform values: placement (3 ints). */
export class ExtractGlimpseGradWebGPUProgram extends FlatProgram {
  variableNames = ['Dy', 'Offsets'];
  uniforms = PLACEMENT_WGSL_UNIFORMS;
  shaderKey = 'extractGlimpseGrad';
  getUserCode(): string {
    return GLIMPSE_GRAD_WGSL;
  }
}
