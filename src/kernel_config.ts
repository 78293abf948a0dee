import type {KernelConfig, KernelFunc} from '@tensorflow/tfjs-core';
import {ExtractGlimpse, ExtractGlimpseGrad, ExtractGlimpseV2, type GlimpseVersion} from './kernel_names';

/**
 * A KernelConfig from a kernel typed with its own inputs, attrs and backend: the one place
 * that casts to tfjs's untyped KernelFunc.
 */
export function kernelConfig<Args>(
  kernelName: string,
  backendName: string,
  kernelFunc: (args: Args) => unknown,
): KernelConfig {
  return {kernelName, backendName, kernelFunc: kernelFunc as unknown as KernelFunc};
}

/** One backend's registry entries: the forward kernel of each op version, and the backward kernel. */
export function backendKernelConfigs<ForwardArgs, BackwardArgs>(
  backendName: string,
  forward: (version: GlimpseVersion) => (args: ForwardArgs) => unknown,
  backward: (args: BackwardArgs) => unknown,
): KernelConfig[] {
  return [
    kernelConfig(ExtractGlimpse, backendName, forward(1)),
    kernelConfig(ExtractGlimpseV2, backendName, forward(2)),
    kernelConfig(ExtractGlimpseGrad, backendName, backward),
  ];
}
