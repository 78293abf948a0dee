import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {WebGPUBackend} from '@tensorflow/tfjs-backend-webgpu';
import type {GlimpseSensorGradAttrs, GlimpseSensorGradInputs} from '../../src/kernel_names';
import {sensorGradCall} from '../../src/sensor_prelude';
import {sensorValues} from '../gpu/sensor_uniforms';
import {GlimpseSensorGradProgram} from './glimpse_sensor_grad_program';
import {sensorCorners} from './sensor_corners_program';
import {uniformData} from './uniforms';

export interface WebGPUSensorGradArgs {
  inputs: GlimpseSensorGradInputs;
  backend: WebGPUBackend;
  attrs: GlimpseSensorGradAttrs;
}

/** The glimpse sensor's backward kernel on the webgpu backend: corners pass, then one gather program. */
export function glimpseSensorGradWebGPU({inputs, backend, attrs}: WebGPUSensorGradArgs): TensorInfo {
  const {dy, locations} = inputs;
  const call = sensorGradCall(dy, locations, attrs);
  const values = sensorValues(call);
  const size = call.imagesShape.reduce((a, b) => a * b, 1);
  // No output value sampled anything: d images is all zeros (or empty).
  if (call.empty || size === 0) return backend.makeTensorInfo(call.imagesShape, 'float32', new Float32Array(size));
  const corners = sensorCorners(locations, call.attrs.scales, values, backend);
  try {
    const program = new GlimpseSensorGradProgram(call.imagesShape, call.attrs.interpolation === 'bilinear');
    return backend.runWebGPUProgram(program, [dy, corners], 'float32', uniformData(program, values));
  } finally {
    backend.disposeData(corners.dataId);
  }
}
