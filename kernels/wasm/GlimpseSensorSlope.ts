import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import type {GlimpseSensorInputs, GlimpseSensorSlopeAttrs} from '../../src/kernel_names';
import {sensorSlopeCall} from '../../src/sensor_prelude';
import {callKey} from '../../src/noise_random';
import {glimpseSensorImpl} from '../cpu/glimpse_sensor_impl';
import {heapFloats, heapView} from './heap';

export interface WasmSensorSlopeArgs {
  inputs: GlimpseSensorInputs;
  backend: BackendWasm;
  attrs: GlimpseSensorSlopeAttrs;
}

/** The glimpse sensor's slope along one corner axis on the wasm backend. */
export function glimpseSensorSlopeWasm({inputs, backend, attrs}: WasmSensorSlopeArgs): TensorInfo {
  const {images, locations} = inputs;
  const call = sensorSlopeCall(images.shape, locations.shape, attrs);
  const out = backend.makeOutput(call.shape, 'float32');
  if (call.empty) return out;
  glimpseSensorImpl(
    heapView(backend, images),
    heapFloats(backend, locations),
    call,
    callKey(attrs.seed),
    heapFloats(backend, out),
    call.axis,
  );
  return out;
}
