/**
 * Kernel registry entries: one name per TensorFlow op, spelled as TF spells it,
 * with the typed inputs and attrs every backend, the op and the gradient share.
 */
import type {NamedTensorInfoMap, TensorInfo} from '@tensorflow/tfjs-core';

/** TensorFlow's version 1 op (`tf.compat.v1.image.extract_glimpse`, TF1 graphs). */
export const ExtractGlimpse = 'ExtractGlimpse';
/** TensorFlow's version 2 op (`tf.image.extract_glimpse` in TF2). */
export const ExtractGlimpseV2 = 'ExtractGlimpseV2';

export type ExtractGlimpseKernelName = typeof ExtractGlimpse | typeof ExtractGlimpseV2;

/** The op version each kernel name computes. */
export type GlimpseVersion = 1 | 2;

export const KERNEL_NAME_BY_VERSION: Readonly<Record<GlimpseVersion, ExtractGlimpseKernelName>> = {
  1: ExtractGlimpse,
  2: ExtractGlimpseV2,
};

/** The `noise` attr as TensorFlow accepts it; `''` defers to `uniformNoise`. */
export type NoiseAttr = 'uniform' | 'gaussian' | 'zero' | '';

/** What is actually drawn at positions outside the image. */
export type NoiseMode = 'uniform' | 'gaussian' | 'zero';

/** Tensor inputs: `input` float32 `[batch, H, W, C]`, `offsets` float32 `[batch, 2]` as `(y, x)`. */
export type ExtractGlimpseInputs = Pick<NamedTensorInfoMap, 'input' | 'offsets'> & {
  input: TensorInfo;
  offsets: TensorInfo;
};

/**
 * TF's attrs in camelCase. `size` is an attr (not a tensor input as in TF) because it
 * fixes the output shape, as `cropSize` does for CropAndResize.
 */
export interface ExtractGlimpseAttrs {
  size: [number, number];
  centered: boolean;
  normalized: boolean;
  uniformNoise: boolean;
  noise: NoiseAttr;
  /** Beyond TF: the same seed, inputs and backend give the same noise. */
  seed?: number;
}

export type ExtractGlimpseV2Inputs = ExtractGlimpseInputs;
export type ExtractGlimpseV2Attrs = ExtractGlimpseAttrs;

/**
 * The backward kernel of both versions (TF has none): `dy` placed back where each output
 * position was copied from. One kernel for both; `version` says whose placement to use.
 */
export const ExtractGlimpseGrad = 'ExtractGlimpseGrad';

export type ExtractGlimpseGradInputs = Pick<NamedTensorInfoMap, 'dy' | 'offsets'> & {
  dy: TensorInfo;
  offsets: TensorInfo;
};

export interface ExtractGlimpseGradAttrs {
  /** The forward input's shape `[batch, H, W, C]`: the gradient's shape. */
  inputShape: [number, number, number, number];
  version: GlimpseVersion;
  centered: boolean;
  normalized: boolean;
}

/** Beyond TF: the glimpse sensor (several locations, several scales, one fused kernel). */
export const GlimpseSensor = 'GlimpseSensor';
/** Its backward kernel: `d images`. */
export const GlimpseSensorGrad = 'GlimpseSensorGrad';

/** Its location slope: d output / d window corner along one axis, for the locations' gradient. */
export const GlimpseSensorSlope = 'GlimpseSensorSlope';

/**
 * How a window samples the image: `nearest` moves it in whole pixels (the corner truncated,
 * TensorFlow's way); `bilinear` samples at the unrounded corner, so it can move by fractions.
 */
export type Interpolation = 'nearest' | 'bilinear';

/** What outside positions of a sensor window take: 0, the nearest image pixel, or the op's noise. */
export type SensorPadding = 'zero' | 'edge' | 'uniform' | 'gaussian';

/** `images` float32 `[batch, H, W, C]`; `locations` float32 `[batch, n, 2]` as `(y, x)`. */
export type GlimpseSensorInputs = Pick<NamedTensorInfoMap, 'images' | 'locations'> & {
  images: TensorInfo;
  locations: TensorInfo;
};

export interface GlimpseSensorAttrs {
  /** `[h, w]`: every scale's output size. */
  size: [number, number];
  /** k >= 1: scale i is the window `[h, w] * scaleFactor^i`, averaged down to `[h, w]`. */
  scales: number;
  scaleFactor: number;
  centered: boolean;
  normalized: boolean;
  padding: SensorPadding;
  interpolation: Interpolation;
  seed?: number;
  /**
   * Whose placement the windows follow; not an option of glimpseSensor (always 2): set by
   * extractGlimpse, whose bilinear glimpses run on this kernel. Default 2.
   */
  version?: GlimpseVersion;
}

/** GlimpseSensorSlope's attrs: the forward's, and the axis of the corner it differentiates by. */
export interface GlimpseSensorSlopeAttrs extends GlimpseSensorAttrs {
  axis: 'y' | 'x';
}

export type GlimpseSensorGradInputs = Pick<NamedTensorInfoMap, 'dy' | 'locations'> & {
  dy: TensorInfo;
  locations: TensorInfo;
};

export interface GlimpseSensorGradAttrs extends Omit<GlimpseSensorAttrs, 'seed'> {
  /** The forward images' shape `[batch, H, W, C]`: the gradient's shape. */
  imagesShape: [number, number, number, number];
}
