/**
 * Per image and channel noise statistics on a GPU backend (webgl, webgpu), from that
 * backend's own tfjs kernels called as functions (a kernel inside a kernel must not go through runKernel): min and max for
 * uniform noise (the shader reduces them over channels), plus mean and population sigma
 * for gaussian. Nothing is read back to the CPU.
 */
import {getKernel, type KernelFunc, type NamedAttrMap, type TensorInfo} from '@tensorflow/tfjs-core';
import type {NoiseMode} from './kernel_names';

/** What this needs of a backend: both GPU backends have it. */
export interface GpuBackend {
  makeTensorInfo(shape: number[], dtype: 'float32', values?: Float32Array): TensorInfo;
  disposeData(dataId: object, force?: boolean): boolean;
}

export interface NoiseStatsInfo {
  min: TensorInfo;
  max: TensorInfo;
  mean: TensorInfo;
  sigma: TensorInfo;
  /** Every intermediate and result to dispose once the glimpse program ran. */
  owned: TensorInfo[];
}

export function disposeNoiseStats(stats: NoiseStatsInfo, backend: GpuBackend): void {
  for (const info of stats.owned) backend.disposeData(info.dataId);
}

function kernel(name: string, backendName: string, backend: GpuBackend, inputs: Record<string, TensorInfo>,
                attrs: Record<string, unknown> = {}): TensorInfo {
  const config = getKernel(name, backendName);
  if (config == null) throw new Error(`extractGlimpse: the ${backendName} backend has no '${name}' kernel`);
  return (config.kernelFunc as KernelFunc)(
             {inputs, backend, attrs: attrs as NamedAttrMap}) as TensorInfo;
}

/** `[batch, channels]` statistics of `image` `[batch, H, W, C]` for `mode`. */
export function gpuNoiseStats(
    image: TensorInfo, mode: NoiseMode, backendName: string, backend: GpuBackend): NoiseStatsInfo {
  const [batch, height, width, channels] = image.shape;
  if (mode === 'zero') {
    // Placeholders of the same shape keep the program (and its cache key) one for all modes.
    const zeros = backend.makeTensorInfo([batch, channels], 'float32', new Float32Array(batch * channels));
    return {min: zeros, max: zeros, mean: zeros, sigma: zeros, owned: [zeros]};
  }
  const pixels = kernel('Reshape', backendName, backend, {x: image}, {shape: [batch, height * width, channels]});
  const min = kernel('Min', backendName, backend, {x: pixels}, {axis: [1], keepDims: false});
  const max = kernel('Max', backendName, backend, {x: pixels}, {reductionIndices: [1], keepDims: false});
  if (mode === 'uniform') {
    return {min, max, mean: min, sigma: min, owned: [pixels, min, max]};
  }
  const meanKept = kernel('Mean', backendName, backend, {x: pixels}, {axis: [1], keepDims: true});
  const squares = kernel('SquaredDifference', backendName, backend, {a: pixels, b: meanKept});
  const variance = kernel('Mean', backendName, backend, {x: squares}, {axis: [1], keepDims: false});
  const sigma = kernel('Sqrt', backendName, backend, {x: variance});
  const mean = kernel('Reshape', backendName, backend, {x: meanKept}, {shape: [batch, channels]});
  return {min, max, mean, sigma, owned: [pixels, min, max, meanKept, squares, variance, sigma, mean]};
}
