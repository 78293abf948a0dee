/** The webgl backend's kernels, as tfjs registry entries. */
import {backendKernelConfigs} from '../../src/kernel_config';
import {extractGlimpseWebGL} from './ExtractGlimpse';
import {extractGlimpseGradWebGL} from './ExtractGlimpseGrad';

export const WEBGL_KERNEL_CONFIGS = backendKernelConfigs('webgl', extractGlimpseWebGL, extractGlimpseGradWebGL);
