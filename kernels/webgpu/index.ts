/** The webgpu backend's kernels, as tfjs registry entries. */
import {backendKernelConfigs} from '../../src/kernel_config';
import {extractGlimpseWebGPU} from './ExtractGlimpse';
import {extractGlimpseGradWebGPU} from './ExtractGlimpseGrad';
import {glimpseSensorWebGPU} from './GlimpseSensor';
import {glimpseSensorGradWebGPU} from './GlimpseSensorGrad';
import {glimpseSensorSlopeWebGPU} from './GlimpseSensorSlope';

export const WEBGPU_KERNEL_CONFIGS = backendKernelConfigs('webgpu', {
  extractGlimpse: extractGlimpseWebGPU,
  extractGlimpseGrad: extractGlimpseGradWebGPU,
  glimpseSensor: glimpseSensorWebGPU,
  glimpseSensorGrad: glimpseSensorGradWebGPU,
  glimpseSensorSlope: glimpseSensorSlopeWebGPU,
});
