import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendCPU} from '@tensorflow/tfjs-backend-cpu';
import type {GlimpseSensorInputs, GlimpseSensorSlopeAttrs} from '../../src/kernel_names';
import {sensorSlopeCall} from '../../src/sensor_prelude';
import {runSensor} from './GlimpseSensor';

export interface CpuSensorSlopeArgs {
  inputs: GlimpseSensorInputs;
  backend: MathBackendCPU;
  attrs: GlimpseSensorSlopeAttrs;
}

/** The glimpse sensor's slope along one corner axis on the cpu backend: the sensor, other weights. */
export function glimpseSensorSlopeCpu({inputs, backend, attrs}: CpuSensorSlopeArgs): TensorInfo {
  const call = sensorSlopeCall(inputs.images, inputs.locations, attrs);
  return runSensor(inputs, backend, call, call.axis);
}
