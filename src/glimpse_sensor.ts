import {
  op,
  reshape,
  type Tensor,
  type Tensor2D,
  type Tensor3D,
  type Tensor4D,
  type TensorLike,
} from '@tensorflow/tfjs-core';
import {GlimpseSensor} from './kernel_names';
import {checkSensorOptions, type GlimpseSensorOptions} from './sensor_options';
import {inferSensorShape} from './sensor_prelude';
import {runKernel} from './run_kernel';
import {disposeOnError, toFloatTensor} from './to_tensor';
import {drawSeed} from './noise_random';

const withSeed = (seed: number | undefined) => (seed === undefined ? {} : {seed});

const OP = 'glimpseSensor';

function glimpseSensor_(
  images: Tensor4D | TensorLike,
  locations: Tensor2D | Tensor3D | TensorLike,
  options: GlimpseSensorOptions,
): Tensor {
  const checked = checkSensorOptions(options, OP);
  const attrs =
    checked.interpolation === 'bilinear' && checked.seed === undefined
      ? {...checked, ...withSeed(drawSeed(checked.padding))}
      : checked;
  const $images = toFloatTensor(images, 'images', OP);
  const $locations = toFloatTensor(locations, 'locations', OP);
  const oneEach = $locations.rank === 2;
  const where = oneEach && $locations.shape[1] === 2 ? reshape($locations, [$locations.shape[0], 1, 2]) : $locations;
  // The op's scope frees these on an error, except while a gradient tape records (tf.grad).
  disposeOnError([$images, $locations, where], [images, locations], () =>
    inferSensorShape($images.shape, where.shape, attrs, OP),
  );
  const out = runKernel(GlimpseSensor, {images: $images, locations: where}, attrs);
  return oneEach ? reshape(out, [out.shape[0], ...out.shape.slice(2)]) : out;
}

/**
 * The glimpse sensor of recurrent attention models, in one call: at each location, `scales`
 * windows of growing size (each `scaleFactor` times the last), each averaged down to `size`
 * (docs/semantics.md, "The glimpse sensor").
 *
 * @param images float32 (or int32, cast) images `[batch, H, W, C]`.
 * @param locations `[batch, 2]` (one location per image) or `[batch, n, 2]`: `(y, x)` each,
 *     placed as extractGlimpse (V2) places a window.
 * @param options `size` (required), `scales`, `scaleFactor`, `centered`, `normalized`, `padding`,
 *     `interpolation`, `seed`.
 * @returns float32 `[batch, k, h, w, C]`, or `[batch, n, k, h, w, C]` for rank-3 locations.
 * @function
 */
export const glimpseSensor = /* @__PURE__ */ op({glimpseSensor_});
