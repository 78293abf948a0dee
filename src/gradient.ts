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
  GlimpseSensor,
  GlimpseSensorGrad,
  type GlimpseSensorAttrs,
  type GlimpseSensorGradAttrs,
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

/**
 * The glimpse sensor's gradient: `d images` spreads each output's dy over the block it
 * averaged (GlimpseSensorGrad); windows move in whole pixels, so `d locations` is zero.
 */
export const glimpseSensorGradientConfig: GradConfig = {
  kernelName: GlimpseSensor,
  inputsToSave: ['images', 'locations'],
  gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
    const [images, locations] = saved;
    const {seed, ...forward} = attrs as unknown as GlimpseSensorAttrs;
    void seed;
    const gradAttrs: GlimpseSensorGradAttrs = {
      ...forward,
      imagesShape: images.shape as GlimpseSensorGradAttrs['imagesShape'],
    };
    return {
      images: () =>
        engine().runKernel(
          GlimpseSensorGrad,
          {dy, locations} as unknown as NamedTensorMap,
          gradAttrs as unknown as NamedAttrMap,
        ) as Tensor,
      locations: () => zerosLike(locations),
    };
  },
};
