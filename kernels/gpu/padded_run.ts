/**
 * The main program of a forward kernel, over the image and its corners: without noise code
 * where the padding draws none, else with the image's noise statistics as inputs and the
 * noise uniforms. Frees the corners and the statistics.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {NoiseMode} from '../../src/kernel_names';
import {callKey} from '../../src/noise_random';
import {disposeNoiseStats, gpuNoiseStats, NOISE_STATS_INPUTS, type GpuBackend} from './noise_stats';
import type {GpuRunner} from './runner';
import {NOISE_UNIFORMS, noiseValues, type UniformDecl, type UniformValues} from './uniforms';

export type DrawnNoise = Exclude<NoiseMode, 'zero'>;

/**
 * A forward program's inputs and uniform declarations, in the order runPadded passes them:
 * `Image` and `Corners`, and with drawn noise the statistics and NOISE_UNIFORMS after `uniforms`.
 */
export function forwardInputs(
  uniforms: readonly UniformDecl[],
  drawsNoise: boolean,
): {variableNames: string[]; uniformDecls: readonly UniformDecl[]} {
  return {
    variableNames: ['Image', 'Corners', ...(drawsNoise ? NOISE_STATS_INPUTS : [])],
    uniformDecls: drawsNoise ? [...uniforms, ...NOISE_UNIFORMS] : uniforms,
  };
}

export interface PaddedRun<Program> {
  /** The program, with or without the noise code. */
  program(drawsNoise: boolean): Program;
  image: TensorInfo;
  /** The corners pass's output, freed here. */
  corners: TensorInfo;
  /** The uniform values other than the noise's. */
  values: UniformValues;
  /** The noise the padding draws, if any, and the call's seed attr. */
  noise?: {mode: DrawnNoise; seed?: number};
}

export function runPadded<Backend extends GpuBackend, Program>(
  runner: GpuRunner<Backend, Program>,
  backend: Backend,
  {program, image, corners, values, noise}: PaddedRun<Program>,
): TensorInfo {
  try {
    if (noise === undefined) return runner.run(backend, program(false), [image, corners], values);
    const stats = gpuNoiseStats(image, noise.mode, runner.backendName, backend);
    try {
      return runner.run(backend, program(true), [image, corners, stats.min, stats.max, stats.mean, stats.sigma], {
        ...values,
        ...noiseValues(noise.mode, callKey(noise.seed)),
      });
    } finally {
      disposeNoiseStats(stats, backend);
    }
  } finally {
    runner.dispose(backend, corners);
  }
}
