import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import type {ExtractGlimpseGradAttrs, ExtractGlimpseGradInputs} from '../../src/kernel_names';
import {glimpseGradCall} from '../../src/kernel_prelude';
import {placementValues} from '../gpu/uniforms';
import {ExtractGlimpseGradProgram} from './extract_glimpse_grad_program';
import {windowCorners} from './window_corners_program';
import {checkFloatTextures} from './float_textures';
import {uniformData} from './uniforms';

export interface WebGLGlimpseGradArgs {
  inputs: ExtractGlimpseGradInputs;
  backend: MathBackendWebGL;
  attrs: ExtractGlimpseGradAttrs;
}

/** The backward kernel (both versions) on the webgl backend: corners pass, then one scatter program. */
export function extractGlimpseGradWebGL({inputs, backend, attrs}: WebGLGlimpseGradArgs): TensorInfo {
  const {dy, offsets} = inputs;
  const call = glimpseGradCall(dy, offsets, attrs);
  const placement = placementValues(call.params, call.opName);
  checkFloatTextures(call.opName);
  if (call.empty || call.nothingSampled) {
    const size = call.shape.reduce((a, b) => a * b, 1);
    return backend.makeTensorInfo(call.shape, 'float32', new Float32Array(size));
  }
  const corners = windowCorners(offsets, placement, backend);
  try {
    const program = new ExtractGlimpseGradProgram(call.shape);
    return backend.runWebGLProgram(program, [dy, corners], 'float32', uniformData(program, placement));
  } finally {
    backend.disposeIntermediateTensorInfo(corners);
  }
}
