import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GlimpseSensorGradAttrs, GlimpseSensorGradInputs} from '../../src/kernel_names';
import {sensorGradCall} from '../../src/sensor_prelude';
import {sensorCorners} from './corners';
import type {GpuBackend} from './noise_stats';
import {zeroOutput, type GpuKernelArgs, type GpuRunner} from './runner';
import {sensorValues} from './sensor_uniforms';

export type GpuSensorGradArgs<Backend> = GpuKernelArgs<GlimpseSensorGradInputs, GlimpseSensorGradAttrs, Backend>;

/** The glimpse sensor's backward kernel on `runner`'s backend: corners pass, then one gather program. */
export function glimpseSensorGradGpu<Backend extends GpuBackend, Program>(runner: GpuRunner<Backend, Program>) {
  return ({inputs, backend, attrs}: GpuSensorGradArgs<Backend>): TensorInfo => {
    const {dy, locations} = inputs;
    const call = sensorGradCall(dy, locations, attrs);
    const values = sensorValues(call);
    runner.checkDevice(call.opName);
    // No output value sampled anything: d images is all zeros (or empty).
    if (call.empty || call.imagesShape.includes(0)) return zeroOutput(backend, call.imagesShape);
    const corners = sensorCorners(runner, backend, locations, call.attrs.scales, values);
    try {
      const bilinear = call.attrs.interpolation === 'bilinear';
      const program = runner.programs.sensorGrad(call.imagesShape, call.shape, bilinear);
      return runner.run(backend, program, [dy, corners], values);
    } finally {
      runner.dispose(backend, corners);
    }
  };
}
