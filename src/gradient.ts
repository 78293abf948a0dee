/**
 * Gradients of both kernels (TF registers none). The glimpse copies pixels, so
 * `d input` is `dy` scattered back to the positions it was copied from, zero elsewhere
 * (noise is a constant); the window moves in whole pixels, so `d offsets` is zero.
 */
import {
  engine,
  zerosLike,
  type GradConfig,
  type NamedAttrMap,
  type NamedTensorMap,
  type Tensor,
} from '@tensorflow/tfjs-core';
import {
  ExtractGlimpse,
  ExtractGlimpseGrad,
  ExtractGlimpseV2,
  type ExtractGlimpseAttrs,
  type ExtractGlimpseGradAttrs,
  type GlimpseVersion,
} from './kernel_names';

function gradConfig(version: GlimpseVersion): GradConfig {
  return {
    kernelName: version === 1 ? ExtractGlimpse : ExtractGlimpseV2,
    inputsToSave: ['input', 'offsets'],
    gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
      const [input, offsets] = saved;
      const {centered, normalized} = attrs as unknown as ExtractGlimpseAttrs;
      const gradAttrs: ExtractGlimpseGradAttrs = {
        inputShape: input.shape as ExtractGlimpseGradAttrs['inputShape'],
        version,
        centered,
        normalized,
      };
      return {
        input: () =>
          engine().runKernel(
            ExtractGlimpseGrad,
            {dy, offsets} as unknown as NamedTensorMap,
            gradAttrs as unknown as NamedAttrMap,
          ) as Tensor,
        offsets: () => zerosLike(offsets),
      };
    },
  };
}

export const extractGlimpseGradientConfig = gradConfig(1);
export const extractGlimpseV2GradientConfig = gradConfig(2);
