import {env, type TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import {ExtractGlimpse, ExtractGlimpseV2, type ExtractGlimpseAttrs, type ExtractGlimpseInputs, type GlimpseVersion} from '../../src/kernel_names';
import {inferGlimpseShape} from '../../src/shape_inference';
import {resolveNoise} from '../../src/noise_mode';
import {freshSeed, seedKey} from '../../src/noise_random';
import {ExtractGlimpseProgram} from './extract_glimpse_gpu';
import {windowCornersWebGL} from './window_corners';
import {disposeNoiseStats, gpuNoiseStats} from '../../src/gpu_noise_stats';
import {placementUniformValues} from '../../src/gpu_placement';
import {kernelConfig} from '../../src/kernel_config';

interface WebGLArgs {
  inputs: ExtractGlimpseInputs;
  backend: MathBackendWebGL;
  attrs: ExtractGlimpseAttrs;
}

const NOISE_MODE_CODE = {uniform: 1, gaussian: 2} as const;

function webglKernel(version: GlimpseVersion) {
  const opName = version === 1 ? ExtractGlimpse : ExtractGlimpseV2;
  return ({inputs, backend, attrs}: WebGLArgs): TensorInfo => {
    const {input, offsets} = inputs;
    const shape = inferGlimpseShape(input.shape, attrs.size, offsets.shape, opName);
    const mode = resolveNoise(attrs.noise, attrs.uniformNoise, opName);
    const [, height, width] = input.shape;
    const [, h, w] = shape;
    const placement = placementUniformValues({
      version, centered: attrs.centered, normalized: attrs.normalized,
      imageHeight: height, imageWidth: width, glimpseHeight: h, glimpseWidth: w,
    }, opName);
    if (!env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
      // Half-float textures cannot hold TF's values bit for bit.
      throw new Error(`${opName}: this WebGL device renders only half floats ` +
                      `(WEBGL_RENDER_FLOAT32_ENABLED is false); use the cpu or wasm backend`);
    }
    if (shape.some(d => d === 0)) {
      return backend.makeTensorInfo(shape, 'float32', new Float32Array(0));
    }
    const webglVersion = env().getNumber('WEBGL_VERSION');
    const corners = windowCornersWebGL(offsets, placement, backend);
    if (mode === 'zero') {
      try {
        return backend.runWebGLProgram(
            new ExtractGlimpseProgram(shape, webglVersion, false), [input, corners], 'float32', placement);
      } finally {
        backend.disposeIntermediateTensorInfo(corners);
      }
    }
    const key = seedKey(attrs.seed ?? freshSeed());
    const stats = gpuNoiseStats(input, mode, 'webgl', backend);
    try {
      const uniforms = [...placement, [NOISE_MODE_CODE[mode]], [key >>> 16, key & 0xffff]];
      return backend.runWebGLProgram(
          new ExtractGlimpseProgram(shape, webglVersion, true),
          [input, corners, stats.min, stats.max, stats.mean, stats.sigma], 'float32', uniforms);
    } finally {
      disposeNoiseStats(stats, backend);
      backend.disposeIntermediateTensorInfo(corners);
    }
  };
}

export const extractGlimpseWebGLConfig = kernelConfig(ExtractGlimpse, 'webgl', webglKernel(1));

export const extractGlimpseV2WebGLConfig = kernelConfig(ExtractGlimpseV2, 'webgl', webglKernel(2));
