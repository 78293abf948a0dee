/** The webgpu backend's kernels, as tfjs registry entries. */
import {backendKernelConfigs} from '../../src/kernel_config';
import {extractGlimpseWebGPU} from './ExtractGlimpse';
import {extractGlimpseGradWebGPU} from './ExtractGlimpseGrad';

export const WEBGPU_KERNEL_CONFIGS = backendKernelConfigs('webgpu', extractGlimpseWebGPU, extractGlimpseGradWebGPU);
