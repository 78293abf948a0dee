import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {ExtractGlimpseAttrs, ExtractGlimpseInputs, GlimpseVersion} from '../../src/kernel_names';
import {glimpseCall} from '../../src/kernel_prelude';
import {callKey} from '../../src/noise_random';
import {everyWindowInside} from '../../src/window_geometry';
import {extractGlimpseImpl} from '../cpu/extract_glimpse_impl';
import {fromValues, readValues, type TensorflowBackend} from './backend';
import {nativeGlimpse} from './native_glimpse';

export interface TensorflowGlimpseArgs {
  inputs: ExtractGlimpseInputs;
  backend: TensorflowBackend;
  attrs: ExtractGlimpseAttrs;
}

/**
 * The forward kernel of op `version` on tfjs-node's backend: TensorFlow's native kernel for
 * copies, and for noise when the call gives no seed (TF's own draws, as TensorFlow makes
 * them). A seeded call that draws any noise runs the cpu implementation on the image's values
 * instead, so its noise is the cpu backend's, bit for bit, and reproducible.
 */
export function extractGlimpseTensorflow(version: GlimpseVersion) {
  return ({inputs, backend, attrs}: TensorflowGlimpseArgs): TensorInfo => {
    const {input, offsets} = inputs;
    const call = glimpseCall(version, input, offsets, attrs);
    if (call.empty) return fromValues(backend, new Float32Array(0), call.shape);
    if (input.dtype === 'float32' && offsets.dtype === 'float32') {
      // Unseeded: TF's op as it stands, without reading the offsets to see whether it draws.
      if (call.mode === 'zero' || attrs.seed === undefined)
        return nativeGlimpse(backend, call, input, offsets, call.mode);
      if (everyWindowInside(readValues(backend, offsets), call.params, call.shape[0])) {
        return nativeGlimpse(backend, call, input, offsets, 'zero');
      }
    }
    const values = extractGlimpseImpl(
      readValues(backend, input),
      readValues(backend, offsets),
      call,
      callKey(attrs.seed),
    );
    return fromValues(backend, values, call.shape);
  };
}
