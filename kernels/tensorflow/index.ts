/** The kernels of tfjs-node's backend ('tensorflow'), as tfjs registry entries. */
import {backendKernelConfigs} from '../../src/kernel_config';
import {extractGlimpseTensorflow} from './ExtractGlimpse';
import {extractGlimpseGradTensorflow} from './ExtractGlimpseGrad';
import {glimpseSensorTensorflow} from './GlimpseSensor';
import {glimpseSensorGradTensorflow} from './GlimpseSensorGrad';
import {glimpseSensorSlopeTensorflow} from './GlimpseSensorSlope';

export const TENSORFLOW_KERNEL_CONFIGS = backendKernelConfigs('tensorflow', {
  extractGlimpse: extractGlimpseTensorflow,
  extractGlimpseGrad: extractGlimpseGradTensorflow,
  glimpseSensor: glimpseSensorTensorflow,
  glimpseSensorGrad: glimpseSensorGradTensorflow,
  glimpseSensorSlope: glimpseSensorSlopeTensorflow,
});
