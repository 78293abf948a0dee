/**
 * What every glimpse sensor kernel works out before it touches data (docs/semantics.md,
 * "The glimpse sensor"): validated attrs, the output shape `[batch, n, k, h, w, C]`, and
 * each scale's window, placed as ExtractGlimpseV2 places a window of that size.
 */
import {formatValue} from './errors';
import {
  GlimpseSensor,
  GlimpseSensorGrad,
  GlimpseSensorSlope,
  type GlimpseSensorAttrs,
  type GlimpseSensorGradAttrs,
  type GlimpseSensorSlopeAttrs,
  type GlimpseVersion,
} from './kernel_names';
import {MAX_OUTPUT_ELEMENTS} from './shape_inference';
import {checkSensorOptions} from './sensor_options';
import {wasChecked} from './checked_attrs';
import {checkDtype, checkShapeAttr, type TensorDescription} from './kernel_checks';
import type {WindowParams} from './window_geometry';
import {drawsNoise} from './padding_mode';

/**
 * The most samples one call may average: its output values times each scale's block area
 * (scaleFactor^(2 scale)), summed over the scales. A GPU reads every sample, so this bounds
 * any backend's work; the cpu and wasm kernels read only the part of a window inside its image.
 */
export const MAX_SENSOR_SAMPLES = 2 ** 31;

/** The most samples one call with noise padding may average: each sample outside the image is a draw. */
export const MAX_NOISE_SAMPLES = 2 ** 25;

/** Samples one call averages: output values per scale times the sum of the block areas. */
function sensorSamples(shape: SensorShape, scaleFactor: number): number {
  const [batch, n, k, h, w, channels] = shape;
  let areas = 0;
  for (let scale = 0; scale < k; scale++) areas += scaleFactor ** (2 * scale);
  return batch * n * h * w * channels * areas;
}

/** Refuses a call whose work is past the limits above, before any work or allocation. */
function checkSensorWork(shape: SensorShape, attrs: GlimpseSensorAttrs, opName: string): void {
  const samples = sensorSamples(shape, attrs.scaleFactor);
  const noise = drawsNoise(attrs.padding);
  const limit = noise ? MAX_NOISE_SAMPLES : MAX_SENSOR_SAMPLES;
  if (samples > limit) {
    throw new Error(
      `${opName}: output ${formatValue(shape)} with ${attrs.scales} scales of factor ${attrs.scaleFactor} ` +
        `averages ${samples} samples, more than the ${limit} allowed` +
        (noise ? ` with '${attrs.padding}' padding (each sample outside the image is a draw); ` : '; ') +
        'use fewer scales, a smaller scaleFactor or size, or split the batch',
    );
  }
}

/** `[batch, n, k, h, w, channels]`: n locations per image, k scales. */
export type SensorShape = [number, number, number, number, number, number];

export interface SensorCall {
  opName: string;
  /** The forward output's shape (also for the backward kernel, which returns the images' shape). */
  shape: SensorShape;
  attrs: GlimpseSensorAttrs & {version: GlimpseVersion};
  imageHeight: number;
  imageWidth: number;
  /** The output has no element. */
  empty: boolean;
  /** scaleFactor^scale: the side of a scale's averaging block. */
  blockSide(scale: number): number;
  /** Where a scale's window goes: ExtractGlimpseV2's placement of a `[h, w] * blockSide` window. */
  windowParams(scale: number): WindowParams;
}

/** Validates one call's shapes (after its attrs) and returns the output shape. */
export function inferSensorShape(
  imagesShape: readonly number[],
  locationsShape: readonly number[],
  attrs: GlimpseSensorAttrs,
  opName: string,
): SensorShape {
  if (imagesShape.length !== 4) {
    throw new Error(
      `${opName}: images must be rank 4 [batch, height, width, channels], got shape ${formatValue(imagesShape)}`,
    );
  }
  const [batch, height, width, channels] = imagesShape;
  if (locationsShape.length !== 3 || locationsShape[0] !== batch || locationsShape[2] !== 2) {
    throw new Error(
      `${opName}: locations must be [batch, 2] or [batch, n, 2] with the images' batch ${batch}, ` +
        `got shape ${formatValue(locationsShape)}`,
    );
  }
  const [h, w] = attrs.size;
  const shape: SensorShape = [batch, locationsShape[1], attrs.scales, h, w, channels];
  const elements = shape.reduce((a, b) => a * b, 1);
  if (elements > MAX_OUTPUT_ELEMENTS) {
    throw new Error(
      `${opName}: the output would have shape ${formatValue(shape)} (${elements} values), more than the ` +
        `${MAX_OUTPUT_ELEMENTS} a float32 array can hold here`,
    );
  }
  if (elements > 0 && (height === 0 || width === 0)) {
    throw new Error(
      `${opName}: images has an empty image (shape ${formatValue(imagesShape)}) but the glimpses are not empty: ` +
        'there is nothing to copy, pad or draw noise from',
    );
  }
  checkSensorWork(shape, attrs, opName);
  return shape;
}

/**
 * Validates the attrs as glimpseSensor's options, and `version`, which only kernels take
 * (extractGlimpse's bilinear glimpses place their window as their version does); `trusted`
 * attrs, which an op checked (src/checked_attrs.ts), only get the version's default.
 */
/** The output shape: validated for a direct call, read off the attrs the op (or its gradient) checked. */
function shapeOf(
  imagesShape: readonly number[],
  locationsShape: readonly number[],
  attrs: GlimpseSensorAttrs,
  opName: string,
  trusted: boolean,
): SensorShape {
  if (!trusted) return inferSensorShape(imagesShape, locationsShape, attrs, opName);
  return [imagesShape[0], locationsShape[1], attrs.scales, attrs.size[0], attrs.size[1], imagesShape[3]];
}

function checkAttrs(
  attrs: GlimpseSensorAttrs,
  opName: string,
  trusted: boolean,
): GlimpseSensorAttrs & {version: GlimpseVersion} {
  if (trusted) return {...attrs, version: attrs.version ?? 2};
  const {version = 2, ...options} = attrs;
  if (version !== 1 && version !== 2) {
    throw new Error(`${opName}: attrs.version must be 1 or 2, got ${formatValue(version)}`);
  }
  return {...checkSensorOptions(options, opName), version};
}

function makeCall(
  opName: string,
  attrs: GlimpseSensorAttrs & {version: GlimpseVersion},
  imagesShape: readonly number[],
  shape: SensorShape,
) {
  const [, imageHeight, imageWidth] = imagesShape;
  const blockSide = (scale: number) => attrs.scaleFactor ** scale;
  return {
    opName,
    shape,
    attrs,
    imageHeight,
    imageWidth,
    empty: shape.some(d => d === 0),
    blockSide,
    windowParams: (scale: number): WindowParams => ({
      version: attrs.version,
      centered: attrs.centered,
      normalized: attrs.normalized,
      imageHeight,
      imageWidth,
      glimpseHeight: attrs.size[0] * blockSide(scale),
      glimpseWidth: attrs.size[1] * blockSide(scale),
    }),
  };
}

/** The dtypes of the images (or dy) and locations a kernel reads. */
function checkTensors(images: TensorDescription, locations: TensorDescription, opName: string, imagesName = 'images') {
  checkDtype(images, imagesName, opName, imagesName === 'images' ? ['float32', 'int32'] : ['float32']);
  checkDtype(locations, 'locations', opName);
}

/** The forward kernel's call. */
export function sensorCall(
  images: TensorDescription,
  locations: TensorDescription,
  attrs: GlimpseSensorAttrs,
): SensorCall {
  const trusted = wasChecked(attrs);
  if (!trusted) checkTensors(images, locations, GlimpseSensor);
  const checked = checkAttrs(attrs, GlimpseSensor, trusted);
  return makeCall(
    GlimpseSensor,
    checked,
    images.shape,
    shapeOf(images.shape, locations.shape, checked, GlimpseSensor, trusted),
  );
}

/** The slope kernel's call: the forward's, and the corner axis it differentiates by. */
export function sensorSlopeCall(
  images: TensorDescription,
  locations: TensorDescription,
  attrs: GlimpseSensorSlopeAttrs,
): SensorCall & {axis: 'y' | 'x'} {
  const trusted = wasChecked(attrs);
  if (!trusted) checkTensors(images, locations, GlimpseSensorSlope);
  const {axis, ...rest} = attrs;
  if (axis !== 'y' && axis !== 'x') {
    throw new Error(`${GlimpseSensorSlope}: attrs.axis must be 'y' or 'x', got ${formatValue(axis)}`);
  }
  const checked = checkAttrs(rest, GlimpseSensorSlope, trusted);
  const shape = shapeOf(images.shape, locations.shape, checked, GlimpseSensorSlope, trusted);
  return {...makeCall(GlimpseSensorSlope, checked, images.shape, shape), axis};
}

/** The backward kernel's call: `shape` is the forward output's (dy's). */
export function sensorGradCall(dy: TensorDescription, locations: TensorDescription, attrs: GlimpseSensorGradAttrs) {
  const {imagesShape, ...rest} = attrs;
  const trusted = wasChecked(attrs);
  if (!trusted) {
    checkTensors(dy, locations, GlimpseSensorGrad, 'dy');
    checkShapeAttr(imagesShape, 'attrs.imagesShape', GlimpseSensorGrad);
  }
  const checked = checkAttrs(rest as GlimpseSensorAttrs, GlimpseSensorGrad, trusted);
  const shape = shapeOf(imagesShape, locations.shape, checked, GlimpseSensorGrad, trusted);
  if (!trusted && dy.shape.join() !== shape.join()) {
    throw new Error(`${GlimpseSensorGrad}: dy must have shape ${formatValue(shape)}, got ${formatValue(dy.shape)}`);
  }
  return {...makeCall(GlimpseSensorGrad, checked, imagesShape, shape), imagesShape};
}
