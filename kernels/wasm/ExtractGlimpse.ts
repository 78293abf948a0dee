import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import type {ExtractGlimpseAttrs, ExtractGlimpseInputs, GlimpseVersion} from '../../src/kernel_names';
import {glimpseCall} from '../../src/kernel_prelude';
import {callKey} from '../../src/noise_random';
import {extractGlimpseImpl} from '../cpu/extract_glimpse_impl';
import {heapFloats, heapView, writeOutput} from './heap';

export interface WasmGlimpseArgs {
  inputs: ExtractGlimpseInputs;
  backend: BackendWasm;
  attrs: ExtractGlimpseAttrs;
}

/** The forward kernel of op `version` on the wasm backend. */
export function extractGlimpseWasm(version: GlimpseVersion) {
  return ({inputs, backend, attrs}: WasmGlimpseArgs): TensorInfo => {
    const {input, offsets} = inputs;
    const call = glimpseCall(version, input, offsets, attrs);
    return writeOutput(backend, call.shape, call.opName, out =>
      extractGlimpseImpl(
        heapView(backend, input),
        heapFloats(backend, offsets),
        call,
        callKey(attrs.seed),
        heapFloats(backend, out),
      ),
    );
  };
}
