import {op, reshape, type Tensor, type Tensor1D, type Tensor4D, type TensorLike} from '@tensorflow/tfjs-core';
import {
  GlimpseSensor,
  KERNEL_NAME_BY_VERSION,
  type ExtractGlimpseAttrs,
  type ExtractGlimpseKernelName,
  type GlimpseSensorAttrs,
  type NoiseAttr,
} from './kernel_names';
import {checkSensorOptions} from './sensor_options';
import {drawSeed} from './noise_random';
import {inferGlimpseShape} from './shape_inference';
import {inferSensorShape} from './sensor_prelude';
import {resolveNoise} from './noise_mode';
import {checkFlag, checkOptions, type ExtractGlimpseOptions} from './options';
import {readSize} from './read_size';
import {runKernel} from './run_kernel';
import {disposeOnError, toFloatTensor} from './to_tensor';

const OP = 'extractGlimpse';

function extractGlimpse_(
  input: Tensor4D | TensorLike,
  size: [number, number] | Tensor1D,
  offsets: Tensor | TensorLike,
  centered = true,
  normalized = true,
  noise: NoiseAttr = 'uniform',
  options: ExtractGlimpseOptions = {},
): Tensor4D {
  const {version, uniformNoise, interpolation, seed, padding} = checkOptions(options, OP);
  const $size = readSize(size, OP);
  const $input = toFloatTensor(input, 'input', OP);
  const $offsets = toFloatTensor(offsets, 'offsets', OP);
  // The op's scope frees these on an error, except while a gradient tape records (tf.grad).
  const {mode, flags} = disposeOnError([$input, $offsets], [input, offsets], () => {
    inferGlimpseShape($input.shape, $size, $offsets.shape, OP);
    return {
      mode: resolveNoise(noise, uniformNoise, OP),
      flags: {centered: checkFlag(centered, 'centered', OP), normalized: checkFlag(normalized, 'normalized', OP)},
    };
  });
  if (interpolation === 'bilinear' || padding !== undefined) {
    // A bilinear or image-padded glimpse is a one-scale glimpse sensor whose window follows this
    // op's placement: the sensor has the padding modes and the subpixel windows.
    const sensorPadding = padding ?? mode;
    const drawn = seed ?? drawSeed(sensorPadding);
    const checked = checkSensorOptions(
      {size: $size, ...flags, padding: sensorPadding, interpolation, ...(drawn === undefined ? {} : {seed: drawn})},
      OP,
    );
    const sensorAttrs: GlimpseSensorAttrs = {...checked, scaleFactor: 1, version};
    const [batch, , , channels] = $input.shape;
    // Its kernel trusts the op: the sensor's limits are checked here.
    disposeOnError([$input, $offsets], [input, offsets], () =>
      inferSensorShape($input.shape, [batch, 1, 2], sensorAttrs, OP),
    );
    const out = runKernel(GlimpseSensor, {images: $input, locations: reshape($offsets, [batch, 1, 2])}, sensorAttrs);
    return reshape(out, [batch, $size[0], $size[1], channels]);
  }
  const attrs: ExtractGlimpseAttrs = {
    size: $size,
    ...flags,
    uniformNoise,
    noise,
    ...(seed === undefined ? {} : {seed}),
  };
  return runKernel<ExtractGlimpseKernelName, Tensor4D>(
    KERNEL_NAME_BY_VERSION[version],
    {input: $input, offsets: $offsets},
    attrs,
  );
}

/**
 * Extracts a glimpse (a `size` window, in whole pixels) from each image at `offsets`, as
 * TensorFlow's `tf.image.extract_glimpse` does; positions outside the image get noise.
 *
 * @param input float32 (or int32, cast) images `[batch, height, width, channels]`.
 * @param size `[h, w]`, or an int32 tensor of 2 values.
 * @param offsets `[batch, 2]`: one `(y, x)` location per image.
 * @param centered (0, 0) is the image centre instead of its top-left corner.
 * @param normalized offsets are fractions of the image size instead of pixels.
 * @param noise `'uniform'`, `'gaussian'`, `'zero'`, or `''` (then `options.uniformNoise` decides).
 * @param options `version` (2, default, or 1), `uniformNoise` (default false), `seed`,
 *     `interpolation` (`'nearest'`, default, or `'bilinear'`), `padding` (`'edge'` or
 *     `'reflection'`: outside positions read the image, and `noise` does not apply).
 * @returns float32 `[batch, h, w, channels]`.
 * @function
 */
export const extractGlimpse = /* @__PURE__ */ op({extractGlimpse_});
