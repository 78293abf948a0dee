/**
 * Per image and channel noise statistics on the GPU, from tfjs's own webgl kernels called
 * as functions (a kernel inside a kernel must not go through runKernel): min and max for
 * uniform noise (the shader reduces them over channels), plus mean and population sigma
 * for gaussian. Nothing is read back to the CPU.
 */
import {getKernel, type KernelFunc, type NamedAttrMap, type TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import type {NoiseMode} from '../../src/kernel_names';

export interface NoiseStatsInfo {
  min: TensorInfo;
  max: TensorInfo;
  mean: TensorInfo;
  sigma: TensorInfo;
  /** Every intermediate and result to dispose once the glimpse program ran. */
  owned: TensorInfo[];
}

function kernel(name: string, backend: MathBackendWebGL, inputs: Record<string, TensorInfo>,
                attrs: Record<string, unknown> = {}): TensorInfo {
  const config = getKernel(name, 'webgl');
  if (config == null) throw new Error(`extractGlimpse: the webgl backend has no '${name}' kernel`);
  return (config.kernelFunc as KernelFunc)(
             {inputs, backend, attrs: attrs as NamedAttrMap}) as TensorInfo;
}

/** `[batch, channels]` statistics of `image` `[batch, H, W, C]` for `mode`. */
export function noiseStatsWebGL(
    image: TensorInfo, mode: NoiseMode, backend: MathBackendWebGL): NoiseStatsInfo {
  const [batch, height, width, channels] = image.shape;
  if (mode === 'zero') {
    // Placeholders of the same shape keep the program (and its cache key) one for all modes.
    const zeros = backend.makeTensorInfo([batch, channels], 'float32', new Float32Array(batch * channels));
    return {min: zeros, max: zeros, mean: zeros, sigma: zeros, owned: [zeros]};
  }
  const pixels = kernel('Reshape', backend, {x: image}, {shape: [batch, height * width, channels]});
  const min = kernel('Min', backend, {x: pixels}, {axis: [1], keepDims: false});
  const max = kernel('Max', backend, {x: pixels}, {reductionIndices: [1], keepDims: false});
  if (mode === 'uniform') {
    return {min, max, mean: min, sigma: min, owned: [pixels, min, max]};
  }
  const meanKept = kernel('Mean', backend, {x: pixels}, {axis: [1], keepDims: true});
  const squares = kernel('SquaredDifference', backend, {a: pixels, b: meanKept});
  const variance = kernel('Mean', backend, {x: squares}, {axis: [1], keepDims: false});
  const sigma = kernel('Sqrt', backend, {x: variance});
  const mean = kernel('Reshape', backend, {x: meanKept}, {shape: [batch, channels]});
  return {min, max, mean, sigma, owned: [pixels, min, max, meanKept, squares, variance, sigma, mean]};
}
