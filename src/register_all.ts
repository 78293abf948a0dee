/**
 * Registers what this package adds to tfjs-core, once: kernels on every backend, gradients,
 * `tf.image.extractGlimpse` and `tf.image.glimpseSensor`. A second copy of the package (or a
 * second call) finds them registered and changes nothing, silently. The converter's ops are
 * registered by the models entry (src/converter.ts), which this module never references.
 */
import {
  getGradient,
  getKernel,
  image,
  registerGradient,
  registerKernel,
  type KernelConfig,
} from '@tensorflow/tfjs-core';
import {CPU_KERNEL_CONFIGS} from '../kernels/cpu';
import {WASM_KERNEL_CONFIGS} from '../kernels/wasm';
import {WEBGL_KERNEL_CONFIGS} from '../kernels/webgl';
import {WEBGPU_KERNEL_CONFIGS} from '../kernels/webgpu';
import {TENSORFLOW_KERNEL_CONFIGS} from '../kernels/tensorflow';
import {extractGlimpseGradientConfig, extractGlimpseV2GradientConfig, glimpseSensorGradientConfig} from './gradient';
import {glimpseSensor} from './glimpse_sensor';
import {extractGlimpse} from './extract_glimpse';
import {formatValue} from './errors';

/** Every backend's kernels: both glimpse versions and their backward, the sensor, its backward and slope. */
export const GLIMPSE_KERNEL_CONFIGS: readonly KernelConfig[] = [
  ...CPU_KERNEL_CONFIGS,
  ...WASM_KERNEL_CONFIGS,
  ...WEBGL_KERNEL_CONFIGS,
  ...WEBGPU_KERNEL_CONFIGS,
  ...TENSORFLOW_KERNEL_CONFIGS,
];

/** The backends this package ships kernels for ('tensorflow': tfjs-node's and tfjs-node-gpu's). */
export const SUPPORTED_BACKENDS = ['cpu', 'webgl', 'wasm', 'webgpu', 'tensorflow'] as const;
/** One of SUPPORTED_BACKENDS. */
export type SupportedBackend = (typeof SUPPORTED_BACKENDS)[number];

/**
 * Registers this package's kernels (glimpses, sensor, their gradients) under a custom backend name that
 * reuses another backend's kernels, e.g. React Native's `rn-webgl` or an app's renamed
 * webgl backend: `registerGlimpseKernelsAs('rn-webgl', 'webgl')`. Idempotent.
 */
export function registerGlimpseKernelsAs(backendName: string, like: SupportedBackend): void {
  if (typeof backendName !== 'string' || backendName === '') {
    throw new Error(
      `registerGlimpseKernelsAs: backendName must be a non-empty string, got ${formatValue(backendName)}`,
    );
  }
  if (!SUPPORTED_BACKENDS.includes(like)) {
    throw new Error(
      `registerGlimpseKernelsAs: like must be one of ${SUPPORTED_BACKENDS.join(', ')}, ` + `got ${formatValue(like)}`,
    );
  }
  for (const config of GLIMPSE_KERNEL_CONFIGS) {
    if (config.backendName !== like || getKernel(config.kernelName, backendName) != null) continue;
    registerKernel({...config, backendName});
  }
}

const GRADIENT_CONFIGS = [extractGlimpseGradientConfig, extractGlimpseV2GradientConfig, glimpseSensorGradientConfig];

/**
 * Registers every kernel on every supported backend, the gradients, and the ops on
 * `tf.image`. Importing the package calls it; it registers only what is missing, so calling it
 * again does nothing (or restores what an app unregistered).
 */
export function registerAll(): void {
  for (const config of GLIMPSE_KERNEL_CONFIGS) {
    if (getKernel(config.kernelName, config.backendName) == null) registerKernel(config);
  }
  // tfjs registers no gradient by default: ours, unless a copy of this package did already.
  for (const config of GRADIENT_CONFIGS) {
    if (getGradient(config.kernelName) == null) registerGradient(config);
  }
  // `tf.image` is a plain object in every tfjs-core build: extend it like a built-in op.
  const images = image as unknown as Record<string, unknown>;
  if (images.extractGlimpse == null) images.extractGlimpse = extractGlimpse;
  if (images.glimpseSensor == null) images.glimpseSensor = glimpseSensor;
}

registerAll();
