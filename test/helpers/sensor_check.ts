/**
 * What a glimpse sensor result must be for a case of test/helpers/sensor_cases.ts, from the
 * independent references of test/helpers/sensor_reference.ts, computed in Node on cpu: the
 * same for every backend, Node's and Chromium's (docs/semantics.md, "The glimpse sensor").
 *
 * - zero padding: the composite extractGlimpse + avgPool + stack; scale 0 is extractGlimpse's
 *   glimpse bit for bit, other scales within the float32 block sum's bound;
 * - edge and reflection: the plain per-sample reading, scale 0 exact;
 * - noise: blocks wholly inside the image as the composite, every value within the image's
 *   (uniform) or its channel's (gaussian) range, the same seed the same bits, another seed
 *   other values wherever a sample is drawn;
 * - d images: the plain backward reading, within the float32 bound of the sum it adds up.
 */
import {
  compositeSensor,
  imageRange,
  plainSensor,
  plainSensorGrad,
  SENSOR_IMAGE_MAX_ABS,
  type SensorCase,
} from './sensor_reference';
import {imageOf, sensorDy} from './sensor_cases';
import {onCpuBackend, tf} from './backends';

export interface SensorWant {
  shape: number[];
  /** The reference forward: the composite (zero and noise paddings) or the plain reading (edge, reflection). */
  values: ArrayLike<number>;
  /** Per output value: every sample of its block lies inside the image. */
  inside: boolean[];
  /** d images of sum(sensor * dy), of |dy| (the magnitudes summed) and of one per sample (the terms). */
  grad: Float64Array;
  gradSize: Float64Array;
  gradTerms: Float64Array;
}

/** A backend's results for a case: the forward, and for noise paddings the same seed again and another seed. */
export interface SensorGot {
  shape: number[];
  values: ArrayLike<number>;
  again?: ArrayLike<number>;
  other?: ArrayLike<number>;
}

const noisy = (c: SensorCase) => c.padding === 'uniform' || c.padding === 'gaussian';

export const sensorShape = (c: SensorCase): number[] => [
  c.shape[0],
  c.locations[0].length,
  c.scales,
  ...c.size,
  c.shape[3],
];

/** Per output value: its image, channel and block side. */
function positions(c: SensorCase) {
  const [, n, k, h, w, C] = sensorShape(c);
  return (i: number) => ({
    b: Math.floor(i / (n * k * h * w * C)),
    ch: i % C,
    s: c.scaleFactor ** (Math.floor(i / (h * w * C)) % k),
  });
}

/** The references of every case, on cpu (the backend in use is restored). */
export function sensorWants(cases: readonly SensorCase[]): Promise<SensorWant[]> {
  return onCpuBackend(() => cases.map(sensorWantOnCpu));
}

function sensorWantOnCpu(c: SensorCase): SensorWant {
  const image = imageOf(c);
  const shape = sensorShape(c);
  const values =
    c.padding === 'edge' || c.padding === 'reflection'
      ? plainSensor(image, c)
      : tf.tidy(() => compositeSensor(tf.tensor4d(image, c.shape), {...c, padding: 'zero'}).dataSync());
  const ones = plainSensor(new Float32Array(image.length).fill(1), {...c, padding: 'zero'});
  const dy = sensorDy(shape);
  const at = positions(c);
  return {
    shape,
    values,
    inside: Array.from(ones, v => v === 1),
    grad: plainSensorGrad(dy, c),
    gradSize: plainSensorGrad(dy.map(Math.abs), c),
    gradTerms: plainSensorGrad(
      Array.from(dy, (_, i) => at(i).s ** 2),
      c,
    ),
  };
}

const bitsOf = (values: ArrayLike<number>) => Array.from(new Uint32Array(Float32Array.from(values).buffer));

/** The float32 block sum's bound (docs/semantics.md): s*s units of 2^-23 of the largest sample. */
const sumBound = (s: number) => s * s * 2 ** -23 * SENSOR_IMAGE_MAX_ABS;

/** What differs from the references in the forward ([] when nothing; the first three findings). */
export function sensorForwardFindings(c: SensorCase, want: SensorWant, got: SensorGot): string[] {
  if (got.shape.join() !== want.shape.join()) return [`shape ${got.shape}, want ${want.shape}`];
  const findings: string[] = [];
  const gotBits = bitsOf(got.values);
  const wantBits = bitsOf(want.values);
  const at = positions(c);
  const image = imageOf(c);
  for (let i = 0; i < want.values.length && findings.length < 3; i++) {
    const {b, ch, s} = at(i);
    const v = got.values[i];
    if (noisy(c) && !want.inside[i]) {
      const [lo, hi] = imageRange(image, c.shape, b, c.padding === 'gaussian' ? ch : null);
      if (!(v >= lo && v <= hi)) findings.push(`at ${i}: ${v} outside [${lo}, ${hi}]`);
    } else if (s === 1) {
      if (gotBits[i] !== wantBits[i]) findings.push(`at ${i} (scale 0): ${v}, want ${want.values[i]} bit for bit`);
    } else if (!(Math.abs(v - want.values[i]) <= sumBound(s))) {
      findings.push(`at ${i} (block ${s}): ${v}, want ${want.values[i]} within ${sumBound(s)}`);
    }
  }
  if (noisy(c)) {
    if (bitsOf(got.again!).join() !== gotBits.join()) findings.push('the same seed gave other values');
    const draws = want.inside.some(inside => !inside);
    if (draws && bitsOf(got.other!).join() === gotBits.join()) findings.push('another seed gave the same values');
  }
  return findings;
}

/**
 * What differs from the plain backward reading: each d images value within 2 N units of 2^-24
 * of the magnitudes it sums (N the samples), doubled for the division by s^2 and for GPUs that
 * multiply a border pixel's clamped samples by their count where the cpu adds them one by one.
 */
export function sensorGradFindings(want: SensorWant, got: ArrayLike<number>): string[] {
  if (got.length !== want.grad.length) return [`length ${got.length}, want ${want.grad.length}`];
  const findings: string[] = [];
  for (let i = 0; i < got.length && findings.length < 3; i++) {
    const bound = 2 ** -22 * Math.max(1, want.gradTerms[i]) * want.gradSize[i];
    if (!(Math.abs(got[i] - want.grad[i]) <= bound)) {
      findings.push(`d images at ${i}: ${got[i]}, want ${want.grad[i]} within ${bound}`);
    }
  }
  return findings;
}
