/**
 * What every kernel works out before it touches data, in one place: the op name of its
 * version, the validated output shape, the noise it draws and the window parameters.
 * Each call validates (throwing errors that name the op) before any work or allocation.
 */
import {
  ExtractGlimpseGrad,
  KERNEL_NAME_BY_VERSION,
  type ExtractGlimpseAttrs,
  type ExtractGlimpseGradAttrs,
  type GlimpseVersion,
  type NoiseMode,
} from './kernel_names';
import {inferGlimpseShape, type GlimpseShape} from './shape_inference';
import {resolveNoise} from './noise_mode';
import type {WindowParams} from './window_geometry';

export interface GlimpseCall {
  opName: string;
  /** The kernel's output shape: the glimpses forward, the input's shape backward. */
  shape: GlimpseShape;
  mode: NoiseMode;
  params: WindowParams;
  /** The output has no element: return an empty tensor without running anything. */
  empty: boolean;
}

function windowParams(
  version: GlimpseVersion,
  attrs: {centered: boolean; normalized: boolean},
  imageShape: readonly number[],
  glimpseShape: readonly number[],
): WindowParams {
  return {
    version,
    centered: attrs.centered,
    normalized: attrs.normalized,
    imageHeight: imageShape[1],
    imageWidth: imageShape[2],
    glimpseHeight: glimpseShape[1],
    glimpseWidth: glimpseShape[2],
  };
}

const isEmpty = (shape: readonly number[]) => shape.some(d => d === 0);

/** A forward kernel's call: `ExtractGlimpse` (version 1) or `ExtractGlimpseV2` (version 2). */
export function glimpseCall(
  version: GlimpseVersion,
  inputShape: readonly number[],
  offsetsShape: readonly number[],
  attrs: ExtractGlimpseAttrs,
): GlimpseCall {
  const opName = KERNEL_NAME_BY_VERSION[version];
  const shape = inferGlimpseShape(inputShape, attrs.size, offsetsShape, opName);
  const mode = resolveNoise(attrs.noise, attrs.uniformNoise, opName);
  return {opName, shape, mode, params: windowParams(version, attrs, inputShape, shape), empty: isEmpty(shape)};
}

/**
 * The backward kernel's call; `mode` is 'zero' (noise has no gradient). `nothingSampled`:
 * `dy` is empty, so the gradient is all zeros.
 */
export function glimpseGradCall(
  dyShape: readonly number[],
  attrs: ExtractGlimpseGradAttrs,
): GlimpseCall & {nothingSampled: boolean} {
  const shape = attrs.inputShape;
  return {
    opName: ExtractGlimpseGrad,
    shape,
    mode: 'zero',
    params: windowParams(attrs.version, attrs, shape, dyShape),
    empty: isEmpty(shape),
    nothingSampled: isEmpty(dyShape),
  };
}
