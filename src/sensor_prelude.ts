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
import type {WindowParams} from './window_geometry';

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
  return shape;
}

/**
 * Validates the attrs as glimpseSensor's options, and `version`, which only kernels take
 * (extractGlimpse's bilinear glimpses place their window as their version does).
 */
function checkAttrs(attrs: GlimpseSensorAttrs, opName: string): GlimpseSensorAttrs & {version: GlimpseVersion} {
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

/** The forward kernel's call. */
export function sensorCall(
  imagesShape: readonly number[],
  locationsShape: readonly number[],
  attrs: GlimpseSensorAttrs,
): SensorCall {
  const checked = checkAttrs(attrs, GlimpseSensor);
  return makeCall(
    GlimpseSensor,
    checked,
    imagesShape,
    inferSensorShape(imagesShape, locationsShape, checked, GlimpseSensor),
  );
}

/** The slope kernel's call: the forward's, and the corner axis it differentiates by. */
export function sensorSlopeCall(
  imagesShape: readonly number[],
  locationsShape: readonly number[],
  attrs: GlimpseSensorSlopeAttrs,
): SensorCall & {axis: 'y' | 'x'} {
  const {axis, ...rest} = attrs;
  if (axis !== 'y' && axis !== 'x') {
    throw new Error(`${GlimpseSensorSlope}: attrs.axis must be 'y' or 'x', got ${formatValue(axis)}`);
  }
  const checked = checkAttrs(rest, GlimpseSensorSlope);
  const shape = inferSensorShape(imagesShape, locationsShape, checked, GlimpseSensorSlope);
  return {...makeCall(GlimpseSensorSlope, checked, imagesShape, shape), axis};
}

/** The backward kernel's call: `shape` is the forward output's (dy's). */
export function sensorGradCall(
  dyShape: readonly number[],
  locationsShape: readonly number[],
  attrs: GlimpseSensorGradAttrs,
) {
  const {imagesShape, ...rest} = attrs;
  const checked = checkAttrs(rest as GlimpseSensorAttrs, GlimpseSensorGrad);
  const shape = inferSensorShape(imagesShape, locationsShape, checked, GlimpseSensorGrad);
  if (dyShape.join() !== shape.join()) {
    throw new Error(`${GlimpseSensorGrad}: dy must have shape ${formatValue(shape)}, got ${formatValue(dyShape)}`);
  }
  return {...makeCall(GlimpseSensorGrad, checked, imagesShape, shape), imagesShape};
}
