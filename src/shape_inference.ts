import {formatValue} from './errors';

/** Output shape `[batch, h, w, channels]`. */
export type GlimpseShape = [number, number, number, number];

/**
 * The largest output we agree to allocate, in float32 elements (4 GiB): beyond what
 * browsers let one typed array hold, so bigger sizes fail here rather than in `new`.
 */
export const MAX_OUTPUT_ELEMENTS = 2 ** 30;

/**
 * Validates the shapes of one ExtractGlimpse call (docs/semantics.md, "Validation") and returns the
 * output shape. The op and every kernel call this before any work or allocation; each
 * error names the op, the argument and the value.
 */
export function inferGlimpseShape(
  inputShape: readonly number[],
  size: unknown,
  offsetsShape: readonly number[],
  opName = 'extractGlimpse',
): GlimpseShape {
  if (inputShape.length !== 4) {
    throw new Error(
      `${opName}: input must be rank 4 [batch, height, width, channels], ` + `got shape ${formatValue(inputShape)}`,
    );
  }
  const [h, w] = checkSize(size, opName);
  if (offsetsShape.length !== 2) {
    throw new Error(`${opName}: offsets must be rank 2 [batch, 2], got shape ${formatValue(offsetsShape)}`);
  }
  const [batch, height, width, channels] = inputShape;
  if (offsetsShape[0] !== batch) {
    throw new Error(
      `${opName}: offsets must have one row per image (batch ${batch}), ` + `got shape ${formatValue(offsetsShape)}`,
    );
  }
  if (offsetsShape[1] !== 2) {
    throw new Error(`${opName}: offsets must hold 2 values (y, x) per image, got shape ${formatValue(offsetsShape)}`);
  }
  const outShape: GlimpseShape = [batch, h, w, channels];
  const elements = batch * h * w * channels;
  if (elements > MAX_OUTPUT_ELEMENTS) {
    throw new Error(
      `${opName}: size ${formatValue([h, w])} would make an output of shape ${formatValue(outShape)} ` +
        `(${elements} values), more than the ${MAX_OUTPUT_ELEMENTS} a float32 array can hold here`,
    );
  }
  if (elements > 0 && (height === 0 || width === 0)) {
    // TF leaves this undefined (it reads outside the image); the plugin refuses it.
    throw new Error(
      `${opName}: input has an empty image (shape ${formatValue(inputShape)}) but the glimpse ` +
        `size ${formatValue([h, w])} is not empty: there is nothing to copy or draw noise from`,
    );
  }
  return outShape;
}

/** `size` must be `[h, w]`: two finite, non-negative integers. */
export function checkSize(size: unknown, opName = 'extractGlimpse'): [number, number] {
  const ok =
    Array.isArray(size) && size.length === 2 && size.every(v => typeof v === 'number' && Number.isInteger(v) && v >= 0);
  if (!ok) {
    throw new Error(`${opName}: size must hold 2 non-negative integers [height, width], got ${formatValue(size)}`);
  }
  return [size[0], size[1]];
}
