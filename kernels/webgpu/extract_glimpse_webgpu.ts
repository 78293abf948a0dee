import type {WebGPUProgram} from '@tensorflow/tfjs-backend-webgpu';
import {GLIMPSE_GRAD_WGSL, GLIMPSE_NOISE_WGSL, GLIMPSE_ZERO_WGSL} from './glimpse_wgsl';
import {PLACEMENT_WGSL_UNIFORMS, WINDOW_CORNERS_WGSL} from './window_wgsl';

const WORKGROUP = 64;

/** A flat program over `outputShape` (what webgpu_util's helpers do, without importing the backend). */
abstract class FlatProgram implements WebGPUProgram {
  outputShape: number[];
  dispatchLayout: {x: number[]};
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [WORKGROUP, 1, 1];
  size = true;
  abstract variableNames: string[];
  abstract uniforms: string;
  abstract shaderKey: string;
  abstract getUserCode(): string;

  constructor(outputShape: number[]) {
    this.outputShape = outputShape;
    this.dispatchLayout = {x: outputShape.map((_, i) => i)};
    const size = outputShape.reduce((a, b) => a * b, 1);
    this.dispatch = [Math.ceil(size / WORKGROUP), 1, 1];
  }
}

/** `[batch, 2]` window corners from offsets. Uniform values: placement (3 ints, then 4 floats). */
export class WindowCornersWebGPUProgram extends FlatProgram {
  variableNames = ['Offsets'];
  uniforms = PLACEMENT_WGSL_UNIFORMS;
  shaderKey = 'extractGlimpseCorners';
  getUserCode(): string {
    return WINDOW_CORNERS_WGSL;
  }
}

/** Forward with zero noise, reading the corners program's output. */
export class ExtractGlimpseWebGPUProgram extends FlatProgram {
  variableNames = ['Image', 'Corners'];
  uniforms = '';
  // The WGSL text never changes, so one key covers every call.
  shaderKey = 'extractGlimpse';
  getUserCode(): string {
    return GLIMPSE_ZERO_WGSL;
  }
}

/** Forward with drawn noise. Uniform values: noise mode, seed key (int32 bits). */
export class ExtractGlimpseNoiseWebGPUProgram extends FlatProgram {
  variableNames = ['Image', 'Corners', 'NoiseMin', 'NoiseMax', 'NoiseMean', 'NoiseSigma'];
  uniforms = 'noiseMode : i32, seedKey : i32,';
  shaderKey = 'extractGlimpseNoise';
  getUserCode(): string {
    return GLIMPSE_NOISE_WGSL;
  }
}

/** Backward, reading the corners program's output. */
export class ExtractGlimpseGradWebGPUProgram extends FlatProgram {
  variableNames = ['Dy', 'Corners'];
  uniforms = '';
  shaderKey = 'extractGlimpseGrad';
  getUserCode(): string {
    return GLIMPSE_GRAD_WGSL;
  }
}
