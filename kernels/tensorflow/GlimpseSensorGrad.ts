import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GlimpseSensorGradAttrs, GlimpseSensorGradInputs} from '../../src/kernel_names';
import {sensorGradCall} from '../../src/sensor_prelude';
import {glimpseSensorGradImpl} from '../cpu/glimpse_sensor_grad_impl';
import {fromValues, readValues, type TensorflowBackend} from './backend';

export interface TensorflowSensorGradArgs {
  inputs: GlimpseSensorGradInputs;
  backend: TensorflowBackend;
  attrs: GlimpseSensorGradAttrs;
}

/**
 * The glimpse sensor's backward kernel on tfjs-node's backend: the shared implementation,
 * which reads dy and the locations, never the image (measured faster than TensorFlow ops).
 */
export function glimpseSensorGradTensorflow({inputs, backend, attrs}: TensorflowSensorGradArgs): TensorInfo {
  const call = sensorGradCall(inputs.dy, inputs.locations, attrs);
  const dy = readValues(backend, inputs.dy) as Float32Array;
  const dx = glimpseSensorGradImpl(dy, readValues(backend, inputs.locations), call);
  return fromValues(backend, dx, call.imagesShape);
}
