import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import type {GlimpseSensorAttrs, GlimpseSensorInputs} from '../../src/kernel_names';
import {sensorCall, type SensorCall} from '../../src/sensor_prelude';
import {callKey} from '../../src/noise_random';
import type {WeightsOf} from '../../src/bilinear';
import {glimpseSensorImpl} from '../cpu/glimpse_sensor_impl';
import {heapFloats, heapView, writeOutput} from './heap';
import {compiledKernels} from './compiled_module';
import {compiledSensor} from './compiled_sensor';

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
  const key = callKey(call.attrs.seed);
  // The compiled kernels read float32 images; int32 ones take the JS kernel.
  const compiled = images.dtype === 'float32' ? compiledKernels(backend) : null;
  return writeOutput(backend, call.shape, call.opName, out => {
    if (compiled) return compiledSensor(compiled, backend, inputs, call, key, out, weightsOf);
    const [image, where] = [heapView(backend, images), heapFloats(backend, locations)];
    glimpseSensorImpl(image, where, call, key, heapFloats(backend, out), weightsOf);
  });
}
