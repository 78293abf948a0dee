/**
 * TensorFlow's own kernel, through tfjs-node: the glimpse with zero noise, which is TF's
 * result by definition (window placement, truncation and copies all TF's).
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {GlimpseCall} from '../../src/kernel_prelude';
import type {TensorflowBackend} from './backend';

export function nativeZeroNoiseGlimpse(
  backend: TensorflowBackend,
  call: GlimpseCall,
  input: TensorInfo,
  offsets: TensorInfo,
): TensorInfo {
  const {TF_ATTR_BOOL, TF_ATTR_STRING} = backend.binding;
  const opAttrs = [
    {name: 'centered', type: TF_ATTR_BOOL, value: call.params.centered},
    {name: 'normalized', type: TF_ATTR_BOOL, value: call.params.normalized},
    {name: 'uniform_noise', type: TF_ATTR_BOOL, value: false},
    {name: 'noise', type: TF_ATTR_STRING, value: 'zero'},
  ];
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
