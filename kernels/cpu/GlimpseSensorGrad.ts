import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendCPU} from '@tensorflow/tfjs-backend-cpu';
import type {GlimpseSensorGradAttrs, GlimpseSensorGradInputs} from '../../src/kernel_names';
import {sensorGradCall} from '../../src/sensor_prelude';
import {glimpseSensorGradImpl} from './glimpse_sensor_grad_impl';

export interface CpuSensorGradArgs {
  inputs: GlimpseSensorGradInputs;
  backend: MathBackendCPU;
  attrs: GlimpseSensorGradAttrs;
}

/** The glimpse sensor's backward kernel on the cpu backend. */
export function glimpseSensorGradCpu({inputs, backend, attrs}: CpuSensorGradArgs): TensorInfo {
  const {dy, locations} = inputs;
  const call = sensorGradCall(dy, locations, attrs);
  const dyValues = backend.data.get(dy.dataId).values as Float32Array;
  const where = backend.data.get(locations.dataId).values as Float32Array;
  return backend.makeTensorInfo(call.imagesShape, 'float32', glimpseSensorGradImpl(dyValues, where, call));
}
