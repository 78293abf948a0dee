import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GlimpseSensorAttrs, GlimpseSensorInputs} from '../../src/kernel_names';
import {sensorCall} from '../../src/sensor_prelude';
import {callKey} from '../../src/noise_random';
import {glimpseSensorImpl} from '../cpu/glimpse_sensor_impl';
import {fromValues, readValues, type TensorflowBackend} from './backend';

export interface TensorflowSensorArgs {
  inputs: GlimpseSensorInputs;
  backend: TensorflowBackend;
  attrs: GlimpseSensorAttrs;
}

/** The glimpse sensor on tfjs-node's backend: TensorFlow has no such op, so the shared implementation. */
export function glimpseSensorTensorflow({inputs, backend, attrs}: TensorflowSensorArgs): TensorInfo {
  const {images, locations} = inputs;
  const call = sensorCall(images.shape, locations.shape, attrs);
  const values = call.empty
    ? new Float32Array(0)
    : glimpseSensorImpl(readValues(backend, images), readValues(backend, locations), call, callKey(attrs.seed));
  return fromValues(backend, values, call.shape);
}
