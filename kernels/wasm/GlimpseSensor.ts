import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import type {GlimpseSensorAttrs, GlimpseSensorInputs} from '../../src/kernel_names';
import {sensorCall, type SensorCall} from '../../src/sensor_prelude';
import {callKey} from '../../src/noise_random';
import type {WeightsOf} from '../../src/bilinear';
import {glimpseSensorImpl} from '../cpu/glimpse_sensor_impl';
import {heapFloats, heapView, writeOutput} from './heap';

export interface WasmSensorArgs {
  inputs: GlimpseSensorInputs;
  backend: BackendWasm;
  attrs: GlimpseSensorAttrs;
}

/** The glimpse sensor on the wasm backend. */
export function glimpseSensorWasm({inputs, backend, attrs}: WasmSensorArgs): TensorInfo {
  return runSensor(inputs, backend, sensorCall(inputs.images, inputs.locations, attrs), 'value');
}

/** The sensor's output, or (`weightsOf` y or x) its slope along that corner axis. */
export function runSensor(
  inputs: GlimpseSensorInputs,
  backend: BackendWasm,
  call: SensorCall,
  weightsOf: WeightsOf,
): TensorInfo {
  const {images, locations} = inputs;
  return writeOutput(backend, call.shape, call.opName, out => {
    const [image, where] = [heapView(backend, images), heapFloats(backend, locations)];
    glimpseSensorImpl(image, where, call, callKey(call.attrs.seed), heapFloats(backend, out), weightsOf);
  });
}
