import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {ExtractGlimpseGradAttrs, ExtractGlimpseGradInputs} from '../../src/kernel_names';
import {glimpseGradCall} from '../../src/kernel_prelude';
import {extractGlimpseGradImpl} from '../cpu/extract_glimpse_grad_impl';
import {fromValues, readValues, type TensorflowBackend} from './backend';

export interface TensorflowGlimpseGradArgs {
  inputs: ExtractGlimpseGradInputs;
  backend: TensorflowBackend;
  attrs: ExtractGlimpseGradAttrs;
}

/**
 * The backward kernel (both versions) on tfjs-node's backend: the cpu implementation (row
 * copies of `dy` into zeros). TensorFlow has no native counterpart; composing one from
 * native ops (a pad per window, then a concat) costs more ops than the copy itself.
 */
export function extractGlimpseGradTensorflow({inputs, backend, attrs}: TensorflowGlimpseGradArgs): TensorInfo {
  const call = glimpseGradCall(inputs.dy, inputs.offsets, attrs);
  const dy = readValues(backend, inputs.dy) as Float32Array;
  return fromValues(backend, extractGlimpseGradImpl(dy, readValues(backend, inputs.offsets), call), call.shape);
}
