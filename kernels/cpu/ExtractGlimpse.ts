import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendCPU} from '@tensorflow/tfjs-backend-cpu';
import type {ExtractGlimpseAttrs, ExtractGlimpseInputs, GlimpseVersion} from '../../src/kernel_names';
import {glimpseCall} from '../../src/kernel_prelude';
import {callKey} from '../../src/noise_random';
import {extractGlimpseImpl} from './extract_glimpse_impl';

export interface CpuGlimpseArgs {
  inputs: ExtractGlimpseInputs;
  backend: MathBackendCPU;
  attrs: ExtractGlimpseAttrs;
}

/** The forward kernel of op `version` on the cpu backend. */
export function extractGlimpseCpu(version: GlimpseVersion) {
  return ({inputs, backend, attrs}: CpuGlimpseArgs): TensorInfo => {
    const {input, offsets} = inputs;
    const call = glimpseCall(version, input, offsets, attrs);
    // `data.get(...).values` is the live storage (shared by reshapes): read it, never write it.
    const image = backend.data.get(input.dataId).values as Float32Array;
    const offsetValues = backend.data.get(offsets.dataId).values as Float32Array;
    const values = extractGlimpseImpl(image, offsetValues, call, callKey(attrs.seed));
    return backend.makeTensorInfo(call.shape, 'float32', values);
  };
}
