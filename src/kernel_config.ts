import type {KernelConfig, KernelFunc} from '@tensorflow/tfjs-core';
import {
  ExtractGlimpse,
  ExtractGlimpseGrad,
  ExtractGlimpseV2,
  GlimpseSensor,
  GlimpseSensorGrad,
  GlimpseSensorSlope,
  type GlimpseVersion,
} from './kernel_names';

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

/** One backend's kernels, each typed with its own arguments. */
export interface BackendKernels<Forward, Backward, Sensor, SensorBackward, SensorSlope> {
  /** The forward kernel of op version 1 or 2. */
  extractGlimpse: (version: GlimpseVersion) => (args: Forward) => unknown;
  extractGlimpseGrad: (args: Backward) => unknown;
  glimpseSensor: (args: Sensor) => unknown;
  glimpseSensorGrad: (args: SensorBackward) => unknown;
  /** The sensor's slope along one axis of the window corner (bilinear locations' gradient). */
  glimpseSensorSlope: (args: SensorSlope) => unknown;
}

/** One backend's registry entries. */
export function backendKernelConfigs<Forward, Backward, Sensor, SensorBackward, SensorSlope>(
  backendName: string,
  kernels: BackendKernels<Forward, Backward, Sensor, SensorBackward, SensorSlope>,
): KernelConfig[] {
  return [
    kernelConfig(ExtractGlimpse, backendName, kernels.extractGlimpse(1)),
    kernelConfig(ExtractGlimpseV2, backendName, kernels.extractGlimpse(2)),
    kernelConfig(ExtractGlimpseGrad, backendName, kernels.extractGlimpseGrad),
    kernelConfig(GlimpseSensor, backendName, kernels.glimpseSensor),
    kernelConfig(GlimpseSensorGrad, backendName, kernels.glimpseSensorGrad),
    kernelConfig(GlimpseSensorSlope, backendName, kernels.glimpseSensorSlope),
  ];
}
