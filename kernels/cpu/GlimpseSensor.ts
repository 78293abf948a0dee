import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendCPU} from '@tensorflow/tfjs-backend-cpu';
import type {GlimpseSensorAttrs, GlimpseSensorInputs} from '../../src/kernel_names';
import {sensorCall, type SensorCall} from '../../src/sensor_prelude';
import {callKey} from '../../src/noise_random';
import type {WeightsOf} from '../../src/bilinear';
import {glimpseSensorImpl} from './glimpse_sensor_impl';

export interface CpuSensorArgs {
  inputs: GlimpseSensorInputs;
  backend: MathBackendCPU;
  attrs: GlimpseSensorAttrs;
}

/** The glimpse sensor on the cpu backend. */
export function glimpseSensorCpu({inputs, backend, attrs}: CpuSensorArgs): TensorInfo {
  return runSensor(inputs, backend, sensorCall(inputs.images, inputs.locations, attrs), 'value');
}

/** The sensor's output, or (`weightsOf` y or x) its slope along that corner axis. */
export function runSensor(
  inputs: GlimpseSensorInputs,
  backend: MathBackendCPU,
  call: SensorCall,
  weightsOf: WeightsOf,
): TensorInfo {
  const image = backend.data.get(inputs.images.dataId).values as Float32Array;
  const where = backend.data.get(inputs.locations.dataId).values as Float32Array;
  const values = glimpseSensorImpl(image, where, call, callKey(call.attrs.seed), undefined, weightsOf);
  return backend.makeTensorInfo(call.shape, 'float32', values);
}
