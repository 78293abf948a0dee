/**
 * What a result must be for a case of test/helpers/padding_cases.ts, from the composite of
 * test/helpers/padding_reference.ts computed in Node on cpu: the same for every backend, Node's
 * and Chromium's (docs/semantics.md, "Padding modes").
 *
 * - forward: scale 0 (every extractGlimpse) the composite bit for bit, other scales within the
 *   float32 block sum's bound; a hand-worked case its written-out output exactly;
 * - the noise argument does not apply: the same bits with noise 'zero';
 * - d images: tf.grad of the composite (mirrorPad's, slice's, gather's and avgPool's
 *   gradients), within the float32 bound of the sums both add up.
 */
import {onCpuBackend, tf} from './backends';
import {paddedSensorComposite} from './padding_reference';
import {paddingDy, paddingImage, paddingShape, type PaddingCase} from './padding_cases';

export interface PaddingWant {
  shape: number[];
  values: Float32Array;
  /** d images of sum(output * dy), of sum(output * |dy|), and of one per sample (the terms). */
  grad: Float32Array;
  gradSize: Float32Array;
  gradTerms: Float32Array;
}

/** A backend's results: the forward, the forward with noise 'zero' (extractGlimpse), d images. */
export interface PaddingGot {
  shape: number[];
  values: ArrayLike<number>;
  zeroNoise?: ArrayLike<number>;
  grad: ArrayLike<number>;
}

/** The composite in the op's output shape. */
export function paddingComposite(c: PaddingCase, images: tf.Tensor4D): tf.Tensor {
  return tf.tidy(() => tf.reshape(paddedSensorComposite(images, c.locations, c), paddingShape(c)));
}

/** The references of every case, on cpu (the backend in use is restored). */
export function paddingWants(cases: readonly PaddingCase[]): Promise<PaddingWant[]> {
  return onCpuBackend(() => cases.map(wantOnCpu));
}

function wantOnCpu(c: PaddingCase): PaddingWant {
  const shape = paddingShape(c);
  const dy = paddingDy(shape);
  return tf.tidy(() => {
    const images = tf.tensor4d(paddingImage(c), c.shape);
    const dImages = (weights: ArrayLike<number>) => {
      const w = tf.tensor(Float32Array.from(weights), shape);
      return tf
        .grad(x => tf.sum(tf.mul(paddingComposite(c, x as tf.Tensor4D), w)))(images)
        .dataSync() as Float32Array;
    };
    const [, , , h, w, C] = shape;
    const blockArea = (i: number) => (c.op === 'glimpse' ? 1 : blockSide(c, i, h, w, C) ** 2);
    return {
      shape,
      values: paddingComposite(c, images).dataSync() as Float32Array,
      grad: dImages(dy),
      gradSize: dImages(dy.map(Math.abs)),
      gradTerms: dImages(Array.from(dy, (_, i) => blockArea(i))),
    };
  });
}

/** The block side (scaleFactor^scale) of sensor output value i, for `[B, n, k, h, w, C]`. */
const blockSide = (c: PaddingCase, i: number, h: number, w: number, C: number) =>
  c.scaleFactor ** (Math.floor(i / (h * w * C)) % c.scales);

const bitsOf = (values: ArrayLike<number>) => Array.from(new Uint32Array(Float32Array.from(values).buffer));

/** What differs from the references ([] when nothing; the first three findings). */
export function paddingFindings(c: PaddingCase, want: PaddingWant, got: PaddingGot): string[] {
  if (got.shape.join() !== want.shape.join()) return [`shape ${got.shape}, want ${want.shape}`];
  const findings: string[] = [];
  const maxAbs = Math.max(1, ...Array.from(paddingImage(c), Math.abs));
  const [gotBits, wantBits] = [bitsOf(got.values), bitsOf(want.values)];
  const [h, w, C] = want.shape.slice(-3);
  for (let i = 0; i < want.values.length && findings.length < 3; i++) {
    const s = c.op === 'glimpse' ? 1 : blockSide(c, i, h, w, C);
    const v = got.values[i];
    const bound = s * s * 2 ** -23 * maxAbs;
    if (c.want && v !== c.want[i]) findings.push(`at ${i}: ${v}, worked out by hand ${c.want[i]}`);
    else if (s === 1 && gotBits[i] !== wantBits[i]) findings.push(`at ${i}: ${v}, want ${want.values[i]} bit for bit`);
    else if (!(Math.abs(v - want.values[i]) <= bound))
      findings.push(`at ${i} (block ${s}): ${v}, want ${want.values[i]} within ${bound}`);
  }
  if (got.zeroNoise && bitsOf(got.zeroNoise).join() !== gotBits.join())
    findings.push(`noise '${c.noise}' and 'zero' gave other values`);
  if (got.grad.length !== want.grad.length) return [...findings, `d images length ${got.grad.length}`];
  for (let j = 0; j < want.grad.length && findings.length < 3; j++) {
    // Both sides add up gradTerms[j] float32 terms, each sum within terms units of 2^-24.
    const bound = 2 ** -22 * Math.max(1, want.gradTerms[j]) * want.gradSize[j] + 2 ** -30;
    if (!(Math.abs(got.grad[j] - want.grad[j]) <= bound))
      findings.push(`d images at ${j}: ${got.grad[j]}, want ${want.grad[j]} within ${bound}`);
  }
  return findings;
}
