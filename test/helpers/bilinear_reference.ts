/**
 * An independent reference for bilinear glimpses (docs/semantics.md, "Bilinear glimpses"),
 * composed of tfjs ops so that tf.grad differentiates it in both the images and the offsets:
 * the placement as TensorFlow's float32 steps, the four neighbours gathered from the image
 * with their weights, outside neighbours 0 (zero padding), the clamped pixel (edge) or the
 * mirrored one (reflection: the rule test/helpers/padding_reference.ts takes from tf.mirrorPad).
 * And a plain per-sample reading of d images, which tf.grad of the composite gives only slowly
 * (the cpu's gather gradient is a segment sum per pixel).
 */
import {subpixelCorner} from '../../src';
import {onCpuBackend, tf} from './backends';
import {forEachSensorOutput, type SensorCase} from './sensor_reference';
import {clampedIndex, paddedIndex, scaledWindowParams} from './padding_reference';

/** The paddings the composite expresses: noise paddings run it with zero padding where they need it. */
export type CompositePadding = 'zero' | 'edge' | 'reflection';

export interface Placement {
  version: 1 | 2;
  centered: boolean;
  normalized: boolean;
}

/** One axis of the placement, in float32 ops (ExtractGlimpse's C++ arithmetic, before truncation). */
function placeAxis(offset: tf.Tensor1D, size: number, glimpse: number, p: Placement): tf.Tensor1D {
  const halve = p.version === 1 || (p.centered && p.normalized);
  let v: tf.Tensor1D = offset;
  if (p.normalized) v = tf.mul(v, size);
  if (p.centered) v = halve ? tf.add(tf.div(v, 2), size / 2) : tf.add(v, size / 2);
  if (halve) v = tf.sub(v, glimpse / 2);
  return v;
}

/** `[B, h, w, C]`: the glimpse of `size` at each offset's unrounded corner. */
export function bilinearComposite(
  images: tf.Tensor4D,
  offsets: tf.Tensor2D,
  size: [number, number],
  p: Placement,
  padding: CompositePadding = 'zero',
): tf.Tensor4D {
  return tf.tidy(() => {
    const [batch, height, width, channels] = images.shape;
    const [h, w] = size;
    const column = (j: number) => tf.reshape(tf.slice(offsets, [0, j], [-1, 1]), [batch]) as tf.Tensor1D;
    const [oy, ox] = [column(0), column(1)];
    const cy = placeAxis(oy, height, h, p);
    const cx = placeAxis(ox, width, w, p);
    // The floors as constants (floor has no gradient, and gather none for its indices): the
    // fractions carry the offsets' gradient.
    const floorOf = (t: tf.Tensor1D) => Array.from(t.dataSync(), Math.floor);
    const y0 = floorOf(cy);
    const x0 = floorOf(cx);
    const fy = tf.reshape(tf.sub(cy, tf.tensor1d(y0)), [batch, 1, 1, 1]);
    const fx = tf.reshape(tf.sub(cx, tf.tensor1d(x0)), [batch, 1, 1, 1]);
    const flat = tf.reshape(images, [batch * height * width, channels]);
    // Each image's positions start + step + 0..count-1 on one axis: the index each reads (zero
    // padding: the clamped one, masked out), and whether it lies inside.
    const axis = (start: number[], count: number, step: number, limit: number) => {
      const at = start.map(s => Array.from({length: count}, (_, i) => s + step + i));
      const read = (q: number) => (padding === 'zero' ? clampedIndex(q, limit) : paddedIndex(q, limit, padding));
      return {
        index: tf.tensor2d(
          at.map(row => row.map(read)),
          [batch, count],
          'int32',
        ),
        inside: tf.tensor2d(
          at.map(row => row.map(q => +(q >= 0 && q < limit))),
          [batch, count],
        ),
      };
    };
    const neighbour = (dy: number, dx: number) => {
      const rows = axis(y0, h, dy, height);
      const cols = axis(x0, w, dx, width);
      const imageStart = tf.reshape(tf.mul(tf.range(0, batch, 1, 'int32'), height * width), [batch, 1, 1]);
      const index = tf.add(
        imageStart,
        tf.add(tf.reshape(tf.mul(rows.index, width), [batch, h, 1]), tf.reshape(cols.index, [batch, 1, w])),
      );
      const pixels = tf.reshape(tf.gather(flat, tf.cast(tf.reshape(index, [-1]), 'int32')), [batch, h, w, channels]);
      if (padding !== 'zero') return pixels;
      const inside = tf.mul(tf.reshape(rows.inside, [batch, h, 1, 1]), tf.reshape(cols.inside, [batch, 1, w, 1]));
      return tf.mul(pixels, inside);
    };
    const gy = tf.sub(1, fy);
    const gx = tf.sub(1, fx);
    return tf.addN([
      tf.mul(tf.mul(gy, gx), neighbour(0, 0)),
      tf.mul(tf.mul(gy, fx), neighbour(0, 1)),
      tf.mul(tf.mul(fy, gx), neighbour(1, 0)),
      tf.mul(tf.mul(fy, fx), neighbour(1, 1)),
    ]) as tf.Tensor4D;
  });
}

/**
 * `[B, n, k, h, w, C]`: the bilinear glimpse sensor composed per location and scale (V2
 * placement, the scale's window averaged down by tf.avgPool).
 */
export function bilinearSensorComposite(
  images: tf.Tensor4D,
  locations: tf.Tensor3D,
  o: {size: [number, number]; scales: number; scaleFactor: number; centered: boolean; normalized: boolean},
  padding: CompositePadding,
): tf.Tensor {
  return tf.tidy(() => {
    const [batch, n] = locations.shape;
    const perLocation = Array.from({length: n}, (_, l) => {
      const where = tf.reshape(tf.slice(locations, [0, l, 0], [-1, 1, -1]), [batch, 2]);
      const perScale = Array.from({length: o.scales}, (_, i) => {
        const s = o.scaleFactor ** i;
        const p = {version: 2 as const, centered: o.centered, normalized: o.normalized};
        const glimpse = bilinearComposite(images, where as tf.Tensor2D, [o.size[0] * s, o.size[1] * s], p, padding);
        return s === 1 ? glimpse : tf.avgPool(glimpse, s, s, 'valid');
      });
      return tf.stack(perScale, 1);
    });
    return tf.stack(perLocation, 1);
  });
}

/**
 * Runs `fn` on the cpu backend, on copies of `inputs` made there, and returns its values; the
 * backend under test is restored and its tensors stay where they are. tf.grad of the
 * composite needs gather's gradient, which not every backend registers.
 */
export function onCpu(inputs: tf.Tensor[], fn: (...copies: tf.Tensor[]) => tf.Tensor[]): Promise<Float32Array[]> {
  const values = inputs.map(t => ({values: t.dataSync().slice(), shape: t.shape}));
  return onCpuBackend(() => {
    const copies = values.map(v => tf.tensor(v.values, v.shape));
    const out = fn(...copies);
    const results = out.map(t => t.dataSync() as Float32Array);
    tf.dispose([...out, ...copies]);
    return results;
  });
}

/**
 * A bilinear call for plainBilinearGrad: a sensor call placed by `version`. Edge and
 * reflection padding move a sample outside the image onto the pixel it reads; any other
 * padding leaves it out.
 */
export type PlainBilinearCall = Omit<SensorCase, 'name' | 'imageSeed'> & {version: 1 | 2};

/**
 * Plain backward, float64: d images of sum(output * dy) for a `[B, n, k, h, w, C]` output (or
 * its `[B, h, w, C]` form, the same values). Each sample of a neighbour's block passes on
 * dy * weight / s^2; an unreachable location passes on nothing.
 */
export function plainBilinearGrad(dy: ArrayLike<number>, c: PlainBilinearCall): Float64Array {
  const [B, H, W, C] = c.shape;
  const dx = new Float64Array(B * H * W * C);
  /** Each window's four neighbours: their step from its corner, and weight. */
  let neighbours: number[][] = [];
  let corner: ReturnType<typeof subpixelCorner> = null;
  forEachSensorOutput(c, ({o, b, l, s, y, x, ch}) => {
    if (y === 0 && x === 0 && ch === 0) {
      const params = scaledWindowParams(c, H, W, s);
      corner = subpixelCorner(c.locations[b][l][0], c.locations[b][l][1], params);
      neighbours = corner
        ? [
            [0, 0, (1 - corner.fy) * (1 - corner.fx)],
            [0, 1, (1 - corner.fy) * corner.fx],
            [1, 0, corner.fy * (1 - corner.fx)],
            [1, 1, corner.fy * corner.fx],
          ]
        : [];
    }
    for (const [stepY, stepX, weight] of neighbours) {
      for (let a = 0; a < s; a++) {
        for (let d = 0; d < s; d++) {
          let r = corner!.y + stepY + y * s + a;
          let q = corner!.x + stepX + x * s + d;
          if (!(r >= 0 && r < H && q >= 0 && q < W)) {
            if (c.padding !== 'edge' && c.padding !== 'reflection') continue;
            r = paddedIndex(r, H, c.padding);
            q = paddedIndex(q, W, c.padding);
          }
          dx[((b * H + r) * W + q) * C + ch] += (dy[o] * weight) / (s * s);
        }
      }
    }
  });
  return dx;
}
