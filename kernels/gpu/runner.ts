/**
 * What the shared GPU kernels (this folder's ExtractGlimpse.ts, ..., GlimpseSensorSlope.ts)
 * need of a backend, which webgl and webgpu each give once (kernels/<webgl,webgpu>/runner.ts):
 * their programs (the shader text stays with each backend), how a program runs, how an
 * intermediate is freed, and any check of the device.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GpuBackend} from './noise_stats';
import type {UniformValues} from './uniforms';

/** Each program the kernels run, made for one call's output shape and variant. */
export interface GpuPrograms<Program> {
  /** `[batch, 2]` window corners from `[batch, 2]` offsets. */
  windowCorners(outputShape: number[]): Program;
  /** `[batch, n, k, 4]` window corners and fractions from `[batch, n, 2]` locations. */
  sensorCorners(outputShape: number[]): Program;
  glimpse(outputShape: number[], drawsNoise: boolean): Program;
  glimpseGrad(outputShape: number[]): Program;
  sensor(outputShape: number[], drawsNoise: boolean, bilinear: boolean): Program;
  sensorGrad(outputShape: number[], dyShape: number[], bilinear: boolean): Program;
}

export interface GpuRunner<Backend extends GpuBackend, Program> {
  /** The name tfjs registers the backend under, which its own kernels (the noise statistics) use. */
  readonly backendName: string;
  readonly programs: GpuPrograms<Program>;
  /** Refuses, naming the op, a device the kernels cannot compute exactly on. */
  checkDevice(opName: string): void;
  /** Runs `program` on `inputs` with the call's uniform `values` (by name); a float32 result. */
  run(backend: Backend, program: Program, inputs: TensorInfo[], values: UniformValues): TensorInfo;
  /** Frees an intermediate the kernel made. */
  dispose(backend: Backend, info: TensorInfo): void;
}

/** What tfjs passes a kernel: the call's inputs and attrs and the active backend. */
export interface GpuKernelArgs<Inputs, Attrs, Backend> {
  inputs: Inputs;
  backend: Backend;
  attrs: Attrs;
}

/** An all-zero float32 output of `shape` (or an empty one), run without any program. */
export function zeroOutput(backend: GpuBackend, shape: number[]): TensorInfo {
  const size = shape.reduce((a, b) => a * b, 1);
  return backend.makeTensorInfo(shape, 'float32', new Float32Array(size));
}
