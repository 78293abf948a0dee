import type {KernelConfig, KernelFunc} from '@tensorflow/tfjs-core';

/**
 * A KernelConfig from a kernel typed with its own inputs, attrs and backend: the one place
 * that casts to tfjs's untyped KernelFunc.
 */
export function kernelConfig<Args>(
    kernelName: string, backendName: string, kernelFunc: (args: Args) => unknown): KernelConfig {
  return {kernelName, backendName, kernelFunc: kernelFunc as unknown as KernelFunc};
}
