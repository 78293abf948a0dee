import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {WebGPUBackend} from '@tensorflow/tfjs-backend-webgpu';
import type {ExtractGlimpseGradAttrs, ExtractGlimpseGradInputs} from '../../src/kernel_names';
import {glimpseGradCall} from '../../src/kernel_prelude';
import {placementValues} from '../gpu/uniforms';
import {ExtractGlimpseGradProgram} from './extract_glimpse_grad_program';
import {windowCorners} from './window_corners_program';
import {uniformData} from './uniforms';

export interface WebGPUGlimpseGradArgs {
  inputs: ExtractGlimpseGradInputs;
  backend: WebGPUBackend;
  attrs: ExtractGlimpseGradAttrs;
}

/** The backward kernel (both versions) on the webgpu backend: corners pass, then one scatter program. */
export function extractGlimpseGradWebGPU({inputs, backend, attrs}: WebGPUGlimpseGradArgs): TensorInfo {
  const {dy, offsets} = inputs;
  const call = glimpseGradCall(dy, offsets, attrs);
  const placement = placementValues(call.params, call.opName);
  if (call.empty || call.nothingSampled) {
    const size = call.shape.reduce((a, b) => a * b, 1);
    return backend.makeTensorInfo(call.shape, 'float32', new Float32Array(size));
  }
  const corners = windowCorners(offsets, placement, backend);
  try {
    const program = new ExtractGlimpseGradProgram(call.shape);
    return backend.runWebGPUProgram(program, [dy, corners], 'float32', uniformData(program, placement));
  } finally {
    backend.disposeData(corners.dataId);
  }
}
