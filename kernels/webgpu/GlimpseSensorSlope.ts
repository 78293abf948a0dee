import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {WebGPUBackend} from '@tensorflow/tfjs-backend-webgpu';
import type {GlimpseSensorInputs, GlimpseSensorSlopeAttrs} from '../../src/kernel_names';
import {sensorSlopeCall} from '../../src/sensor_prelude';
import {runSensorProgram} from './GlimpseSensor';

export interface WebGPUSensorSlopeArgs {
  inputs: GlimpseSensorInputs;
  backend: WebGPUBackend;
  attrs: GlimpseSensorSlopeAttrs;
}

/** The glimpse sensor's slope along one corner axis on the webgpu backend: the sensor program, other weights. */
export function glimpseSensorSlopeWebGPU({inputs, backend, attrs}: WebGPUSensorSlopeArgs): TensorInfo {
  const call = sensorSlopeCall(inputs.images, inputs.locations, attrs);
  return runSensorProgram(inputs, backend, call, call.axis);
}
