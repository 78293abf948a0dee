/**
 * wasm kernels in plain JS over the wasm heap (a plugin cannot add C++ to tfjs's .wasm):
 * the cpu implementations read and write heap views. `makeOutput` may grow the heap and
 * detach earlier views, so views are taken after it.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import {ExtractGlimpse, ExtractGlimpseGrad, ExtractGlimpseV2, type ExtractGlimpseAttrs, type ExtractGlimpseGradAttrs, type ExtractGlimpseGradInputs, type ExtractGlimpseInputs, type GlimpseVersion} from '../../src/kernel_names';
import {inferGlimpseShape} from '../../src/shape_inference';
import {extractGlimpseImpl} from '../cpu/extract_glimpse_impl';
import {extractGlimpseGradImpl} from '../cpu/extract_glimpse_grad_impl';
import {kernelConfig} from '../../src/kernel_config';

type Heap = Float32Array | Int32Array | Uint8Array;

function wasmKernel(version: GlimpseVersion) {
  const opName = version === 1 ? ExtractGlimpse : ExtractGlimpseV2;
  return ({inputs, backend, attrs}: {inputs: ExtractGlimpseInputs, backend: BackendWasm, attrs: ExtractGlimpseAttrs}): TensorInfo => {
    const {input, offsets} = inputs;
    const shape = inferGlimpseShape(input.shape, attrs.size, offsets.shape, opName);
    const out = backend.makeOutput(shape, 'float32');
    if (shape.some(d => d === 0)) return out;
    extractGlimpseImpl(
        backend.typedArrayFromHeap(input) as Heap, input.shape,
        backend.typedArrayFromHeap(offsets) as Float32Array, offsets.shape, attrs, version,
        backend.typedArrayFromHeap(out) as Float32Array);
    return out;
  };
}

function extractGlimpseGradWasm(
    {inputs, backend, attrs}: {inputs: ExtractGlimpseGradInputs, backend: BackendWasm, attrs: ExtractGlimpseGradAttrs}): TensorInfo {
  const out = backend.makeOutput(attrs.inputShape, 'float32');
  if (attrs.inputShape.some(d => d === 0)) return out;
  extractGlimpseGradImpl(
      backend.typedArrayFromHeap(inputs.dy) as Float32Array, inputs.dy.shape,
      backend.typedArrayFromHeap(inputs.offsets) as Float32Array, attrs,
      backend.typedArrayFromHeap(out) as Float32Array);
  return out;
}

export const extractGlimpseWasmConfig = kernelConfig(ExtractGlimpse, 'wasm', wasmKernel(1));
export const extractGlimpseV2WasmConfig = kernelConfig(ExtractGlimpseV2, 'wasm', wasmKernel(2));
export const extractGlimpseGradWasmConfig = kernelConfig(ExtractGlimpseGrad, 'wasm', extractGlimpseGradWasm);
