/** The wasm backend's kernels, as tfjs registry entries. */
import {backendKernelConfigs} from '../../src/kernel_config';
import {extractGlimpseWasm} from './ExtractGlimpse';
import {extractGlimpseGradWasm} from './ExtractGlimpseGrad';
import {glimpseSensorWasm} from './GlimpseSensor';
import {glimpseSensorGradWasm} from './GlimpseSensorGrad';
import {glimpseSensorSlopeWasm} from './GlimpseSensorSlope';

export const WASM_KERNEL_CONFIGS = backendKernelConfigs('wasm', {
  extractGlimpse: extractGlimpseWasm,
  extractGlimpseGrad: extractGlimpseGradWasm,
  glimpseSensor: glimpseSensorWasm,
  glimpseSensorGrad: glimpseSensorGradWasm,
  glimpseSensorSlope: glimpseSensorSlopeWasm,
});
