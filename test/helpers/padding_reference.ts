/**
 * Independent references for the padding modes that read the image (docs/semantics.md,
 * "Padding modes"), taken from TensorFlow's own padding rather than from src/padding_mode.ts:
 *
 * - reflection's index rule from tf.mirrorPad 'reflect' of the indices 0..n-1, carried on with
 *   its period 2(n - 1) for positions past one reflection (mirrorPad pads by at most n - 1);
 * - a window's pixels as the composite users would write: the image mirror-padded (tf.mirrorPad,
 *   again and again until the window is covered) or edge-padded (clamped indices), then
 *   tf.slice at the corner shifted by the padding, and tf.avgPool for scales > 1; the padding
 *   runs on the indices and the image is gathered at them, for a gradient (paddedWindow).
 *
 * The corner comes from windowCorner, the placement TensorFlow's golden tables check.
 */
import {windowCorner, type WindowParams} from '../../src';
import {tf} from './backends';
import type {SensorCase} from './sensor_reference';

/** Image paddings: 'edge' (the nearest pixel) and 'reflection' (mirrored, the border not repeated). */
export type ImagePadding = 'edge' | 'reflection';

const mirrored = new Map<number, Int32Array>();

/**
 * tf.mirrorPad 'reflect' of 0..n-1 by n - 1 on each side: the index read at positions
 * -(n - 1) .. 2(n - 1), one whole period and more. Computed once per n, on the backend in use.
 */
function mirroredIndices(n: number): Int32Array {
  let table = mirrored.get(n);
  if (!table) {
    table = tf.tidy(() => {
      const iota = tf.range(0, n, 1, 'int32') as tf.Tensor1D;
      return tf.mirrorPad(iota, [[n - 1, n - 1]], 'reflect').dataSync() as Int32Array;
    });
    mirrored.set(n, table);
  }
  return table;
}

/**
 * The index in [0, n) reflection padding reads at whole-pixel position `p`: mirrorPad's table,
 * `p` first moved by whole periods 2(n - 1) into [-(n - 1), n - 1), which the table covers
 * (exact in float64 for any |p| below 2^53). An axis of one pixel has no reflection (mirrorPad
 * cannot pad it): every position reads pixel 0, as edge padding does.
 */
export function mirrorIndex(p: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  const shifted = ((((p + n - 1) % period) + period) % period) - (n - 1);
  return mirroredIndices(n)[shifted + n - 1];
}

/** The index edge padding reads: the nearest one in [0, n). */
export const clampedIndex = (p: number, n: number): number => Math.min(n - 1, Math.max(0, p));

/** The index a sample at whole-pixel position `p` reads under an image padding. */
export const paddedIndex = (p: number, n: number, padding: ImagePadding): number =>
  padding === 'edge' ? clampedIndex(p, n) : mirrorIndex(p, n);

/**
 * `x` mirror-padded by tf.mirrorPad 'reflect' on `axis`, `before` and `after` positions, in as
 * many rounds as it takes: each round pads by at most the current length - 1, which is what
 * mirrorPad allows. An axis of one pixel is tiled instead (it has no reflection).
 */
export function mirrorPadAxis(x: tf.Tensor, axis: number, before: number, after: number): tf.Tensor {
  return tf.tidy(() => {
    let out = x;
    if (out.shape[axis] === 1) {
      const reps = out.shape.map((_, d) => (d === axis ? 1 + before + after : 1));
      return tf.tile(out, reps);
    }
    let [top, bottom] = [before, after];
    while (top > 0 || bottom > 0) {
      const most = out.shape[axis] - 1;
      const [a, b] = [Math.min(top, most), Math.min(bottom, most)];
      const pads = out.shape.map((_, d) => (d === axis ? [a, b] : [0, 0])) as Array<[number, number]>;
      out = tf.mirrorPad(out, pads, 'reflect');
      [top, bottom] = [top - a, bottom - b];
    }
    return out;
  });
}

/** `x` edge-padded on `axis`: a gather of the clamped indices -before .. n - 1 + after. */
export function edgePadAxis(x: tf.Tensor, axis: number, before: number, after: number): tf.Tensor {
  const n = x.shape[axis];
  const indices = Array.from({length: n + before + after}, (_, i) => clampedIndex(i - before, n));
  return tf.tidy(() => tf.gather(x, tf.tensor1d(indices, 'int32'), axis));
}

/**
 * A `[1, H, W, C]` image's window of `size` at `corner` (which may lie outside): the image
 * gathered at the row and column indices padded as the image would be (mirrorPadAxis or
 * edgePadAxis of 0..n-1), then sliced. The same values as padding the image itself (a test pins
 * it), with a correct gradient: tfjs's MirrorPad gradient slices the centre out of dy and drops
 * what the mirrored border passed on, where gather's adds every read up.
 */
export function paddedWindow(
  image: tf.Tensor4D,
  corner: {y: number; x: number},
  size: [number, number],
  padding: ImagePadding,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [, H, W] = image.shape;
    const [h, w] = size;
    // A far window moved near first, so the padding stays small: by whole periods 2(n - 1)
    // (reflection), or (edge, and an axis of one pixel) to where it reads the same border pixels.
    const near = (p: number, n: number, side: number) => {
      if (padding === 'edge' || n === 1) return Math.min(n, Math.max(-side, p));
      if (Math.abs(p) <= 4 * n + 64) return p;
      const period = 2 * (n - 1);
      return ((p % period) + period) % period;
    };
    const pad = padding === 'edge' ? edgePadAxis : mirrorPadAxis;
    /** The indices an axis of n reads from p to p + side - 1. */
    const indices = (p: number, n: number, side: number) => {
      const at = near(p, n, side);
      const [before, after] = [Math.max(0, -at), Math.max(0, at + side - n)];
      const padded = pad(tf.range(0, n, 1, 'int32'), 0, before, after);
      return tf.slice(padded, [at + before], [side]);
    };
    const rows = tf.gather(image, indices(corner.y, H, h), 1);
    return tf.gather(rows, indices(corner.x, W, w), 2) as tf.Tensor4D;
  });
}

/** A call of the composite: the sensor's options (extractGlimpse: one scale of factor 1), placed by `version`. */
export interface PaddedCall extends Pick<SensorCase, 'size' | 'scales' | 'scaleFactor' | 'centered' | 'normalized'> {
  version: 1 | 2;
  padding: ImagePadding;
}

/** windowCorner's parameters for the window of scale side `s` (scaleFactor^i) on an `H` x `W` image. */
export const scaledWindowParams = (
  c: Pick<PaddedCall, 'version' | 'centered' | 'normalized' | 'size'>,
  H: number,
  W: number,
  s: number,
): WindowParams => ({
  version: c.version,
  centered: c.centered,
  normalized: c.normalized,
  imageHeight: H,
  imageWidth: W,
  glimpseHeight: c.size[0] * s,
  glimpseWidth: c.size[1] * s,
});

/**
 * `[B, n, k, h, w, C]`: the nearest glimpse sensor with an image padding composed per image,
 * location and scale: the padded window of the scale's size at its corner, averaged down by
 * tf.avgPool; an unreachable location gives zeros. `locations` is `[B, n, 2]`.
 */
export function paddedSensorComposite(images: tf.Tensor4D, locations: number[][][], c: PaddedCall): tf.Tensor {
  return tf.tidy(() => {
    const [B, H, W, C] = images.shape;
    const [h, w] = c.size;
    const perImage = Array.from({length: B}, (_, b) => {
      const image = tf.slice(images, [b, 0, 0, 0], [1, -1, -1, -1]) as tf.Tensor4D;
      const perLocation = locations[b].map(([oy, ox]) => {
        const perScale = Array.from({length: c.scales}, (_, i) => {
          const s = c.scaleFactor ** i;
          const corner = windowCorner(oy, ox, scaledWindowParams(c, H, W, s));
          if (!corner) return tf.zeros([1, h, w, C]) as tf.Tensor4D;
          const window = paddedWindow(image, corner, [h * s, w * s], c.padding);
          return s === 1 ? window : tf.avgPool(window, s, s, 'valid');
        });
        return tf.concat(perScale, 0);
      });
      return tf.stack(perLocation, 0);
    });
    return tf.stack(perImage, 0);
  });
}

/** `[B, h, w, C]`: extractGlimpse with `options.padding`, nearest, as the composite. `offsets` is `[B, 2]`. */
export function paddedGlimpseComposite(
  images: tf.Tensor4D,
  offsets: number[][],
  c: Omit<PaddedCall, 'scales' | 'scaleFactor'>,
): tf.Tensor4D {
  return tf.tidy(() => {
    const out = paddedSensorComposite(
      images,
      offsets.map(o => [o]),
      {...c, scales: 1, scaleFactor: 1},
    );
    const [B, , , h, w, C] = out.shape;
    return tf.reshape(out, [B, h, w, C]) as tf.Tensor4D;
  });
}
