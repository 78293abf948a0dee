import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import type {GlimpseSensorInputs, GlimpseSensorSlopeAttrs} from '../../src/kernel_names';
import {sensorSlopeCall} from '../../src/sensor_prelude';
import {runSensorProgram} from './GlimpseSensor';

export interface WebGLSensorSlopeArgs {
  inputs: GlimpseSensorInputs;
  backend: MathBackendWebGL;
  attrs: GlimpseSensorSlopeAttrs;
}

/** The glimpse sensor's slope along one corner axis on the webgl backend: the sensor program, other weights. */
export function glimpseSensorSlopeWebGL({inputs, backend, attrs}: WebGLSensorSlopeArgs): TensorInfo {
  const call = sensorSlopeCall(inputs.images, inputs.locations, attrs);
  return runSensorProgram(inputs, backend, call, call.axis);
}
