/** The cpu backend's kernels, as tfjs registry entries. */
import {backendKernelConfigs} from '../../src/kernel_config';
import {extractGlimpseCpu} from './ExtractGlimpse';
import {extractGlimpseGradCpu} from './ExtractGlimpseGrad';

export const CPU_KERNEL_CONFIGS = backendKernelConfigs('cpu', extractGlimpseCpu, extractGlimpseGradCpu);
