/**
 * Every GPU program variant's shader text, built in Node (the program classes import the
 * backends as types only): webgl in GLSL ES 3.00 and 1.00, webgpu in WGSL. Small shapes: the
 * shapes only fill in the loop bounds and strides webgl bakes in.
 */
import type {ShaderLanguage} from '../../kernels/gpu/shader_snippet';
import * as webglForward from '../../kernels/webgl/extract_glimpse_program';
import * as webglBackward from '../../kernels/webgl/extract_glimpse_grad_program';
import * as webglSensor from '../../kernels/webgl/glimpse_sensor_program';
import * as webglSensorGrad from '../../kernels/webgl/glimpse_sensor_grad_program';
import * as webglSensorCorners from '../../kernels/webgl/sensor_corners_program';
import * as webglWindowCorners from '../../kernels/webgl/window_corners_program';
import * as webgpuForward from '../../kernels/webgpu/extract_glimpse_program';
import * as webgpuBackward from '../../kernels/webgpu/extract_glimpse_grad_program';
import * as webgpuSensor from '../../kernels/webgpu/glimpse_sensor_program';
import * as webgpuSensorGrad from '../../kernels/webgpu/glimpse_sensor_grad_program';
import * as webgpuSensorCorners from '../../kernels/webgpu/sensor_corners_program';
import * as webgpuWindowCorners from '../../kernels/webgpu/window_corners_program';

export interface ProgramVariant {
  name: string;
  language: ShaderLanguage;
  text: string;
}

const GLIMPSE = [2, 3, 4, 3];
const IMAGES = [2, 6, 7, 3];
const SENSOR = [2, 3, 2, 4, 5, 3];
const FLAGS = [false, true];

function webgl(version: 1 | 2): ProgramVariant[] {
  const language: ShaderLanguage = version === 2 ? 'glsl' : 'glsl1';
  const at = (name: string, program: {userCode: string}) => ({
    name: `webgl${version} ${name}`,
    language,
    text: program.userCode,
  });
  return [
    at('windowCorners', new webglWindowCorners.WindowCornersProgram([2, 2])),
    at('sensorCorners', new webglSensorCorners.SensorCornersProgram([2, 3, 2, 4])),
    at('extractGlimpseGrad', new webglBackward.ExtractGlimpseGradProgram(IMAGES)),
    ...FLAGS.map(noise =>
      at(`extractGlimpse noise=${noise}`, new webglForward.ExtractGlimpseProgram(GLIMPSE, version, noise)),
    ),
    ...FLAGS.flatMap(noise =>
      FLAGS.map(bilinear =>
        at(
          `glimpseSensor noise=${noise} bilinear=${bilinear}`,
          new webglSensor.GlimpseSensorProgram(SENSOR, version, noise, bilinear),
        ),
      ),
    ),
    ...FLAGS.map(bilinear =>
      at(
        `glimpseSensorGrad bilinear=${bilinear}`,
        new webglSensorGrad.GlimpseSensorGradProgram(IMAGES, SENSOR, bilinear),
      ),
    ),
  ];
}

function webgpu(): ProgramVariant[] {
  const at = (program: {shaderKey: string; getUserCode(): string}) => ({
    name: `webgpu ${program.shaderKey}`,
    language: 'wgsl' as const,
    text: program.getUserCode(),
  });
  return [
    at(new webgpuWindowCorners.WindowCornersProgram([2, 2])),
    at(new webgpuSensorCorners.SensorCornersProgram([2, 3, 2, 4])),
    at(new webgpuBackward.ExtractGlimpseGradProgram(IMAGES)),
    ...FLAGS.map(noise => at(new webgpuForward.ExtractGlimpseProgram(GLIMPSE, noise))),
    ...FLAGS.flatMap(noise =>
      FLAGS.map(bilinear => at(new webgpuSensor.GlimpseSensorProgram(SENSOR, noise, bilinear))),
    ),
    ...FLAGS.map(bilinear => at(new webgpuSensorGrad.GlimpseSensorGradProgram(IMAGES, bilinear))),
  ];
}

export const PROGRAM_VARIANTS: ProgramVariant[] = [...webgl(2), ...webgl(1), ...webgpu()];
