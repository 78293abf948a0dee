import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import type {GlimpseSensorGradAttrs, GlimpseSensorGradInputs} from '../../src/kernel_names';
import {sensorGradCall} from '../../src/sensor_prelude';
import {sensorValues} from '../gpu/sensor_uniforms';
import {GlimpseSensorGradProgram} from './glimpse_sensor_grad_program';
import {sensorCorners} from './sensor_corners_program';
import {checkFloatTextures} from './float_textures';
import {uniformData} from './uniforms';

export interface WebGLSensorGradArgs {
  inputs: GlimpseSensorGradInputs;
  backend: MathBackendWebGL;
  attrs: GlimpseSensorGradAttrs;
}

/** The glimpse sensor's backward kernel on the webgl backend: corners pass, then one gather program. */
export function glimpseSensorGradWebGL({inputs, backend, attrs}: WebGLSensorGradArgs): TensorInfo {
  const {dy, locations} = inputs;
  const call = sensorGradCall(dy, locations, attrs);
  const values = sensorValues(call);
  checkFloatTextures(call.opName);
  const size = call.imagesShape.reduce((a, b) => a * b, 1);
  // No output value sampled anything: d images is all zeros (or empty).
  if (call.empty || size === 0) return backend.makeTensorInfo(call.imagesShape, 'float32', new Float32Array(size));
  const corners = sensorCorners(locations, call.attrs.scales, values, backend);
  try {
    const program = new GlimpseSensorGradProgram(call.imagesShape, call.shape, call.attrs.interpolation === 'bilinear');
    return backend.runWebGLProgram(program, [dy, corners], 'float32', uniformData(program, values));
  } finally {
    backend.disposeIntermediateTensorInfo(corners);
  }
}
