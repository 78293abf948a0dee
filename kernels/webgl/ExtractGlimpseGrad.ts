import {env, type TensorInfo} from '@tensorflow/tfjs-core';
import type {MathBackendWebGL} from '@tensorflow/tfjs-backend-webgl';
import {ExtractGlimpseGrad, type ExtractGlimpseGradAttrs, type ExtractGlimpseGradInputs} from '../../src/kernel_names';
import {ExtractGlimpseGradProgram} from './extract_glimpse_grad_gpu';
import {windowCornersWebGL} from './window_corners';
import {placementUniformValues} from '../../src/gpu_placement';
import {kernelConfig} from '../../src/kernel_config';

function extractGlimpseGradWebGL(
    {inputs, backend, attrs}: {inputs: ExtractGlimpseGradInputs, backend: MathBackendWebGL, attrs: ExtractGlimpseGradAttrs}): TensorInfo {
  const {dy, offsets} = inputs;
  const [, height, width] = attrs.inputShape;
  const [, h, w] = dy.shape;
  const placement = placementUniformValues({
    version: attrs.version, centered: attrs.centered, normalized: attrs.normalized,
    imageHeight: height, imageWidth: width, glimpseHeight: h, glimpseWidth: w,
  }, ExtractGlimpseGrad);
  if (!env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
    throw new Error(`${ExtractGlimpseGrad}: this WebGL device renders only half floats ` +
                    `(WEBGL_RENDER_FLOAT32_ENABLED is false); use the cpu or wasm backend`);
  }
  if (attrs.inputShape.some(d => d === 0)) {
    return backend.makeTensorInfo(attrs.inputShape, 'float32', new Float32Array(0));
  }
  if (dy.shape.some(d => d === 0)) {
    // Nothing was sampled: an all-zero gradient, made without a program.
    const size = attrs.inputShape.reduce((a, b) => a * b, 1);
    return backend.makeTensorInfo(attrs.inputShape, 'float32', new Float32Array(size));
  }
  const corners = windowCornersWebGL(offsets, placement, backend);
  try {
    return backend.runWebGLProgram(
        new ExtractGlimpseGradProgram(attrs.inputShape), [dy, corners], 'float32', placement);
  } finally {
    backend.disposeIntermediateTensorInfo(corners);
  }
}

export const extractGlimpseGradWebGLConfig = kernelConfig(ExtractGlimpseGrad, 'webgl', extractGlimpseGradWebGL);
