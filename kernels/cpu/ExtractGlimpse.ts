import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendCPU} from '@tensorflow/tfjs-backend-cpu';
import {ExtractGlimpse, ExtractGlimpseV2, type ExtractGlimpseAttrs, type ExtractGlimpseInputs, type GlimpseVersion} from '../../src/kernel_names';
import {extractGlimpseImpl} from './extract_glimpse_impl';
import {kernelConfig} from '../../src/kernel_config';

interface CpuArgs {
  inputs: ExtractGlimpseInputs;
  backend: MathBackendCPU;
  attrs: ExtractGlimpseAttrs;
}

function cpuKernel(version: GlimpseVersion) {
  return ({inputs, backend, attrs}: CpuArgs): TensorInfo => {
    const {input, offsets} = inputs;
    // `data.get(...).values` is the live storage (shared by reshapes): read it, never write it.
    const image = backend.data.get(input.dataId).values as Float32Array;
    const offsetValues = backend.data.get(offsets.dataId).values as Float32Array;
    const {shape, values} =
        extractGlimpseImpl(image, input.shape, offsetValues, offsets.shape, attrs, version);
    return backend.makeTensorInfo(shape, 'float32', values);
  };
}

export const extractGlimpseConfig = kernelConfig(ExtractGlimpse, 'cpu', cpuKernel(1));

export const extractGlimpseV2Config = kernelConfig(ExtractGlimpseV2, 'cpu', cpuKernel(2));
