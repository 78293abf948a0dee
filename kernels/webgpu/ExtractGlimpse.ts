/**
 * webgpu kernels: WGSL compute programs whose text never changes (shapes and per-call values
 * are uniforms), statistics on the GPU from the backend's own kernels, no readback.
 */
import type {KernelConfig, KernelFunc, TensorInfo} from '@tensorflow/tfjs-core';
import type {WebGPUBackend} from '@tensorflow/tfjs-backend-webgpu';
import {ExtractGlimpse, ExtractGlimpseGrad, ExtractGlimpseV2, type ExtractGlimpseAttrs, type ExtractGlimpseGradAttrs, type ExtractGlimpseGradInputs, type ExtractGlimpseInputs, type GlimpseVersion} from '../../src/kernel_names';
import {inferGlimpseShape} from '../../src/shape_inference';
import {resolveNoise} from '../../src/noise_mode';
import {freshSeed, seedKey} from '../../src/noise_random';
import {disposeNoiseStats, gpuNoiseStats, type GpuBackend} from '../../src/gpu_noise_stats';
import {placementUniformValues} from '../../src/gpu_placement';
import {ExtractGlimpseGradWebGPUProgram, ExtractGlimpseNoiseWebGPUProgram, ExtractGlimpseWebGPUProgram} from './extract_glimpse_webgpu';

const NOISE_MODE_CODE = {uniform: 1, gaussian: 2} as const;

const ints = (values: number[]) => values.map(v => ({type: 'int32', data: [v]}));

function webgpuKernel(version: GlimpseVersion) {
  const opName = version === 1 ? ExtractGlimpse : ExtractGlimpseV2;
  return ({inputs, backend, attrs}: {inputs: ExtractGlimpseInputs, backend: WebGPUBackend, attrs: ExtractGlimpseAttrs}): TensorInfo => {
    const {input, offsets} = inputs;
    const shape = inferGlimpseShape(input.shape, attrs.size, offsets.shape, opName);
    const mode = resolveNoise(attrs.noise, attrs.uniformNoise, opName);
    const [, height, width] = input.shape;
    const [placement] = placementUniformValues({
      version, centered: attrs.centered, normalized: attrs.normalized,
      imageHeight: height, imageWidth: width, glimpseHeight: shape[1], glimpseWidth: shape[2],
    }, opName);
    if (shape.some(d => d === 0)) return backend.makeTensorInfo(shape, 'float32', new Float32Array(0));
    if (mode === 'zero') {
      return backend.runWebGPUProgram(new ExtractGlimpseWebGPUProgram(shape), [input, offsets], 'float32', ints(placement));
    }
    const key = seedKey(attrs.seed ?? freshSeed());
    const gpu = backend as unknown as GpuBackend;
    const stats = gpuNoiseStats(input, mode, 'webgpu', gpu);
    try {
      return backend.runWebGPUProgram(
          new ExtractGlimpseNoiseWebGPUProgram(shape),
          [input, offsets, stats.min, stats.max, stats.mean, stats.sigma], 'float32',
          ints([...placement, NOISE_MODE_CODE[mode], key | 0]));
    } finally {
      disposeNoiseStats(stats, gpu);
    }
  };
}

function extractGlimpseGradWebGPU(
    {inputs, backend, attrs}: {inputs: ExtractGlimpseGradInputs, backend: WebGPUBackend, attrs: ExtractGlimpseGradAttrs}): TensorInfo {
  const {dy, offsets} = inputs;
  const [, height, width] = attrs.inputShape;
  const [placement] = placementUniformValues({
    version: attrs.version, centered: attrs.centered, normalized: attrs.normalized,
    imageHeight: height, imageWidth: width, glimpseHeight: dy.shape[1], glimpseWidth: dy.shape[2],
  }, ExtractGlimpseGrad);
  const size = attrs.inputShape.reduce((a, b) => a * b, 1);
  if (size === 0 || dy.shape.some(d => d === 0)) {
    return backend.makeTensorInfo(attrs.inputShape, 'float32', new Float32Array(size));
  }
  return backend.runWebGPUProgram(
      new ExtractGlimpseGradWebGPUProgram(attrs.inputShape), [dy, offsets], 'float32', ints(placement));
}

export const extractGlimpseWebGPUConfig: KernelConfig = {
  kernelName: ExtractGlimpse, backendName: 'webgpu', kernelFunc: webgpuKernel(1) as unknown as KernelFunc,
};
export const extractGlimpseV2WebGPUConfig: KernelConfig = {
  kernelName: ExtractGlimpseV2, backendName: 'webgpu', kernelFunc: webgpuKernel(2) as unknown as KernelFunc,
};
export const extractGlimpseGradWebGPUConfig: KernelConfig = {
  kernelName: ExtractGlimpseGrad, backendName: 'webgpu', kernelFunc: extractGlimpseGradWebGPU as unknown as KernelFunc,
};
