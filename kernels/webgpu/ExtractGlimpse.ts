import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {WebGPUBackend} from '@tensorflow/tfjs-backend-webgpu';
import type {ExtractGlimpseAttrs, ExtractGlimpseInputs, GlimpseVersion} from '../../src/kernel_names';
import {glimpseCall} from '../../src/kernel_prelude';
import {callKey} from '../../src/noise_random';
import {disposeNoiseStats, gpuNoiseStats} from '../gpu/noise_stats';
import {noiseValues, placementValues} from '../gpu/uniforms';
import {ExtractGlimpseProgram} from './extract_glimpse_program';
import {windowCorners} from './window_corners_program';
import {uniformData} from './uniforms';

export interface WebGPUGlimpseArgs {
  inputs: ExtractGlimpseInputs;
  backend: WebGPUBackend;
  attrs: ExtractGlimpseAttrs;
}

/** The forward kernel of op `version` on the webgpu backend: corners pass, then one glimpse program. */
export function extractGlimpseWebGPU(version: GlimpseVersion) {
  return ({inputs, backend, attrs}: WebGPUGlimpseArgs): TensorInfo => {
    const {input, offsets} = inputs;
    const call = glimpseCall(version, input, offsets, attrs);
    const placement = placementValues(call.params, call.opName);
    if (call.empty) return backend.makeTensorInfo(call.shape, 'float32', new Float32Array(0));
    const corners = windowCorners(offsets, placement, backend);
    if (call.mode === 'zero') {
      try {
        const program = new ExtractGlimpseProgram(call.shape, false);
        return backend.runWebGPUProgram(program, [input, corners], 'float32', uniformData(program, placement));
      } finally {
        backend.disposeData(corners.dataId);
      }
    }
    const stats = gpuNoiseStats(input, call.mode, 'webgpu', backend);
    try {
      const program = new ExtractGlimpseProgram(call.shape, true);
      return backend.runWebGPUProgram(
        program,
        [input, corners, stats.min, stats.max, stats.mean, stats.sigma],
        'float32',
        uniformData(program, {...placement, ...noiseValues(call.mode, callKey(attrs.seed))}),
      );
    } finally {
      disposeNoiseStats(stats, backend);
      backend.disposeData(corners.dataId);
    }
  };
}
