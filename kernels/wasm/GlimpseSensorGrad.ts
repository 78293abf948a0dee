import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import type {GlimpseSensorGradAttrs, GlimpseSensorGradInputs} from '../../src/kernel_names';
import {sensorGradCall} from '../../src/sensor_prelude';
import {glimpseSensorGradImpl} from '../cpu/glimpse_sensor_grad_impl';
import {heapFloats, writeOutput} from './heap';
import {compiledKernels} from './compiled_module';
import {compiledSensorGrad} from './compiled_sensor';

export interface WasmSensorGradArgs {
  inputs: GlimpseSensorGradInputs;
  backend: BackendWasm;
  attrs: GlimpseSensorGradAttrs;
}

/** The glimpse sensor's backward kernel on the wasm backend. */
export function glimpseSensorGradWasm({inputs, backend, attrs}: WasmSensorGradArgs): TensorInfo {
  const call = sensorGradCall(inputs.dy, inputs.locations, attrs);
  const compiled = compiledKernels(backend);
  return writeOutput(backend, call.imagesShape, call.opName, out =>
    compiled
      ? compiledSensorGrad(compiled, backend, inputs, call, out)
      : glimpseSensorGradImpl(
          heapFloats(backend, inputs.dy),
          heapFloats(backend, inputs.locations),
          call,
          heapFloats(backend, out),
        ),
  );
}
