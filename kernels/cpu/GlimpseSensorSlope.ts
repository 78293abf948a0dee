import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendCPU} from '@tensorflow/tfjs-backend-cpu';
import type {GlimpseSensorInputs, GlimpseSensorSlopeAttrs} from '../../src/kernel_names';
import {sensorSlopeCall} from '../../src/sensor_prelude';
import {callKey} from '../../src/noise_random';
import {glimpseSensorImpl} from './glimpse_sensor_impl';

export interface CpuSensorSlopeArgs {
  inputs: GlimpseSensorInputs;
  backend: MathBackendCPU;
  attrs: GlimpseSensorSlopeAttrs;
}

/** The glimpse sensor's slope along one corner axis on the cpu backend. */
export function glimpseSensorSlopeCpu({inputs, backend, attrs}: CpuSensorSlopeArgs): TensorInfo {
  const {images, locations} = inputs;
  const call = sensorSlopeCall(images.shape, locations.shape, attrs);
  const image = backend.data.get(images.dataId).values as Float32Array;
  const where = backend.data.get(locations.dataId).values as Float32Array;
  const values = glimpseSensorImpl(image, where, call, callKey(attrs.seed), undefined, call.axis);
  return backend.makeTensorInfo(call.shape, 'float32', values);
}
