import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GlimpseSensorAttrs, GlimpseSensorInputs} from '../../src/kernel_names';
import {sensorCall, type SensorCall} from '../../src/sensor_prelude';
import {callKey} from '../../src/noise_random';
import type {WeightsOf} from '../../src/bilinear';
import {glimpseSensorImpl} from '../cpu/glimpse_sensor_impl';
import {fromValues, readValues, type TensorflowBackend} from './backend';

export interface TensorflowSensorArgs {
  inputs: GlimpseSensorInputs;
  backend: TensorflowBackend;
  attrs: GlimpseSensorAttrs;
}

/** The glimpse sensor on tfjs-node's backend: TensorFlow has no such op, so the shared implementation. */
export function glimpseSensorTensorflow({inputs, backend, attrs}: TensorflowSensorArgs): TensorInfo {
  return runSensor(inputs, backend, sensorCall(inputs.images.shape, inputs.locations.shape, attrs), 'value');
}

/** The sensor's output, or (`of` y or x) its slope along that corner axis. */
export function runSensor(
  inputs: GlimpseSensorInputs,
  backend: TensorflowBackend,
  call: SensorCall,
  of: WeightsOf,
): TensorInfo {
  const [image, where] = [readValues(backend, inputs.images), readValues(backend, inputs.locations)];
  const values = call.empty
    ? new Float32Array(0)
    : glimpseSensorImpl(image, where, call, callKey(call.attrs.seed), undefined, of);
  return fromValues(backend, values, call.shape);
}
