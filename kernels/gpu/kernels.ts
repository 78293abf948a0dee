/** The shared GPU kernels over one backend's runner, in the form kernel registration takes them. */
import type {GlimpseVersion} from '../../src/kernel_names';
import {extractGlimpseGpu} from './ExtractGlimpse';
import {extractGlimpseGradGpu} from './ExtractGlimpseGrad';
import {glimpseSensorGpu} from './GlimpseSensor';
import {glimpseSensorGradGpu} from './GlimpseSensorGrad';
import {glimpseSensorSlopeGpu} from './GlimpseSensorSlope';
import type {GpuBackend} from './noise_stats';
import type {GpuRunner} from './runner';

export function gpuKernels<Backend extends GpuBackend, Program>(runner: GpuRunner<Backend, Program>) {
  return {
    extractGlimpse: (version: GlimpseVersion) => extractGlimpseGpu(runner, version),
    extractGlimpseGrad: extractGlimpseGradGpu(runner),
    glimpseSensor: glimpseSensorGpu(runner),
    glimpseSensorGrad: glimpseSensorGradGpu(runner),
    glimpseSensorSlope: glimpseSensorSlopeGpu(runner),
  };
}
