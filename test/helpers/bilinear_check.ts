/**
 * What a bilinear glimpse must be for a case of test/helpers/bilinear_cases.ts, from the
 * composite of tfjs ops of test/helpers/bilinear_reference.ts, computed in Node on cpu: the
 * same for every backend, Node's and Chromium's (docs/semantics.md, "Bilinear glimpses").
 *
 * - zero, edge and reflection padding: the composite's values, within float32 weights and
 *   block sums;
 * - noise: every value a convex mix of pixels and draws, so within the image's (uniform) or its
 *   channel's (gaussian) range; the same seed the same bits, another seed other values;
 * - d images: the plain per-sample reading (noise samples carry none), within the float32 bound
 *   of its sum;
 * - d locations (d offsets): the composite's, zero, edge and reflection padding.
 *
 * An unreachable location (NaN) gives zeros and no gradient: the composite runs it at 0 and
 * masks it out.
 */
import {bilinearComposite, bilinearSensorComposite, plainBilinearGrad} from './bilinear_reference';
import {
  BILINEAR_IMAGE,
  BILINEAR_SHAPE,
  bilinearDy,
  bilinearShape,
  glimpseNoiseOf,
  glimpseOptionsOf,
  isNoisy,
  sensorOptionsOf,
  type BilinearCase,
} from './bilinear_cases';
import {imageRange, SENSOR_IMAGE_MAX_ABS} from './sensor_reference';
import {extractGlimpse, glimpseSensor} from '../../src';
import {onCpuBackend, tf} from './backends';

export interface BilinearWant {
  shape: number[];
  /** The composite's forward (zero padding for noise cases). */
  values: Float32Array;
  /** d images of sum(output * dy), of sum(output * |dy|) (the magnitudes summed), float64. */
  grad: Float64Array;
  gradSize: Float64Array;
  /** The composite's d locations of sum(output * dy). */
  dLocations: Float32Array;
}

/** A backend's results: the forward (noise: again with the seed, and with another), d images, d locations. */
export interface BilinearGot {
  shape: number[];
  values: ArrayLike<number>;
  again?: ArrayLike<number>;
  other?: ArrayLike<number>;
  grad: ArrayLike<number>;
  dLocations: ArrayLike<number>;
}

/** A case's op on (images, locations): extractGlimpse takes the one location per image as its offsets. */
export function runBilinear(c: BilinearCase, images: tf.Tensor, locations: tf.Tensor, seed?: number): tf.Tensor {
  if (c.op === 'sensor')
    return glimpseSensor(images as tf.Tensor4D, locations as tf.Tensor3D, sensorOptionsOf(c, seed));
  const noise = glimpseNoiseOf(c);
  return tf.tidy(() => {
    const offsets = tf.reshape(locations, [BILINEAR_SHAPE[0], 2]) as tf.Tensor2D;
    return extractGlimpse(
      images as tf.Tensor4D,
      c.size,
      offsets,
      c.centered,
      c.normalized,
      noise,
      glimpseOptionsOf(c, seed),
    );
  });
}

/** The composite of a case on (images, locations), unreachable locations masked to zeros. */
function composite(c: BilinearCase, images: tf.Tensor4D, locations: tf.Tensor3D, reachable: tf.Tensor): tf.Tensor {
  const padding = c.padding === 'edge' || c.padding === 'reflection' ? c.padding : 'zero';
  const placement = {version: c.version, centered: c.centered, normalized: c.normalized};
  if (c.op === 'glimpse') {
    const offsets = tf.reshape(locations, [BILINEAR_SHAPE[0], 2]) as tf.Tensor2D;
    return tf.mul(bilinearComposite(images, offsets, c.size, placement, padding), reachable);
  }
  return tf.mul(bilinearSensorComposite(images, locations, {...c, ...placement}, padding), reachable);
}

/** The references of every case, on cpu (the backend in use is restored). */
export function bilinearWants(cases: readonly BilinearCase[]): Promise<BilinearWant[]> {
  return onCpuBackend(() => cases.map(wantOnCpu));
}

function wantOnCpu(c: BilinearCase): BilinearWant {
  const shape = bilinearShape(c);
  const dy = bilinearDy(shape);
  const call = {...c, shape: BILINEAR_SHAPE};
  const [values, dLocations] = tf.tidy(() => {
    const finite = c.locations.map(row => row.map(([y, x]) => (Number.isFinite(y + x) ? [y, x] : [0, 0])));
    const reachable = tf.tensor(
      c.locations.map(row => row.map(([y, x]) => +Number.isFinite(y + x))).flat(),
      c.op === 'glimpse' ? [shape[0], 1, 1, 1] : [shape[0], c.locations[0].length, 1, 1, 1, 1],
    );
    const images = tf.tensor4d(BILINEAR_IMAGE, BILINEAR_SHAPE);
    const locations = tf.tensor3d(finite);
    const weights = tf.tensor(dy, shape);
    // Only d locations by tf.grad: d images would run the cpu's gather gradient, a segment sum per pixel.
    const loss = (l: tf.Tensor) => tf.sum(tf.mul(composite(c, images, l as tf.Tensor3D, reachable), weights));
    return [composite(c, images, locations, reachable).dataSync(), tf.grad(loss)(locations).dataSync()];
  });
  return {
    shape,
    values: values as Float32Array,
    grad: plainBilinearGrad(dy, call),
    gradSize: plainBilinearGrad(dy.map(Math.abs), call),
    dLocations: dLocations as Float32Array,
  };
}

const bitsOf = (values: ArrayLike<number>) => Array.from(new Uint32Array(Float32Array.from(values).buffer)).join();

/**
 * What differs from the references ([] when nothing; the first three findings). Values within
 * float32 weights and block sums: s*s + 8 units of 2^-23 of the largest |pixel|.
 */
export function bilinearFindings(c: BilinearCase, want: BilinearWant, got: BilinearGot): string[] {
  if (got.shape.join() !== want.shape.join()) return [`shape ${got.shape}, want ${want.shape}`];
  const findings: string[] = [];
  const C = BILINEAR_SHAPE[3];
  const perImage = want.values.length / BILINEAR_SHAPE[0];
  const [h, w] = c.size;
  for (let i = 0; i < want.values.length && findings.length < 3; i++) {
    const v = got.values[i];
    if (isNoisy(c)) {
      const [lo, hi] = imageRange(
        BILINEAR_IMAGE,
        BILINEAR_SHAPE,
        Math.floor(i / perImage),
        c.padding === 'gaussian' ? i % C : null,
      );
      if (!(v >= lo - 1e-3 && v <= hi + 1e-3)) findings.push(`at ${i}: ${v} outside [${lo}, ${hi}]`);
      continue;
    }
    const s = c.scaleFactor ** (Math.floor(i / (h * w * C)) % c.scales);
    const bound = (s * s + 8) * 2 ** -23 * SENSOR_IMAGE_MAX_ABS;
    if (!(Math.abs(v - want.values[i]) <= bound))
      findings.push(`at ${i}: ${v}, want ${want.values[i]} within ${bound}`);
  }
  if (isNoisy(c)) {
    if (bitsOf(got.again!) !== bitsOf(got.values)) findings.push('the same seed gave other values');
    // Every noise case of the table has a window with samples outside the image.
    if (bitsOf(got.other!) === bitsOf(got.values)) findings.push('another seed gave the same values');
  }
  for (let j = 0; j < want.grad.length && findings.length < 3; j++) {
    const bound = 2 ** -16 * want.gradSize[j] + 2 ** -24;
    if (!(Math.abs(got.grad[j] - want.grad[j]) <= bound)) {
      findings.push(`d images at ${j}: ${got.grad[j]}, want ${want.grad[j]} within ${bound}`);
    }
  }
  if (!isNoisy(c)) {
    const scale = Math.max(...Array.from(want.dLocations, Math.abs));
    if (!(scale > 0)) findings.push('the composite has no d locations');
    for (let j = 0; j < want.dLocations.length && findings.length < 3; j++) {
      if (!(Math.abs(got.dLocations[j] - want.dLocations[j]) <= 1e-4 * scale)) {
        findings.push(`d locations at ${j}: ${got.dLocations[j]}, want ${want.dLocations[j]} within ${1e-4 * scale}`);
      }
    }
  }
  return findings;
}
