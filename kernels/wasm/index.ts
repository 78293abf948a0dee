/** The wasm backend's kernels, as tfjs registry entries. */
import {backendKernelConfigs} from '../../src/kernel_config';
import {extractGlimpseWasm} from './ExtractGlimpse';
import {extractGlimpseGradWasm} from './ExtractGlimpseGrad';

export const WASM_KERNEL_CONFIGS = backendKernelConfigs('wasm', extractGlimpseWasm, extractGlimpseGradWasm);
