import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GlimpseSensorInputs, GlimpseSensorSlopeAttrs} from '../../src/kernel_names';
import {sensorSlopeCall} from '../../src/sensor_prelude';
import {callKey} from '../../src/noise_random';
import {glimpseSensorImpl} from '../cpu/glimpse_sensor_impl';
import {fromValues, readValues, type TensorflowBackend} from './backend';

export interface TensorflowSensorSlopeArgs {
  inputs: GlimpseSensorInputs;
  backend: TensorflowBackend;
  attrs: GlimpseSensorSlopeAttrs;
}

/** The glimpse sensor's slope along one corner axis on tfjs-node's backend: the shared implementation. */
export function glimpseSensorSlopeTensorflow({inputs, backend, attrs}: TensorflowSensorSlopeArgs): TensorInfo {
  const {images, locations} = inputs;
  const call = sensorSlopeCall(images.shape, locations.shape, attrs);
  const values = call.empty
    ? new Float32Array(0)
    : glimpseSensorImpl(
        readValues(backend, images),
        readValues(backend, locations),
        call,
        callKey(attrs.seed),
        undefined,
        call.axis,
      );
  return fromValues(backend, values, call.shape);
}
