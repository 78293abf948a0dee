import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {WebGPUBackend} from '@tensorflow/tfjs-backend-webgpu';
import type {GlimpseSensorAttrs, GlimpseSensorInputs} from '../../src/kernel_names';
import {sensorCall, type SensorCall} from '../../src/sensor_prelude';
import type {WeightsOf} from '../../src/bilinear';
import {callKey} from '../../src/noise_random';
import {disposeNoiseStats, gpuNoiseStats} from '../gpu/noise_stats';
import {noiseValues} from '../gpu/uniforms';
import {sensorValues} from '../gpu/sensor_uniforms';
import {GlimpseSensorProgram} from './glimpse_sensor_program';
import {sensorCorners} from './sensor_corners_program';
import {uniformData} from './uniforms';

export interface WebGPUSensorArgs {
  inputs: GlimpseSensorInputs;
  backend: WebGPUBackend;
  attrs: GlimpseSensorAttrs;
}

/** The glimpse sensor on the webgpu backend: corners pass, then one sensor program. */
export function glimpseSensorWebGPU({inputs, backend, attrs}: WebGPUSensorArgs): TensorInfo {
  return runSensorProgram(inputs, backend, sensorCall(inputs.images, inputs.locations, attrs), 'value');
}

/**
 * The sensor's output, or (`weightsOf` y or x) its slope along that corner axis: 0 for nearest
 * windows, which move in whole pixels.
 */
export function runSensorProgram(
  inputs: GlimpseSensorInputs,
  backend: WebGPUBackend,
  call: SensorCall,
  weightsOf: WeightsOf,
): TensorInfo {
  const {images, locations} = inputs;
  const {attrs} = call;
  const values = sensorValues(call, weightsOf);
  const bilinear = call.attrs.interpolation === 'bilinear';
  if (call.empty || (!bilinear && weightsOf !== 'value')) {
    const size = call.shape.reduce((a, b) => a * b, 1);
    return backend.makeTensorInfo(call.shape, 'float32', new Float32Array(size));
  }
  const corners = sensorCorners(locations, call.attrs.scales, values, backend);
  const {padding} = call.attrs;
  if (padding === 'zero' || padding === 'edge') {
    try {
      const program = new GlimpseSensorProgram(call.shape, false, bilinear);
      return backend.runWebGPUProgram(program, [images, corners], 'float32', uniformData(program, values));
    } finally {
      backend.disposeData(corners.dataId);
    }
  }
  const stats = gpuNoiseStats(images, padding, 'webgpu', backend);
  try {
    const program = new GlimpseSensorProgram(call.shape, true, bilinear);
    return backend.runWebGPUProgram(
      program,
      [images, corners, stats.min, stats.max, stats.mean, stats.sigma],
      'float32',
      uniformData(program, {...values, ...noiseValues(padding, callKey(attrs.seed))}),
    );
  } finally {
    disposeNoiseStats(stats, backend);
    backend.disposeData(corners.dataId);
  }
}
