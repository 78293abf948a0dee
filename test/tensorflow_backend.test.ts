/**
 * What is particular to tfjs-node's backend ('tensorflow'); the shared suites run on it as
 * on cpu and wasm. Copies run TensorFlow's own kernel, and so does unseeded noise; seeded
 * noise is the cpu's, bit for bit; the glimpse sensor and its gradients run as TensorFlow
 * ops without reading the image; converted models load from disk with tfjs-node's file://
 * handler.
 */
import * as path from 'path';
import {loadGraphModel} from '@tensorflow/tfjs-converter';
import {ExtractGlimpseGrad, ExtractGlimpseV2, extractGlimpse, glimpseSensor, registerGlimpseKernelsAs} from '../src';
import {tf} from './helpers/backends';
import {checkOutput, MODELS_DIR, readRuns} from './helpers/models';

interface Spied {
  executeSingleOutput: (name: string, ...rest: unknown[]) => unknown;
  readSync: (...args: unknown[]) => unknown;
}

let backend: Spied;

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  if (!(await tf.setBackend('tensorflow'))) throw new Error("tf.setBackend('tensorflow') failed");
  backend = tf.backend() as unknown as Spied;
});

afterEach(() => jest.restoreAllMocks());

const image = () => tf.randomUniform([2, 9, 11, 3], -5, 5, 'float32', 4) as tf.Tensor4D;

test("a zero-noise call runs TensorFlow's ExtractGlimpseV2 and ExtractGlimpse natively, reading nothing back", () => {
  const x = image();
  const offsets = tf.tensor2d([
    [0.3, -0.9],
    [1.2, 0.5],
  ]);
  x.dataSync(); // TensorFlow holds the image, as after any op
  const ops = jest.spyOn(backend, 'executeSingleOutput');
  const reads = jest.spyOn(backend, 'readSync');
  const v2 = extractGlimpse(x, [4, 6], offsets, true, true, 'zero');
  const v1 = extractGlimpse(x, [4, 6], offsets, false, true, 'zero', {version: 1});
  expect(ops.mock.calls.map(c => c[0])).toEqual(['ExtractGlimpseV2', 'ExtractGlimpse']);
  expect(reads).not.toHaveBeenCalled();
  tf.dispose([x, offsets, v2, v1]);
});

test('noise needed nowhere (every window inside): the native kernel too', () => {
  const x = image();
  const offsets = tf.tensor2d([
    [0, 0],
    [0.1, -0.1],
  ]);
  const ops = jest.spyOn(backend, 'executeSingleOutput');
  const out = extractGlimpse(x, [3, 3], offsets, true, true, 'gaussian', {seed: 1});
  expect(ops.mock.calls.map(c => c[0])).toEqual(['ExtractGlimpseV2']);
  tf.dispose([x, offsets, out]);
});

test.each(['uniform', 'gaussian'] as const)("seeded %s noise is the cpu backend's, bit for bit", async noise => {
  const values = tf.randomNormal([3, 7, 8, 2], 10, 4, 'float32', 9).dataSync();
  const offsets = [
    [-0.9, 0.95],
    [0, 0],
    [2, -3],
  ];
  const run = () => {
    const out = extractGlimpse(tf.tensor4d(values, [3, 7, 8, 2]), [6, 5], offsets, true, true, noise, {seed: 77});
    return new Uint32Array(out.dataSync().buffer.slice(0));
  };
  const onTensorflow = run();
  await tf.setBackend('cpu');
  const onCpu = run();
  await tf.setBackend('tensorflow');
  expect(Array.from(onTensorflow)).toEqual(Array.from(onCpu));
  expect(onCpu.some((_, k) => onCpu[k] !== 0)).toBe(true);
});

test.each(['uniform', 'gaussian'] as const)(
  "unseeded %s noise is TensorFlow's own op: its draws, the image's pixels inside",
  noise => {
    const x = image();
    const values = x.dataSync();
    const offsets = tf.tensor2d([
      [-0.9, 0.95],
      [0, 0],
    ]);
    const ops = jest.spyOn(backend, 'executeSingleOutput');
    const [a, b] = [0, 1].map(() => extractGlimpse(x, [6, 5], offsets, true, true, noise));
    expect(ops.mock.calls.map(c => c[0])).toEqual(['ExtractGlimpseV2', 'ExtractGlimpseV2']);
    const attrs = ops.mock.calls[0][1] as Array<{name: string; value: unknown}>;
    expect(attrs.find(at => at.name === 'noise')?.value).toBe(noise);
    const [got, other] = [a.dataSync(), b.dataSync()];
    expect(Array.from(got)).not.toEqual(Array.from(other));
    // Item 1's window is inside (6x5 centred in 9x11: corner row 1, column 3): the image's own pixels.
    const inside = tf.tidy(() => tf.slice(x, [1, 1, 3, 0], [1, 6, 5, 3]).dataSync());
    expect(Array.from(got.slice(6 * 5 * 3))).toEqual(Array.from(inside));
    if (noise === 'uniform') {
      const image0 = values.slice(0, 9 * 11 * 3);
      const [lo, hi] = [Math.min(...image0), Math.max(...image0)];
      expect(got.slice(0, 6 * 5 * 3).every(v => v >= lo && v <= hi)).toBe(true);
    }
    expect(got.every(Number.isFinite)).toBe(true);
    tf.dispose([x, offsets, a, b]);
  },
);

describe('the glimpse sensor on an image larger than its windows: TensorFlow ops, the image never read into JS', () => {
  const where = [
    [
      [0.3, -0.9],
      [0.95, 0.2],
    ],
    [
      [-1, 1],
      [0.01, 0.37],
    ],
  ];
  const values = tf.tidy(() => tf.randomUniform([2, 40, 50, 3], -5, 5, 'float32', 6).dataSync());
  test.each([
    ['zero', 'nearest'],
    ['edge', 'nearest'],
    ['zero', 'bilinear'],
    ['edge', 'bilinear'],
    ['reflection', 'nearest'],
    ['reflection', 'bilinear'],
  ] as const)(
    "%s padding, %s: the cpu backend's output and gradients, within float32 sums",
    async (padding, interpolation) => {
      const options = {size: [3, 2] as [number, number], scales: 3, padding, interpolation};
      const run = (spy: boolean) =>
        tf.tidy(() => {
          const x = tf.tensor4d(values, [2, 40, 50, 3]);
          const locations = tf.tensor3d(where);
          const weights = tf.reshape(tf.range(1, 217), [2, 2, 3, 3, 2, 3]);
          const f = (im: tf.Tensor, at: tf.Tensor) =>
            tf.sum(tf.mul(glimpseSensor(im as tf.Tensor4D, at as tf.Tensor3D, options), weights));
          tf.add(x, 0).dataSync(); // TensorFlow holds the image, as after any op
          const reads = spy ? jest.spyOn(backend, 'readSync') : null;
          const out = glimpseSensor(x, locations, options);
          const [dImages, dLocations] = tf.grads(f)([x, locations]);
          if (reads) {
            // What came into JS: the locations and dy, nothing the size of the image.
            const sizes = reads.mock.results.map(r => (r.value as ArrayLike<number>).length);
            reads.mockRestore();
            expect(sizes.filter(n => n >= values.length)).toEqual([]);
          }
          return [out, dImages, dLocations].map(t => t.dataSync());
        });
      const onTensorflow = run(true);
      await tf.setBackend('cpu');
      const onCpu = run(false);
      await tf.setBackend('tensorflow');
      onCpu.forEach((want, i) => {
        const scale = Math.max(...want.map(Math.abs));
        const bad = Array.from(want).filter((v, k) => Math.abs(onTensorflow[i][k] - v) > 1e-5 * scale);
        expect(bad).toEqual([]);
      });
    },
  );
});

test("registerGlimpseKernelsAs takes tfjs-node's backend", () => {
  registerGlimpseKernelsAs('tensorflow-alias', 'tensorflow');
  for (const name of [ExtractGlimpseV2, ExtractGlimpseGrad]) {
    expect(tf.getKernel(name, 'tensorflow-alias')?.kernelFunc).toBe(tf.getKernel(name, 'tensorflow')!.kernelFunc);
  }
});

test("a converted model loads with tf.loadGraphModel('file://...') and gives TensorFlow's output", async () => {
  const model = await loadGraphModel(`file://${path.join(MODELS_DIR, 'v2_zero', 'model.json')}`);
  for (const run of readRuns('v2_zero')) {
    const feeds = Object.fromEntries(
      Object.entries(run.inputs).map(([key, v]) => [key, tf.tensor(v.values, v.shape, v.dtype as 'float32')]),
    );
    const out = model.execute(feeds) as tf.Tensor;
    expect(checkOutput(run.name, run.outputs.glimpse, out.shape, out.dataSync())).toEqual([]);
    tf.dispose([out, ...Object.values(feeds)]);
  }
  model.dispose();
});
