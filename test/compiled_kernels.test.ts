/**
 * The wasm backend's compiled kernels (SIMD and scalar) against its JS kernels, bit for bit,
 * on seeded random calls of every kernel: both versions and noise modes of extractGlimpse,
 * every padding and interpolation of the sensor, the gradients (images and, bilinear, the
 * locations through the slope kernel), with -0, NaN, infinities and far-off offsets among
 * the inputs. The JS kernels are checked against TensorFlow elsewhere; this pins the copies.
 */
import {tf} from './helpers/backends';
import {extractGlimpse, glimpseSensor, PADDING_MODES, setWasmKernelPath, wasmKernelPath} from '../src/index';
import type {GlimpseSensorOptions} from '../src/index';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHS = ['simd', 'scalar'] as const;
const SPECIAL = [-0, NaN, Infinity, -Infinity, 3e38];

interface Case {
  name: string;
  run: () => tf.Tensor[];
}

function image(next: () => number, shape: number[], specials: boolean): tf.Tensor4D {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = Float32Array.from({length: size}, () => next() * 8 - 4);
  if (specials) for (let i = 0; i < size; i += 7) values[i] = SPECIAL[Math.floor(next() * SPECIAL.length)];
  return tf.tensor4d(values, shape as [number, number, number, number]);
}

function offset(next: () => number, far: boolean): number {
  const r = next();
  if (far && r < 0.05) return [1e12, -1e12, NaN, Infinity][Math.floor(next() * 4)];
  return next() * 3 - 1.5;
}

function glimpseCases(count: number): Case[] {
  const next = mulberry32(7);
  return Array.from({length: count}, (_, i) => {
    const [batch, height, width, channels] = [
      1 + Math.floor(next() * 3),
      2 + Math.floor(next() * 9),
      2 + Math.floor(next() * 9),
      [1, 2, 3, 4][Math.floor(next() * 4)],
    ];
    const size: [number, number] = [1 + Math.floor(next() * 12), 1 + Math.floor(next() * 12)];
    const noise = (['zero', 'uniform', 'gaussian'] as const)[Math.floor(next() * 3)];
    const [centered, normalized, version] = [next() < 0.5, next() < 0.5, next() < 0.5 ? 1 : 2];
    const specials = next() < 0.3;
    const seed = Math.floor(next() * 1e6);
    const offsets = Array.from({length: batch * 2}, () => offset(next, true) * (normalized ? 1 : 6));
    const name = `glimpse ${i}: ${[batch, height, width, channels]} size ${size} ${noise} v${version}`;
    return {
      name,
      run: () => {
        const input = image(next, [batch, height, width, channels], specials);
        const where = tf.tensor2d(offsets, [batch, 2]);
        const weights = tf.randomUniform([batch, ...size, channels], -1, 1, 'float32', seed);
        const f = (x: tf.Tensor4D) =>
          extractGlimpse(x, size, where, centered, normalized, noise, {version: version as 1 | 2, seed});
        const out = f(input);
        const grad = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(f(x as tf.Tensor4D), weights)))(input);
        return [out, grad];
      },
    };
  });
}

function sensorCases(count: number): Case[] {
  const next = mulberry32(11);
  return Array.from({length: count}, (_, i) => {
    const [batch, n, height, width, channels] = [
      1 + Math.floor(next() * 2),
      1 + Math.floor(next() * 3),
      3 + Math.floor(next() * (next() < 0.3 ? 48 : 14)),
      3 + Math.floor(next() * (next() < 0.3 ? 48 : 14)),
      [1, 2, 3, 5][Math.floor(next() * 4)],
    ];
    const options: GlimpseSensorOptions = {
      size: [1 + Math.floor(next() * 4), 1 + Math.floor(next() * 4)],
      scales: 1 + Math.floor(next() * 3),
      scaleFactor: [1, 2, 3, 4][Math.floor(next() * 4)],
      centered: next() < 0.7,
      normalized: next() < 0.7,
      padding: PADDING_MODES[Math.floor(next() * PADDING_MODES.length)],
      interpolation: next() < 0.5 ? 'nearest' : 'bilinear',
      seed: Math.floor(next() * 1e6),
    };
    const specials = next() < 0.2;
    const integer = next() < 0.2;
    const locations = Array.from({length: batch * n * 2}, () => {
      const v = offset(next, true) * (options.normalized ? 1 : 8);
      return integer && Number.isFinite(v) ? Math.round(v) : v;
    });
    const name = `sensor ${i}: ${[batch, n, height, width, channels]} ${JSON.stringify(options)}`;
    return {
      name,
      run: () => {
        const images = image(next, [batch, height, width, channels], specials);
        const where = tf.tensor3d(locations, [batch, n, 2]);
        const out = glimpseSensor(images, where, options);
        const weights = tf.randomUniform(out.shape, -1, 1, 'float32', 3);
        const loss = (x: tf.Tensor, l: tf.Tensor) =>
          tf.sum(tf.mul(glimpseSensor(x as tf.Tensor4D, l as tf.Tensor3D, options), weights));
        const grads = tf.grads(loss)([images, where]);
        return [out, ...grads];
      },
    };
  });
}

const bits = (t: tf.Tensor) => Array.from(new Uint32Array(new Float32Array(t.dataSync()).buffer));

/** The case's outputs on one path, as bits; each run draws its inputs from the same stream position. */
async function onPath(path: 'js' | (typeof PATHS)[number], c: Case, replay: () => Case): Promise<number[][]> {
  setWasmKernelPath(path);
  expect(await wasmKernelPath()).toBe(path);
  const tensors = tf.tidy(() => (path === 'js' ? c : replay()).run());
  const result = tensors.map(bits);
  tf.dispose(tensors);
  return result;
}

const GLIMPSES = 120;
const SENSORS = 160;

describe("compiled wasm kernels give the JS kernels' bits", () => {
  beforeAll(async () => {
    tf.env().set('IS_TEST', true);
    if (!(await tf.setBackend('wasm'))) throw new Error("tf.setBackend('wasm') failed");
  });
  afterAll(() => setWasmKernelPath('auto'));

  const families: Array<[string, (count: number) => Case[], number]> = [
    ['extractGlimpse', glimpseCases, GLIMPSES],
    ['glimpseSensor', sensorCases, SENSORS],
  ];
  for (const [family, make, count] of families) {
    for (const path of PATHS) {
      test(`${family}: ${count} seeded calls, forward and gradients, ${path} = js`, async () => {
        const reference = make(count);
        const compiled = make(count);
        const mismatches: string[] = [];
        for (let i = 0; i < count; i++) {
          const want = await onPath('js', reference[i], () => reference[i]);
          const got = await onPath(path, compiled[i], () => compiled[i]);
          want.forEach((w, k) => {
            const at = w.findIndex((v, j) => v !== got[k][j] && !(isNaNBits(v) && isNaNBits(got[k][j])));
            if (at >= 0 || w.length !== got[k].length) {
              mismatches.push(
                `${reference[i].name}: output ${k} at ${at}: ${asFloat(w[at])}, got ${asFloat(got[k][at])}`,
              );
            }
          });
        }
        expect(mismatches).toEqual([]);
      });
    }
  }
});

const asFloat = (v: number) => `${new Float32Array(new Uint32Array([v]).buffer)[0]} (0x${(v >>> 0).toString(16)})`;

function isNaNBits(v: number): boolean {
  return (v & 0x7f800000) === 0x7f800000 && (v & 0x7fffff) !== 0;
}
