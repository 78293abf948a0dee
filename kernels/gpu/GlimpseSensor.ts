import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GlimpseSensorAttrs, GlimpseSensorInputs, SensorPadding} from '../../src/kernel_names';
import {sensorCall, type SensorCall} from '../../src/sensor_prelude';
import type {WeightsOf} from '../../src/bilinear';
import {sensorCorners} from './corners';
import type {GpuBackend} from './noise_stats';
import {runPadded, type DrawnNoise} from './padded_run';
import {zeroOutput, type GpuKernelArgs, type GpuRunner} from './runner';
import {sensorValues} from './sensor_uniforms';

export type GpuSensorArgs<Backend> = GpuKernelArgs<GlimpseSensorInputs, GlimpseSensorAttrs, Backend>;

/** The glimpse sensor on `runner`'s backend: corners pass, then one sensor program. */
export function glimpseSensorGpu<Backend extends GpuBackend, Program>(runner: GpuRunner<Backend, Program>) {
  return ({inputs, backend, attrs}: GpuSensorArgs<Backend>): TensorInfo =>
    runSensorProgram(runner, inputs, backend, sensorCall(inputs.images, inputs.locations, attrs), 'value');
}

/**
 * The noise a padding draws outside the image, if any. The programs take the other modes as
 * uniforms (kernels/gpu/sensor_uniforms.ts) and leave the noise code out.
 */
function drawnNoise(padding: SensorPadding): DrawnNoise | undefined {
  switch (padding) {
    case 'zero':
    case 'edge':
    case 'reflection':
      return undefined;
    case 'uniform':
    case 'gaussian':
      return padding;
  }
}

/**
 * The sensor's output, or (`weightsOf` y or x) its slope along that corner axis: 0 for nearest
 * windows, which move in whole pixels.
 */
export function runSensorProgram<Backend extends GpuBackend, Program>(
  runner: GpuRunner<Backend, Program>,
  inputs: GlimpseSensorInputs,
  backend: Backend,
  call: SensorCall,
  weightsOf: WeightsOf,
): TensorInfo {
  const {images, locations} = inputs;
  const values = sensorValues(call, weightsOf);
  runner.checkDevice(call.opName);
  const bilinear = call.attrs.interpolation === 'bilinear';
  if (call.empty || (!bilinear && weightsOf !== 'value')) return zeroOutput(backend, call.shape);
  const mode = drawnNoise(call.attrs.padding);
  return runPadded(runner, backend, {
    program: drawsNoise => runner.programs.sensor(call.shape, drawsNoise, bilinear),
    image: images,
    corners: sensorCorners(runner, backend, locations, call.attrs.scales, values),
    values,
    noise: mode === undefined ? undefined : {mode, seed: call.attrs.seed},
  });
}
