import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import type {ExtractGlimpseGradAttrs, ExtractGlimpseGradInputs} from '../../src/kernel_names';
import {glimpseGradCall} from '../../src/kernel_prelude';
import {extractGlimpseGradImpl} from '../cpu/extract_glimpse_grad_impl';
import {heapFloats, writeOutput} from './heap';
import {compiledKernels} from './compiled_module';
import {compiledGlimpseGrad} from './compiled_glimpse';

export interface WasmGlimpseGradArgs {
  inputs: ExtractGlimpseGradInputs;
  backend: BackendWasm;
  attrs: ExtractGlimpseGradAttrs;
}

/** The backward kernel (both versions) on the wasm backend. */
export function extractGlimpseGradWasm({inputs, backend, attrs}: WasmGlimpseGradArgs): TensorInfo {
  const call = glimpseGradCall(inputs.dy, inputs.offsets, attrs);
  const compiled = compiledKernels(backend);
  return writeOutput(backend, call.shape, call.opName, out =>
    compiled
      ? compiledGlimpseGrad(compiled, backend, inputs, call, out)
      : extractGlimpseGradImpl(
          heapFloats(backend, inputs.dy),
          heapFloats(backend, inputs.offsets),
          call,
          heapFloats(backend, out),
        ),
  );
}
