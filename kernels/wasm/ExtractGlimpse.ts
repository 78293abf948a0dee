import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import type {ExtractGlimpseAttrs, ExtractGlimpseInputs, GlimpseVersion} from '../../src/kernel_names';
import {glimpseCall} from '../../src/kernel_prelude';
import {callKey} from '../../src/noise_random';
import {extractGlimpseImpl} from '../cpu/extract_glimpse_impl';
import {heapFloats, heapView, writeOutput} from './heap';
import {compiledKernels} from './compiled_module';
import {compiledGlimpse} from './compiled_glimpse';

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
    const key = callKey(attrs.seed);
    // The compiled kernels read float32 images; int32 ones take the JS kernel.
    const compiled = input.dtype === 'float32' ? compiledKernels(backend) : null;
    return writeOutput(backend, call.shape, call.opName, out =>
      compiled
        ? compiledGlimpse(compiled, backend, inputs, call, key, out)
        : extractGlimpseImpl(
            heapView(backend, input),
            heapFloats(backend, offsets),
            call,
            key,
            heapFloats(backend, out),
          ),
    );
  };
}
