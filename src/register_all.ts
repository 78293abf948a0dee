/**
 * Registers what this package adds to tfjs, once: a second copy of the package (or a
 * second call) finds its kernels registered and changes nothing, silently.
 */
import {getKernel, image, registerKernel, type KernelConfig} from '@tensorflow/tfjs-core';
import {extractGlimpseConfig, extractGlimpseV2Config} from '../kernels/cpu/ExtractGlimpse';
import {extractGlimpseWebGLConfig, extractGlimpseV2WebGLConfig} from '../kernels/webgl/ExtractGlimpse';
import * as converter from '@tensorflow/tfjs-converter';
import {extractGlimpse} from './extract_glimpse';
import {registerConverterOps} from './converter_ops';

const KERNEL_CONFIGS: readonly KernelConfig[] = [
  extractGlimpseConfig, extractGlimpseV2Config,
  extractGlimpseWebGLConfig, extractGlimpseV2WebGLConfig,
];

export function registerAll(): void {
  for (const config of KERNEL_CONFIGS) {
    if (getKernel(config.kernelName, config.backendName) == null) registerKernel(config);
  }
  // `tf.image` is a plain object in every tfjs-core build: extend it like a built-in op.
  const images = image as unknown as Record<string, unknown>;
  if (images.extractGlimpse == null) images.extractGlimpse = extractGlimpse;
  // A namespace import: the UMD build maps the converter to the global `tf`, which may lack it.
  registerConverterOps((converter as {registerOp?: Parameters<typeof registerConverterOps>[0]}).registerOp);
}

registerAll();
