import {env, type TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import type {GlimpseSensorAttrs, GlimpseSensorInputs} from '../../src/kernel_names';
import {sensorCall, type SensorCall} from '../../src/sensor_prelude';
import type {WeightsOf} from '../../src/bilinear';
import {callKey} from '../../src/noise_random';
import {disposeNoiseStats, gpuNoiseStats} from '../gpu/noise_stats';
import {noiseValues} from '../gpu/uniforms';
import {sensorValues} from '../gpu/sensor_uniforms';
import {GlimpseSensorProgram} from './glimpse_sensor_program';
import {sensorCorners} from './sensor_corners_program';
import {checkFloatTextures} from './float_textures';
import {uniformData} from './uniforms';

export interface WebGLSensorArgs {
  inputs: GlimpseSensorInputs;
  backend: MathBackendWebGL;
  attrs: GlimpseSensorAttrs;
}

/** The glimpse sensor on the webgl backend: corners pass, then one sensor program. */
export function glimpseSensorWebGL({inputs, backend, attrs}: WebGLSensorArgs): TensorInfo {
  return runSensorProgram(inputs, backend, sensorCall(inputs.images, inputs.locations, attrs), 'value');
}

/**
 * The sensor's output, or (`weightsOf` y or x) its slope along that corner axis: 0 for nearest
 * windows, which move in whole pixels.
 */
export function runSensorProgram(
  inputs: GlimpseSensorInputs,
  backend: MathBackendWebGL,
  call: SensorCall,
  weightsOf: WeightsOf,
): TensorInfo {
  const {images, locations} = inputs;
  const {attrs} = call;
  const values = sensorValues(call, weightsOf);
  checkFloatTextures(call.opName);
  const bilinear = call.attrs.interpolation === 'bilinear';
  if (call.empty || (!bilinear && weightsOf !== 'value')) {
    const size = call.shape.reduce((a, b) => a * b, 1);
    return backend.makeTensorInfo(call.shape, 'float32', new Float32Array(size));
  }
  const webglVersion = env().getNumber('WEBGL_VERSION');
  const corners = sensorCorners(locations, call.attrs.scales, values, backend);
  const {padding} = call.attrs;
  if (padding === 'zero' || padding === 'edge') {
    try {
      const program = new GlimpseSensorProgram(call.shape, webglVersion, false, bilinear);
      return backend.runWebGLProgram(program, [images, corners], 'float32', uniformData(program, values));
    } finally {
      backend.disposeIntermediateTensorInfo(corners);
    }
  }
  const stats = gpuNoiseStats(images, padding, 'webgl', backend);
  try {
    const program = new GlimpseSensorProgram(call.shape, webglVersion, true, bilinear);
    return backend.runWebGLProgram(
      program,
      [images, corners, stats.min, stats.max, stats.mean, stats.sigma],
      'float32',
      uniformData(program, {...values, ...noiseValues(padding, callKey(attrs.seed))}),
    );
  } finally {
    disposeNoiseStats(stats, backend);
    backend.disposeIntermediateTensorInfo(corners);
  }
}
