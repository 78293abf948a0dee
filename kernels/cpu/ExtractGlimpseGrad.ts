import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendCPU} from '@tensorflow/tfjs-backend-cpu';
import type {ExtractGlimpseGradAttrs, ExtractGlimpseGradInputs} from '../../src/kernel_names';
import {glimpseGradCall} from '../../src/kernel_prelude';
import {extractGlimpseGradImpl} from './extract_glimpse_grad_impl';

export interface CpuGlimpseGradArgs {
  inputs: ExtractGlimpseGradInputs;
  backend: MathBackendCPU;
  attrs: ExtractGlimpseGradAttrs;
}

/** The backward kernel (both versions) on the cpu backend. */
export function extractGlimpseGradCpu({inputs, backend, attrs}: CpuGlimpseGradArgs): TensorInfo {
  const call = glimpseGradCall(inputs.dy, inputs.offsets, attrs);
  const dy = backend.data.get(inputs.dy.dataId).values as Float32Array;
  const offsets = backend.data.get(inputs.offsets.dataId).values as Float32Array;
  return backend.makeTensorInfo(call.shape, 'float32', extractGlimpseGradImpl(dy, offsets, call));
}
