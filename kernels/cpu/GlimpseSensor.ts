import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendCPU} from '@tensorflow/tfjs-backend-cpu';
import type {GlimpseSensorAttrs, GlimpseSensorInputs} from '../../src/kernel_names';
import {sensorCall} from '../../src/sensor_prelude';
import {callKey} from '../../src/noise_random';
import {glimpseSensorImpl} from './glimpse_sensor_impl';

export interface CpuSensorArgs {
  inputs: GlimpseSensorInputs;
  backend: MathBackendCPU;
  attrs: GlimpseSensorAttrs;
}

/** The glimpse sensor on the cpu backend. */
export function glimpseSensorCpu({inputs, backend, attrs}: CpuSensorArgs): TensorInfo {
  const {images, locations} = inputs;
  const call = sensorCall(images.shape, locations.shape, attrs);
  const image = backend.data.get(images.dataId).values as Float32Array;
  const where = backend.data.get(locations.dataId).values as Float32Array;
  return backend.makeTensorInfo(call.shape, 'float32', glimpseSensorImpl(image, where, call, callKey(attrs.seed)));
}
