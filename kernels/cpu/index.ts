/** The cpu backend's kernels, as tfjs registry entries. */
import {backendKernelConfigs} from '../../src/kernel_config';
import {extractGlimpseCpu} from './ExtractGlimpse';
import {extractGlimpseGradCpu} from './ExtractGlimpseGrad';
import {glimpseSensorCpu} from './GlimpseSensor';
import {glimpseSensorGradCpu} from './GlimpseSensorGrad';
import {glimpseSensorSlopeCpu} from './GlimpseSensorSlope';

export const CPU_KERNEL_CONFIGS = backendKernelConfigs('cpu', {
  extractGlimpse: extractGlimpseCpu,
  extractGlimpseGrad: extractGlimpseGradCpu,
  glimpseSensor: glimpseSensorCpu,
  glimpseSensorGrad: glimpseSensorGradCpu,
  glimpseSensorSlope: glimpseSensorSlopeCpu,
});
