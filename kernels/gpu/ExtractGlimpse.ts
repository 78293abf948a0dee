import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {ExtractGlimpseAttrs, ExtractGlimpseInputs, GlimpseVersion} from '../../src/kernel_names';
import {glimpseCall} from '../../src/kernel_prelude';
import {windowCorners} from './corners';
import type {GpuBackend} from './noise_stats';
import {runPadded} from './padded_run';
import {zeroOutput, type GpuKernelArgs, type GpuRunner} from './runner';
import {placementValues} from './uniforms';

export type GpuGlimpseArgs<Backend> = GpuKernelArgs<ExtractGlimpseInputs, ExtractGlimpseAttrs, Backend>;

/** The forward kernel of op `version` on `runner`'s backend: corners pass, then one glimpse program. */
export function extractGlimpseGpu<Backend extends GpuBackend, Program>(
  runner: GpuRunner<Backend, Program>,
  version: GlimpseVersion,
) {
  return ({inputs, backend, attrs}: GpuGlimpseArgs<Backend>): TensorInfo => {
    const {input, offsets} = inputs;
    const call = glimpseCall(version, input, offsets, attrs);
    const placement = placementValues(call.params, call.opName);
    runner.checkDevice(call.opName);
    if (call.empty) return zeroOutput(backend, call.shape);
    return runPadded(runner, backend, {
      program: drawsNoise => runner.programs.glimpse(call.shape, drawsNoise),
      image: input,
      corners: windowCorners(runner, backend, offsets, placement),
      values: placement,
      noise: call.mode === 'zero' ? undefined : {mode: call.mode, seed: attrs.seed},
    });
  };
}
