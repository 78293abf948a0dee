/** How the shared GPU kernels (kernels/gpu) run on the webgl backend: its GLSL programs. */
import {env} from '@tensorflow/tfjs-core';
import type {GPGPUProgram, MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import type {GpuRunner} from '../gpu/runner';
import type {UniformProgram} from '../gpu/uniforms';
import {ExtractGlimpseProgram} from './extract_glimpse_program';
import {ExtractGlimpseGradProgram} from './extract_glimpse_grad_program';
import {GlimpseSensorProgram} from './glimpse_sensor_program';
import {GlimpseSensorGradProgram} from './glimpse_sensor_grad_program';
import {SensorCornersProgram} from './sensor_corners_program';
import {WindowCornersProgram} from './window_corners_program';
import {checkFloatTextures} from './float_textures';
import {uniformData} from './uniforms';

type WebGLProgram = GPGPUProgram & UniformProgram;

/** 2 (GLSL ES 3.00) or 1 (GLSL ES 1.00), as tfjs compiles its own programs. */
const webglVersion = () => env().getNumber('WEBGL_VERSION');

export const WEBGL_RUNNER: GpuRunner<MathBackendWebGL, WebGLProgram> = {
  backendName: 'webgl',
  programs: {
    windowCorners: outputShape => new WindowCornersProgram(outputShape),
    sensorCorners: outputShape => new SensorCornersProgram(outputShape),
    glimpse: (outputShape, drawsNoise) => new ExtractGlimpseProgram(outputShape, webglVersion(), drawsNoise),
    glimpseGrad: outputShape => new ExtractGlimpseGradProgram(outputShape),
    sensor: (outputShape, drawsNoise, bilinear) =>
      new GlimpseSensorProgram(outputShape, webglVersion(), drawsNoise, bilinear),
    sensorGrad: (outputShape, dyShape, bilinear) => new GlimpseSensorGradProgram(outputShape, dyShape, bilinear),
  },
  checkDevice: checkFloatTextures,
  run: (backend, program, inputs, values) =>
    backend.runWebGLProgram(program, inputs, 'float32', uniformData(program, values)),
  dispose: (backend, info) => backend.disposeIntermediateTensorInfo(info),
};
