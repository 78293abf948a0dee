import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import type {GlimpseSensorInputs, GlimpseSensorSlopeAttrs} from '../../src/kernel_names';
import {sensorSlopeCall} from '../../src/sensor_prelude';
import {runSensor} from './GlimpseSensor';

export interface WasmSensorSlopeArgs {
  inputs: GlimpseSensorInputs;
  backend: BackendWasm;
  attrs: GlimpseSensorSlopeAttrs;
}

/** The glimpse sensor's slope along one corner axis on the wasm backend: the sensor, other weights. */
export function glimpseSensorSlopeWasm({inputs, backend, attrs}: WasmSensorSlopeArgs): TensorInfo {
  const call = sensorSlopeCall(inputs.images, inputs.locations, attrs);
  return runSensor(inputs, backend, call, call.axis);
}
