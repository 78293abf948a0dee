/**
 * webgpu kernels: WGSL compute programs whose text never changes (shapes and per-call values
 * are uniforms), statistics on the GPU from the backend's own kernels, no readback.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {WebGPUBackend} from '@tensorflow/tfjs-backend-webgpu';
import {ExtractGlimpse, ExtractGlimpseGrad, ExtractGlimpseV2, type ExtractGlimpseAttrs, type ExtractGlimpseGradAttrs, type ExtractGlimpseGradInputs, type ExtractGlimpseInputs, type GlimpseVersion} from '../../src/kernel_names';
import {inferGlimpseShape} from '../../src/shape_inference';
import {resolveNoise} from '../../src/noise_mode';
import {freshSeed, seedKey} from '../../src/noise_random';
import {disposeNoiseStats, gpuNoiseStats, type GpuBackend} from '../../src/gpu_noise_stats';
import {placementUniformValues} from '../../src/gpu_placement';
import {ExtractGlimpseGradWebGPUProgram, ExtractGlimpseNoiseWebGPUProgram, ExtractGlimpseWebGPUProgram, WindowCornersWebGPUProgram} from './extract_glimpse_webgpu';
import {kernelConfig} from '../../src/kernel_config';

const NOISE_MODE_CODE = {uniform: 1, gaussian: 2} as const;

const ints = (values: number[]) => values.map(v => ({type: 'int32', data: [v]}));

/** The corners pass (no readback); the caller disposes the result. */
function windowCorners(offsets: TensorInfo, placement: number[][], backend: WebGPUBackend): TensorInfo {
  const [steps, imageSize, glimpseSize] = placement;
  const floats = [...imageSize, ...glimpseSize].map(v => ({type: 'float32', data: [v]}));
  return backend.runWebGPUProgram(
      new WindowCornersWebGPUProgram([offsets.shape[0], 2]), [offsets], 'float32', [...ints(steps), ...floats]);
}

function webgpuKernel(version: GlimpseVersion) {
  const opName = version === 1 ? ExtractGlimpse : ExtractGlimpseV2;
  return ({inputs, backend, attrs}: {inputs: ExtractGlimpseInputs, backend: WebGPUBackend, attrs: ExtractGlimpseAttrs}): TensorInfo => {
    const {input, offsets} = inputs;
    const shape = inferGlimpseShape(input.shape, attrs.size, offsets.shape, opName);
    const mode = resolveNoise(attrs.noise, attrs.uniformNoise, opName);
    const [, height, width] = input.shape;
    const placement = placementUniformValues({
      version, centered: attrs.centered, normalized: attrs.normalized,
      imageHeight: height, imageWidth: width, glimpseHeight: shape[1], glimpseWidth: shape[2],
    }, opName);
    if (shape.some(d => d === 0)) return backend.makeTensorInfo(shape, 'float32', new Float32Array(0));
    const corners = windowCorners(offsets, placement, backend);
    const gpu = backend as unknown as GpuBackend;
    if (mode === 'zero') {
      try {
        return backend.runWebGPUProgram(new ExtractGlimpseWebGPUProgram(shape), [input, corners], 'float32', []);
      } finally {
        gpu.disposeData(corners.dataId);
      }
    }
    const key = seedKey(attrs.seed ?? freshSeed());
    const stats = gpuNoiseStats(input, mode, 'webgpu', gpu);
    try {
      return backend.runWebGPUProgram(
          new ExtractGlimpseNoiseWebGPUProgram(shape),
          [input, corners, stats.min, stats.max, stats.mean, stats.sigma], 'float32',
          ints([NOISE_MODE_CODE[mode], key | 0]));
    } finally {
      disposeNoiseStats(stats, gpu);
      gpu.disposeData(corners.dataId);
    }
  };
}

function extractGlimpseGradWebGPU(
    {inputs, backend, attrs}: {inputs: ExtractGlimpseGradInputs, backend: WebGPUBackend, attrs: ExtractGlimpseGradAttrs}): TensorInfo {
  const {dy, offsets} = inputs;
  const [, height, width] = attrs.inputShape;
  const placement = placementUniformValues({
    version: attrs.version, centered: attrs.centered, normalized: attrs.normalized,
    imageHeight: height, imageWidth: width, glimpseHeight: dy.shape[1], glimpseWidth: dy.shape[2],
  }, ExtractGlimpseGrad);
  const size = attrs.inputShape.reduce((a, b) => a * b, 1);
  if (size === 0 || dy.shape.some(d => d === 0)) {
    return backend.makeTensorInfo(attrs.inputShape, 'float32', new Float32Array(size));
  }
  const corners = windowCorners(offsets, placement, backend);
  try {
    return backend.runWebGPUProgram(new ExtractGlimpseGradWebGPUProgram(attrs.inputShape), [dy, corners], 'float32', []);
  } finally {
    (backend as unknown as GpuBackend).disposeData(corners.dataId);
  }
}

export const extractGlimpseWebGPUConfig = kernelConfig(ExtractGlimpse, 'webgpu', webgpuKernel(1));
export const extractGlimpseV2WebGPUConfig = kernelConfig(ExtractGlimpseV2, 'webgpu', webgpuKernel(2));
export const extractGlimpseGradWebGPUConfig = kernelConfig(ExtractGlimpseGrad, 'webgpu', extractGlimpseGradWebGPU);
