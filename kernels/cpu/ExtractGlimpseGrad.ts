import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendCPU} from '@tensorflow/tfjs-backend-cpu';
import {ExtractGlimpseGrad, type ExtractGlimpseGradAttrs, type ExtractGlimpseGradInputs} from '../../src/kernel_names';
import {extractGlimpseGradImpl} from './extract_glimpse_grad_impl';
import {kernelConfig} from '../../src/kernel_config';

function extractGlimpseGradCpu(
    {inputs, backend, attrs}: {inputs: ExtractGlimpseGradInputs, backend: MathBackendCPU, attrs: ExtractGlimpseGradAttrs}): TensorInfo {
  const dy = backend.data.get(inputs.dy.dataId).values as Float32Array;
  const offsets = backend.data.get(inputs.offsets.dataId).values as Float32Array;
  const dx = extractGlimpseGradImpl(dy, inputs.dy.shape, offsets, attrs);
  return backend.makeTensorInfo(attrs.inputShape, 'float32', dx);
}

export const extractGlimpseGradConfig = kernelConfig(ExtractGlimpseGrad, 'cpu', extractGlimpseGradCpu);
