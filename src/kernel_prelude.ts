/**
 * What every kernel works out before it touches data, in one place: the op name of its
 * version, the validated output shape, the noise it draws and the window parameters.
 * Each call validates (throwing errors that name the op) before any work or allocation; the
 * attrs this package's ops build were checked by the op itself (src/checked_attrs.ts), so
 * only a direct call (`tf.engine().runKernel`, another tool) gets its flags, seed and
 * dtypes checked here.
 */
import {
  ExtractGlimpseGrad,
  KERNEL_NAME_BY_VERSION,
  type ExtractGlimpseAttrs,
  type ExtractGlimpseGradAttrs,
  type GlimpseVersion,
  type NoiseMode,
} from './kernel_names';
import {wasChecked} from './checked_attrs';
import {formatValue} from './errors';
import {checkDtype, checkShapeAttr, type TensorDescription} from './kernel_checks';
import {inferGlimpseShape, type GlimpseShape} from './shape_inference';
import {noiseModeOf, resolveNoise} from './noise_mode';
import {checkFlag, checkSeed} from './options';
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

/** The placement flags every glimpse kernel takes. */
function checkPlacement(attrs: {centered: unknown; normalized: unknown}, opName: string): void {
  checkFlag(attrs.centered, 'attrs.centered', opName);
  checkFlag(attrs.normalized, 'attrs.normalized', opName);
}

/** A forward kernel's call: `ExtractGlimpse` (version 1) or `ExtractGlimpseV2` (version 2). */
export function glimpseCall(
  version: GlimpseVersion,
  input: TensorDescription,
  offsets: TensorDescription,
  attrs: ExtractGlimpseAttrs,
): GlimpseCall {
  const opName = KERNEL_NAME_BY_VERSION[version];
  const trusted = wasChecked(attrs);
  if (!trusted) {
    checkDtype(input, 'input', opName, ['float32', 'int32']);
    checkDtype(offsets, 'offsets', opName);
    checkPlacement(attrs, opName);
    checkSeed(attrs.seed, 'attrs.seed', opName);
  }
  // The op validated its shapes and noise (src/extract_glimpse.ts): its kernel only reads them.
  const [batch, , , channels] = input.shape;
  const shape: GlimpseShape = trusted
    ? [batch, attrs.size[0], attrs.size[1], channels]
    : inferGlimpseShape(input.shape, attrs.size, offsets.shape, opName);
  const mode = trusted
    ? noiseModeOf(attrs.noise, attrs.uniformNoise)
    : resolveNoise(attrs.noise, attrs.uniformNoise, opName);
  return {opName, shape, mode, params: windowParams(version, attrs, input.shape, shape), empty: isEmpty(shape)};
}

/**
 * The backward kernel's call; `mode` is 'zero' (noise has no gradient). `nothingSampled`:
 * `dy` is empty, so the gradient is all zeros.
 */
export function glimpseGradCall(
  dy: TensorDescription,
  offsets: TensorDescription,
  attrs: ExtractGlimpseGradAttrs,
): GlimpseCall & {nothingSampled: boolean} {
  const opName = ExtractGlimpseGrad;
  if (!wasChecked(attrs)) {
    checkDtype(dy, 'dy', opName);
    checkDtype(offsets, 'offsets', opName);
    checkPlacement(attrs, opName);
    if (attrs.version !== 1 && attrs.version !== 2) {
      throw new Error(`${opName}: attrs.version must be 1 or 2, got ${formatValue(attrs.version)}`);
    }
    const inputShape = checkShapeAttr(attrs.inputShape, 'attrs.inputShape', opName);
    const glimpse = dy.shape.length === 4 ? [dy.shape[1], dy.shape[2]] : null;
    const want = glimpse && inferGlimpseShape(inputShape, glimpse, offsets.shape, opName);
    if (!want || want.join() !== dy.shape.join()) {
      throw new Error(
        `${opName}: dy must have shape [batch, h, w, channels] with attrs.inputShape's batch and channels ` +
          `${formatValue(inputShape)}, got ${formatValue(dy.shape)}`,
      );
    }
  }
  const shape = attrs.inputShape;
  return {
    opName,
    shape,
    mode: 'zero',
    params: windowParams(attrs.version, attrs, shape, dy.shape),
    empty: isEmpty(shape),
    nothingSampled: isEmpty(dy.shape),
  };
}
