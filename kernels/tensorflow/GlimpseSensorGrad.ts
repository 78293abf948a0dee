import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GlimpseSensorGradAttrs, GlimpseSensorGradInputs} from '../../src/kernel_names';
import {sensorGradCall} from '../../src/sensor_prelude';
import {fromValues, readValues, type TensorflowBackend} from './backend';
import {nativeSensorGrad, nativeSensorFits} from './native_sensor';
import {glimpseSensorGradImpl} from '../cpu/glimpse_sensor_grad_impl';

export interface TensorflowSensorGradArgs {
  inputs: GlimpseSensorGradInputs;
  backend: TensorflowBackend;
  attrs: GlimpseSensorGradAttrs;
}

/**
 * The glimpse sensor's backward kernel on tfjs-node's backend: TensorFlow's own ops
 * (native_sensor.ts), dy never read into JS; the shared implementation where flat pixel
 * indices would not fit in int32.
 */
export function glimpseSensorGradTensorflow({inputs, backend, attrs}: TensorflowSensorGradArgs): TensorInfo {
  const call = sensorGradCall(inputs.dy.shape, inputs.locations.shape, attrs);
  const size = call.imagesShape.reduce((a, b) => a * b, 1);
  if (size === 0 || call.empty) return fromValues(backend, new Float32Array(size), call.imagesShape);
  const where = readValues(backend, inputs.locations);
  if (nativeSensorFits(call, inputs.dy.dtype, true)) return nativeSensorGrad(backend, inputs.dy, where, call);
  const dx = glimpseSensorGradImpl(readValues(backend, inputs.dy) as Float32Array, where, call);
  return fromValues(backend, dx, call.imagesShape);
}
