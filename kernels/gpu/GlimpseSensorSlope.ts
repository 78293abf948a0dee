import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GlimpseSensorInputs, GlimpseSensorSlopeAttrs} from '../../src/kernel_names';
import {sensorSlopeCall} from '../../src/sensor_prelude';
import {runSensorProgram} from './GlimpseSensor';
import type {GpuBackend} from './noise_stats';
import type {GpuKernelArgs, GpuRunner} from './runner';

export type GpuSensorSlopeArgs<Backend> = GpuKernelArgs<GlimpseSensorInputs, GlimpseSensorSlopeAttrs, Backend>;

/** The glimpse sensor's slope along one corner axis on `runner`'s backend: the sensor program, other weights. */
export function glimpseSensorSlopeGpu<Backend extends GpuBackend, Program>(runner: GpuRunner<Backend, Program>) {
  return ({inputs, backend, attrs}: GpuSensorSlopeArgs<Backend>): TensorInfo => {
    const call = sensorSlopeCall(inputs.images, inputs.locations, attrs);
    return runSensorProgram(runner, inputs, backend, call, call.axis);
  };
}
