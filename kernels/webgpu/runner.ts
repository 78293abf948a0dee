/** How the shared GPU kernels (kernels/gpu) run on the webgpu backend: its WGSL programs. */
import type {WebGPUBackend, WebGPUProgram} from '@tensorflow/tfjs-backend-webgpu';
import type {GpuRunner} from '../gpu/runner';
import type {UniformProgram} from '../gpu/uniforms';
import {ExtractGlimpseProgram} from './extract_glimpse_program';
import {ExtractGlimpseGradProgram} from './extract_glimpse_grad_program';
import {GlimpseSensorProgram} from './glimpse_sensor_program';
import {GlimpseSensorGradProgram} from './glimpse_sensor_grad_program';
import {SensorCornersProgram} from './sensor_corners_program';
import {WindowCornersProgram} from './window_corners_program';
import {uniformData} from './uniforms';

type WGSLProgram = WebGPUProgram & UniformProgram;

export const WEBGPU_RUNNER: GpuRunner<WebGPUBackend, WGSLProgram> = {
  backendName: 'webgpu',
  programs: {
    windowCorners: outputShape => new WindowCornersProgram(outputShape),
    sensorCorners: outputShape => new SensorCornersProgram(outputShape),
    glimpse: (outputShape, drawsNoise) => new ExtractGlimpseProgram(outputShape, drawsNoise),
    glimpseGrad: outputShape => new ExtractGlimpseGradProgram(outputShape),
    sensor: (outputShape, drawsNoise, bilinear) => new GlimpseSensorProgram(outputShape, drawsNoise, bilinear),
    // WGSL reads the shapes from the backend's shape uniforms.
    sensorGrad: (outputShape, _dyShape, bilinear) => new GlimpseSensorGradProgram(outputShape, bilinear),
  },
  // Every WebGPU device stores float32.
  checkDevice: () => {},
  run: (backend, program, inputs, values) =>
    backend.runWebGPUProgram(program, inputs, 'float32', uniformData(program, values)),
  dispose: (backend, info) => backend.disposeData(info.dataId),
};
