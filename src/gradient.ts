/**
 * Gradients of the forward kernels (TF registers none). A nearest glimpse copies pixels, so
 * `d input` is `dy` scattered back to the positions it was copied from, zero elsewhere
 * (noise is a constant), and the window moves in whole pixels, so `d offsets` is zero. A
 * bilinear glimpse runs as the glimpse sensor, whose gradient (below) also gives `d
 * locations`.
 */
import {mul, stack, sum, tidy, zerosLike, type GradConfig, type NamedAttrMap, type Tensor} from '@tensorflow/tfjs-core';
import {
  ExtractGlimpse,
  ExtractGlimpseGrad,
  ExtractGlimpseV2,
  type ExtractGlimpseAttrs,
  type ExtractGlimpseGradAttrs,
  type GlimpseVersion,
  GlimpseSensor,
  GlimpseSensorGrad,
  GlimpseSensorSlope,
  type GlimpseSensorSlopeAttrs,
  type GlimpseSensorAttrs,
  type GlimpseSensorGradAttrs,
} from './kernel_names';
import {runKernel} from './run_kernel';
import {placementSlope} from './window_geometry';

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
        input: () => runKernel(ExtractGlimpseGrad, {dy: dy as Tensor, offsets}, gradAttrs),
        offsets: () => zerosLike(offsets),
      };
    },
  };
}

/**
 * ExtractGlimpse's gradient: `d input` puts dy back where each output position was copied
 * from (ExtractGlimpseGrad); `d offsets` is zero, as a window moves in whole pixels.
 */
export const extractGlimpseGradientConfig = gradConfig(1);
/** ExtractGlimpseV2's gradient: as version 1's, with version 2's placement. */
export const extractGlimpseV2GradientConfig = gradConfig(2);

/**
 * The glimpse sensor's gradient: `d images` spreads each output's dy over the block it
 * averaged (GlimpseSensorGrad). Nearest windows move in whole pixels, so `d locations` is
 * zero; bilinear ones have `d locations` = sum of dy times the slope along each corner axis
 * (GlimpseSensorSlope), times d corner / d location (docs/semantics.md, "Bilinear glimpses").
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
      images: () => runKernel(GlimpseSensorGrad, {dy: dy as Tensor, locations}, gradAttrs),
      locations: () =>
        forward.interpolation === 'bilinear'
          ? locationsGrad(dy as Tensor, images, locations, attrs as unknown as GlimpseSensorAttrs)
          : zerosLike(locations),
    };
  },
};

/** `[B, n, 2]`: per location, the sum over its scales and outputs of dy * d output / d location. */
function locationsGrad(dy: Tensor, images: Tensor, locations: Tensor, attrs: GlimpseSensorAttrs): Tensor {
  const [, height, width] = images.shape;
  const [perY, perX] = placementSlope({
    version: attrs.version ?? 2,
    centered: attrs.centered,
    normalized: attrs.normalized,
    imageHeight: height,
    imageWidth: width,
    glimpseHeight: attrs.size[0],
    glimpseWidth: attrs.size[1],
  });
  return tidy(() => {
    const along = (axis: 'y' | 'x', perPixel: number) => {
      const slopeAttrs: GlimpseSensorSlopeAttrs = {...attrs, axis};
      const slope = runKernel(GlimpseSensorSlope, {images, locations}, slopeAttrs);
      return mul(sum(mul(dy, slope), [2, 3, 4, 5]), perPixel);
    };
    return stack([along('y', perY), along('x', perX)], 2);
  });
}
