import {env, type TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import type {ExtractGlimpseAttrs, ExtractGlimpseInputs, GlimpseVersion} from '../../src/kernel_names';
import {glimpseCall} from '../../src/kernel_prelude';
import {callKey} from '../../src/noise_random';
import {disposeNoiseStats, gpuNoiseStats} from '../gpu/noise_stats';
import {noiseValues, placementValues} from '../gpu/uniforms';
import {ExtractGlimpseProgram} from './extract_glimpse_program';
import {windowCorners} from './window_corners_program';
import {checkFloatTextures} from './float_textures';
import {uniformData} from './uniforms';

export interface WebGLGlimpseArgs {
  inputs: ExtractGlimpseInputs;
  backend: MathBackendWebGL;
  attrs: ExtractGlimpseAttrs;
}

/** The forward kernel of op `version` on the webgl backend: corners pass, then one glimpse program. */
export function extractGlimpseWebGL(version: GlimpseVersion) {
  return ({inputs, backend, attrs}: WebGLGlimpseArgs): TensorInfo => {
    const {input, offsets} = inputs;
    const call = glimpseCall(version, input, offsets, attrs);
    const placement = placementValues(call.params, call.opName);
    checkFloatTextures(call.opName);
    if (call.empty) return backend.makeTensorInfo(call.shape, 'float32', new Float32Array(0));
    const webglVersion = env().getNumber('WEBGL_VERSION');
    const corners = windowCorners(offsets, placement, backend);
    if (call.mode === 'zero') {
      try {
        const program = new ExtractGlimpseProgram(call.shape, webglVersion, false);
        return backend.runWebGLProgram(program, [input, corners], 'float32', uniformData(program, placement));
      } finally {
        backend.disposeIntermediateTensorInfo(corners);
      }
    }
    const stats = gpuNoiseStats(input, call.mode, 'webgl', backend);
    try {
      const program = new ExtractGlimpseProgram(call.shape, webglVersion, true);
      return backend.runWebGLProgram(
        program,
        [input, corners, stats.min, stats.max, stats.mean, stats.sigma],
        'float32',
        uniformData(program, {...placement, ...noiseValues(call.mode, callKey(attrs.seed))}),
      );
    } finally {
      disposeNoiseStats(stats, backend);
      backend.disposeIntermediateTensorInfo(corners);
    }
  };
}
