import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import type {GlimpseSensorAttrs, GlimpseSensorInputs} from '../../src/kernel_names';
import {sensorCall} from '../../src/sensor_prelude';
import {callKey} from '../../src/noise_random';
import {glimpseSensorImpl} from '../cpu/glimpse_sensor_impl';
import {heapFloats, heapView} from './heap';

export interface WasmSensorArgs {
  inputs: GlimpseSensorInputs;
  backend: BackendWasm;
  attrs: GlimpseSensorAttrs;
}

/** The glimpse sensor on the wasm backend. */
export function glimpseSensorWasm({inputs, backend, attrs}: WasmSensorArgs): TensorInfo {
  const {images, locations} = inputs;
  const call = sensorCall(images.shape, locations.shape, attrs);
  const out = backend.makeOutput(call.shape, 'float32');
  if (call.empty) return out;
  glimpseSensorImpl(
    heapView(backend, images),
    heapFloats(backend, locations),
    call,
    callKey(attrs.seed),
    heapFloats(backend, out),
  );
  return out;
}
