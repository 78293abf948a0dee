/**
 * Noise statistics on a GPU backend (webgl, webgpu) from that backend's own tfjs kernels,
 * called as functions (a kernel inside a kernel must not go through runKernel): per image
 * min and max for uniform noise; per channel min, max, mean and population sigma for
 * gaussian. Nothing is read back to the CPU.
 */
import {getKernel, type KernelFunc, type NamedAttrMap, type TensorInfo} from '@tensorflow/tfjs-core';
import type {NoiseMode} from '../../src/kernel_names';

/**
 * The input names under which programs that draw noise take the statistics, in the order of
 * `[stats.min, stats.max, stats.mean, stats.sigma]` (their getters: getNoiseMin, ...).
 */
export const NOISE_STATS_INPUTS = ['NoiseMin', 'NoiseMax', 'NoiseMean', 'NoiseSigma'];

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

function kernel(
  name: string,
  backendName: string,
  backend: GpuBackend,
  inputs: Record<string, TensorInfo>,
  attrs: Record<string, unknown> = {},
): TensorInfo {
  const config = getKernel(name, backendName);
  if (config == null) throw new Error(`extractGlimpse: the ${backendName} backend has no '${name}' kernel`);
  return (config.kernelFunc as KernelFunc)({inputs, backend, attrs: attrs as NamedAttrMap}) as TensorInfo;
}

/**
 * `[batch, channels]` statistics of `image` `[batch, H, W, C]` for `mode`. tfjs reduces
 * fastest over the innermost axis (any other axis costs a transpose per reduction), so:
 * uniform reduces each whole image (then tiles its min and max over the channels, which
 * keeps both modes' inputs one shape and so one program); gaussian transposes once to
 * `[batch, C, H*W]` and reduces the last axis.
 */
export function gpuNoiseStats(
  image: TensorInfo,
  mode: Exclude<NoiseMode, 'zero'>,
  backendName: string,
  backend: GpuBackend,
): NoiseStatsInfo {
  const [batch, height, width, channels] = image.shape;
  const run = (name: string, inputs: Record<string, TensorInfo>, attrs?: Record<string, unknown>) =>
    kernel(name, backendName, backend, inputs, attrs);
  if (mode === 'uniform') {
    const flat = run('Reshape', {x: image}, {shape: [batch, height * width * channels]});
    const lo = run('Min', {x: flat}, {axis: [1], keepDims: true});
    const hi = run('Max', {x: flat}, {reductionIndices: [1], keepDims: true});
    const min = run('Tile', {x: lo}, {reps: [1, channels]});
    const max = run('Tile', {x: hi}, {reps: [1, channels]});
    return {min, max, mean: min, sigma: min, owned: [flat, lo, hi, min, max]};
  }
  const pixels = run('Reshape', {x: image}, {shape: [batch, height * width, channels]});
  const planes = run('Transpose', {x: pixels}, {perm: [0, 2, 1]});
  const min = run('Min', {x: planes}, {axis: [2], keepDims: false});
  const max = run('Max', {x: planes}, {reductionIndices: [2], keepDims: false});
  const meanKept = run('Mean', {x: planes}, {axis: [2], keepDims: true});
  const squares = run('SquaredDifference', {a: planes, b: meanKept});
  const variance = run('Mean', {x: squares}, {axis: [2], keepDims: false});
  const sigma = run('Sqrt', {x: variance});
  const mean = run('Reshape', {x: meanKept}, {shape: [batch, channels]});
  return {min, max, mean, sigma, owned: [pixels, planes, min, max, meanKept, squares, variance, sigma, mean]};
}
