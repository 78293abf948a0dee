/**
 * TensorFlow's own ExtractGlimpse / ExtractGlimpseV2 kernel, through tfjs-node: with zero
 * noise its result is TF's by definition (window placement, truncation and copies all TF's);
 * with uniform or gaussian noise the draws are TF's too, unseeded, as in TensorFlow.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GlimpseCall} from '../../src/kernel_prelude';
import type {NoiseMode} from '../../src/kernel_names';
import type {OpAttr, TensorflowBackend} from './backend';

/** The op's attrs: placement flags and the noise (TF refuses uniform_noise=True beside any other noise). */
export function glimpseOpAttrs(
  backend: TensorflowBackend,
  centered: boolean,
  normalized: boolean,
  noise: NoiseMode,
): OpAttr[] {
  const {TF_ATTR_BOOL, TF_ATTR_STRING} = backend.binding;
  return [
    {name: 'centered', type: TF_ATTR_BOOL, value: centered},
    {name: 'normalized', type: TF_ATTR_BOOL, value: normalized},
    {name: 'uniform_noise', type: TF_ATTR_BOOL, value: noise === 'uniform'},
    {name: 'noise', type: TF_ATTR_STRING, value: noise},
  ];
}

export function nativeGlimpse(
  backend: TensorflowBackend,
  call: GlimpseCall,
  input: TensorInfo,
  offsets: TensorInfo,
  noise: NoiseMode,
): TensorInfo {
  const opAttrs = glimpseOpAttrs(backend, call.params.centered, call.params.normalized, noise);
  const size = {
    dataId: backend.write(Int32Array.of(call.shape[1], call.shape[2]), [2], 'int32'),
    shape: [2],
    dtype: 'int32' as const,
  };
  try {
    return backend.executeSingleOutput(call.opName, opAttrs, [input, size, offsets]);
  } finally {
    backend.disposeData(size.dataId);
  }
}
