import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {ExtractGlimpseGradAttrs, ExtractGlimpseGradInputs} from '../../src/kernel_names';
import {glimpseGradCall} from '../../src/kernel_prelude';
import {windowCorners} from './corners';
import type {GpuBackend} from './noise_stats';
import {zeroOutput, type GpuKernelArgs, type GpuRunner} from './runner';
import {placementValues} from './uniforms';

export type GpuGlimpseGradArgs<Backend> = GpuKernelArgs<ExtractGlimpseGradInputs, ExtractGlimpseGradAttrs, Backend>;

/** The backward kernel (both versions) on `runner`'s backend: corners pass, then one scatter program. */
export function extractGlimpseGradGpu<Backend extends GpuBackend, Program>(runner: GpuRunner<Backend, Program>) {
  return ({inputs, backend, attrs}: GpuGlimpseGradArgs<Backend>): TensorInfo => {
    const {dy, offsets} = inputs;
    const call = glimpseGradCall(dy, offsets, attrs);
    const placement = placementValues(call.params, call.opName);
    runner.checkDevice(call.opName);
    if (call.empty || call.nothingSampled) return zeroOutput(backend, call.shape);
    const corners = windowCorners(runner, backend, offsets, placement);
    try {
      return runner.run(backend, runner.programs.glimpseGrad(call.shape), [dy, corners], placement);
    } finally {
      runner.dispose(backend, corners);
    }
  };
}
