/** The webgl backend's kernels, as tfjs registry entries. */
import {backendKernelConfigs} from '../../src/kernel_config';
import {extractGlimpseWebGL} from './ExtractGlimpse';
import {extractGlimpseGradWebGL} from './ExtractGlimpseGrad';
import {glimpseSensorWebGL} from './GlimpseSensor';
import {glimpseSensorGradWebGL} from './GlimpseSensorGrad';
import {glimpseSensorSlopeWebGL} from './GlimpseSensorSlope';

export const WEBGL_KERNEL_CONFIGS = backendKernelConfigs('webgl', {
  extractGlimpse: extractGlimpseWebGL,
  extractGlimpseGrad: extractGlimpseGradWebGL,
  glimpseSensor: glimpseSensorWebGL,
  glimpseSensorGrad: glimpseSensorGradWebGL,
  glimpseSensorSlope: glimpseSensorSlopeWebGL,
});
