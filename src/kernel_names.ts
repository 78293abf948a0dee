/**
 * Kernel registry entries: one name per TensorFlow op, spelled as TF spells it,
 * with the typed inputs and attrs every backend, the op and the gradient share.
 */
import type {NamedTensorInfoMap, TensorInfo} from '@tensorflow/tfjs-core';
import type {SensorPadding} from './padding_mode';

/** TensorFlow's version 1 op (`tf.compat.v1.image.extract_glimpse`, TF1 graphs). */
export const ExtractGlimpse = 'ExtractGlimpse';
/** TensorFlow's version 2 op (`tf.image.extract_glimpse` in TF2). */
export const ExtractGlimpseV2 = 'ExtractGlimpseV2';

/** Either version's kernel name. */
export type ExtractGlimpseKernelName = typeof ExtractGlimpse | typeof ExtractGlimpseV2;

/** The op version each kernel name computes. */
export type GlimpseVersion = 1 | 2;

/** The kernel name of each op version. */
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
  /** The images, float32 `[batch, H, W, C]`. */
  input: TensorInfo;
  /** One window location per image, float32 `[batch, 2]` as `(y, x)`. */
  offsets: TensorInfo;
};

/**
 * TF's attrs in camelCase. `size` is an attr (not a tensor input as in TF) because it
 * fixes the output shape, as `cropSize` does for CropAndResize.
 */
export interface ExtractGlimpseAttrs {
  /** The glimpse's `[h, w]`. */
  size: [number, number];
  /** Offsets are from the image centre, not its top-left corner. */
  centered: boolean;
  /** Offsets are fractions of the image size (scaled by half of it when centered), not pixels. */
  normalized: boolean;
  /** With `noise` `''`: uniform noise if true, Gaussian if false (TF's legacy attr). */
  uniformNoise: boolean;
  /** What positions outside the image take. */
  noise: NoiseAttr;
  /** Beyond TF: the same seed, inputs and backend give the same noise. */
  seed?: number;
}

/** ExtractGlimpseV2's inputs: the same as version 1's. */
export type ExtractGlimpseV2Inputs = ExtractGlimpseInputs;
/** ExtractGlimpseV2's attrs: the same as version 1's; only the placement differs. */
export type ExtractGlimpseV2Attrs = ExtractGlimpseAttrs;

/**
 * The backward kernel of both versions (TF has none): `dy` placed back where each output
 * position was copied from. One kernel for both; `version` says whose placement to use.
 */
export const ExtractGlimpseGrad = 'ExtractGlimpseGrad';

/** ExtractGlimpseGrad's inputs. */
export type ExtractGlimpseGradInputs = Pick<NamedTensorInfoMap, 'dy' | 'offsets'> & {
  /** The output's gradient, float32 `[batch, h, w, C]`. */
  dy: TensorInfo;
  /** The forward call's offsets, float32 `[batch, 2]`. */
  offsets: TensorInfo;
};

/** ExtractGlimpseGrad's attrs: the forward call's placement and the input's shape. */
export interface ExtractGlimpseGradAttrs {
  /** The forward input's shape `[batch, H, W, C]`: the gradient's shape. */
  inputShape: [number, number, number, number];
  /** The forward op's version, whose placement the windows follow. */
  version: GlimpseVersion;
  /** The forward call's `centered`. */
  centered: boolean;
  /** The forward call's `normalized`. */
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

/** What outside positions of a sensor window take (src/padding_mode.ts). */
export type {SensorPadding};

/** `images` float32 `[batch, H, W, C]`; `locations` float32 `[batch, n, 2]` as `(y, x)`. */
export type GlimpseSensorInputs = Pick<NamedTensorInfoMap, 'images' | 'locations'> & {
  /** The images, float32 `[batch, H, W, C]`. */
  images: TensorInfo;
  /** n locations per image, float32 `[batch, n, 2]` as `(y, x)`. */
  locations: TensorInfo;
};

/** GlimpseSensor's attrs: glimpseSensor's options, checked and complete. */
export interface GlimpseSensorAttrs {
  /** `[h, w]`: every scale's output size. */
  size: [number, number];
  /** k >= 1: scale i is the window `[h, w] * scaleFactor^i`, averaged down to `[h, w]`. */
  scales: number;
  /** Each scale's window side over the last's (> 0). */
  scaleFactor: number;
  /** Locations are from the image centre, not its top-left corner. */
  centered: boolean;
  /** Locations are fractions of the image size, not pixels. */
  normalized: boolean;
  /** What window positions outside the image take. */
  padding: SensorPadding;
  /** Whole-pixel or subpixel windows. */
  interpolation: Interpolation;
  /** The noise's seed (noise padding; bilinear calls always carry one). */
  seed?: number;
  /**
   * Whose placement the windows follow; not an option of glimpseSensor (always 2): set by
   * extractGlimpse, whose bilinear glimpses run on this kernel. Default 2.
   */
  version?: GlimpseVersion;
}

/** GlimpseSensorSlope's attrs: the forward's, and the axis of the corner it differentiates by. */
export interface GlimpseSensorSlopeAttrs extends GlimpseSensorAttrs {
  /** The corner's axis: `y` (rows) or `x` (columns). */
  axis: 'y' | 'x';
}

/** GlimpseSensorGrad's inputs. */
export type GlimpseSensorGradInputs = Pick<NamedTensorInfoMap, 'dy' | 'locations'> & {
  /** The output's gradient, float32 `[batch, n, k, h, w, C]`. */
  dy: TensorInfo;
  /** The forward call's locations, float32 `[batch, n, 2]`. */
  locations: TensorInfo;
};

/** GlimpseSensorGrad's attrs: the forward call's, less the seed, and the images' shape. */
export interface GlimpseSensorGradAttrs extends Omit<GlimpseSensorAttrs, 'seed'> {
  /** The forward images' shape `[batch, H, W, C]`: the gradient's shape. */
  imagesShape: [number, number, number, number];
}
