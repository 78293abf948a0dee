import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GlimpseSensorInputs, GlimpseSensorSlopeAttrs} from '../../src/kernel_names';
import {sensorSlopeCall} from '../../src/sensor_prelude';
import {runSensor} from './GlimpseSensor';
import type {TensorflowBackend} from './backend';

export interface TensorflowSensorSlopeArgs {
  inputs: GlimpseSensorInputs;
  backend: TensorflowBackend;
  attrs: GlimpseSensorSlopeAttrs;
}

/** The glimpse sensor's slope along one corner axis on tfjs-node's backend: the sensor, other weights. */
export function glimpseSensorSlopeTensorflow({inputs, backend, attrs}: TensorflowSensorSlopeArgs): TensorInfo {
  const call = sensorSlopeCall(inputs.images, inputs.locations, attrs);
  return runSensor(inputs, backend, call, call.axis);
}
