/**
 * The corners passes the kernels run first: a small program places each window once (its
 * shader text in kernels/<webgl,webgpu>/window_corners_program.ts and
 * sensor_corners_program.ts), and the main program reads the result (corner_readers.ts).
 * The caller frees the result.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GpuBackend} from './noise_stats';
import type {GpuRunner} from './runner';
import type {SensorValues} from './sensor_uniforms';
import type {PlacementValues} from './uniforms';

/** extractGlimpse's `[batch, 2]` corners (row, col) of `[batch, 2]` offsets; uniforms PLACEMENT_UNIFORMS. */
export function windowCorners<Backend extends GpuBackend, Program>(
  runner: GpuRunner<Backend, Program>,
  backend: Backend,
  offsets: TensorInfo,
  placement: PlacementValues,
): TensorInfo {
  const program = runner.programs.windowCorners([offsets.shape[0], 2]);
  return runner.run(backend, program, [offsets], placement);
}

/**
 * The glimpse sensor's `[batch, n, scales, 4]` corners and fractions (row, col, fraction row,
 * fraction col) of `[batch, n, 2]` locations; uniforms SENSOR_UNIFORMS.
 */
export function sensorCorners<Backend extends GpuBackend, Program>(
  runner: GpuRunner<Backend, Program>,
  backend: Backend,
  locations: TensorInfo,
  scales: number,
  values: SensorValues,
): TensorInfo {
  const [batch, n] = locations.shape;
  const program = runner.programs.sensorCorners([batch, n, scales, 4]);
  return runner.run(backend, program, [locations], values);
}
