import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GlimpseSensorAttrs, GlimpseSensorInputs} from '../../src/kernel_names';
import {sensorCall, type SensorCall} from '../../src/sensor_prelude';
import {callKey} from '../../src/noise_random';
import type {WeightsOf} from '../../src/bilinear';
import {glimpseSensorImpl} from '../cpu/glimpse_sensor_impl';
import {fromValues, readValues, type TensorflowBackend} from './backend';
import {nativeSensor, runsNatively} from './native_sensor';

export interface TensorflowSensorArgs {
  inputs: GlimpseSensorInputs;
  backend: TensorflowBackend;
  attrs: GlimpseSensorAttrs;
}

/**
 * The glimpse sensor on tfjs-node's backend: TensorFlow's own ops (native_sensor.ts; only the
 * locations are read into JS) where the image is large beside the windows; else, and for
 * noise padding, the shared implementation on the image's values (noise: the cpu's draws,
 * bit for bit).
 */
export function glimpseSensorTensorflow({inputs, backend, attrs}: TensorflowSensorArgs): TensorInfo {
  return runSensor(inputs, backend, sensorCall(inputs.images, inputs.locations, attrs), 'value');
}

/** The sensor's output, or (`weightsOf` y or x) its slope along that corner axis. */
export function runSensor(
  inputs: GlimpseSensorInputs,
  backend: TensorflowBackend,
  call: SensorCall,
  weightsOf: WeightsOf,
): TensorInfo {
  // Nearest windows move in whole pixels: their slope is 0.
  if (call.empty || (call.attrs.interpolation === 'nearest' && weightsOf !== 'value')) {
    return fromValues(backend, new Float32Array(call.shape.reduce((a, b) => a * b, 1)), call.shape);
  }
  const where = readValues(backend, inputs.locations);
  if (runsNatively(call, inputs.images.dtype)) return nativeSensor(backend, inputs.images, where, call, weightsOf);
  const values = glimpseSensorImpl(
    readValues(backend, inputs.images),
    where,
    call,
    callKey(call.attrs.seed),
    undefined,
    weightsOf,
  );
  return fromValues(backend, values, call.shape);
}
