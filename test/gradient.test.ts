/**
 * The gradient TF never had: d input scatters dy back to where it was copied from, exact;
 * d offsets is zero. Checked against TF's window corners on every golden case, by finite
 * differences, and by training a variable image.
 */
import {ExtractGlimpse, ExtractGlimpseV2, extractGlimpse} from '../src';
import {describeEachBackend, tf} from './helpers/backends';
import {ALL_CASES} from './helpers/fixtures';
import {checkGrad, GLIMPSE_TRAINING, gradCases} from './helpers/grad_check';
import {runGradCase} from './helpers/grad_run';

describeEachBackend('gradient', () => {
  test.each(gradCases(ALL_CASES).map(c => [c.name, c] as const))('%s', (_n, c) => {
    expect(checkGrad(c, runGradCase(tf, c))).toEqual([]);
  });

  test('both kernels have a gradient registered', () => {
    expect(tf.getGradient(ExtractGlimpse)).toBeDefined();
    expect(tf.getGradient(ExtractGlimpseV2)).toBeDefined();
  });

  const image = () =>
    tf.tensor4d(
      Array.from({length: 2 * 6 * 7 * 2}, (_, k) => Math.sin(k) * 3),
      [2, 6, 7, 2],
    );
  const offsets = () =>
    tf.tensor2d([
      [-0.9, 0.3],
      [0.4, 0.95],
    ]);

  test('tf.grad, valueAndGrads and variableGrads agree, and leave nothing behind', () => {
    const x = image();
    const o = offsets();
    const before = tf.memory().numTensors;
    const f = (v: tf.Tensor) =>
      tf.sum(tf.square(extractGlimpse(v as tf.Tensor4D, [4, 5], o, true, true, 'uniform', {seed: 1})));
    const g = tf.grad(f)(x);
    const {value, grads} = tf.valueAndGrads((v: tf.Tensor) => f(v))([x]);
    expect(Array.from(grads[0].dataSync())).toEqual(Array.from(g.dataSync()));
    expect(value.dataSync()[0]).toBeGreaterThan(0);
    const variable = tf.variable(x);
    const vg = tf.variableGrads(() => f(variable) as tf.Scalar, [variable]);
    expect(Array.from(vg.grads[variable.name].dataSync())).toEqual(Array.from(g.dataSync()));
    // d(sum(glimpse^2)) = 2 * glimpse at copied pixels: some non-zero, noise pixels contribute 0.
    expect(Array.from(g.dataSync()).some(v => v !== 0)).toBe(true);
    tf.dispose([g, value, ...grads, vg.value, ...Object.values(vg.grads), variable]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, o]);
  });

  test('finite differences agree with the gradient of a smooth loss', () => {
    const x = image();
    const o = offsets();
    const w = tf.randomUniform([2, 4, 5, 2], -1, 1, 'float32', 3);
    const loss = (v: tf.Tensor) =>
      tf.sum(tf.mul(tf.sin(extractGlimpse(v as tf.Tensor4D, [4, 5], o, true, true, 'zero')), w));
    const g = tf.grad(loss)(x).dataSync();
    const base = x.dataSync();
    const eps = 1e-2;
    const at = (k: number, d: number) => {
      const shifted = Float32Array.from(base);
      shifted[k] += d;
      return tf.tidy(() => loss(tf.tensor4d(shifted, x.shape as [number, number, number, number])).dataSync()[0]);
    };
    let checked = 0;
    for (let k = 0; k < base.length; k += 3) {
      const numeric = (at(k, eps) - at(k, -eps)) / (2 * eps);
      expect(Math.abs(numeric - g[k])).toBeLessThan(2e-3 + 1e-2 * Math.abs(g[k]));
      if (g[k] !== 0) checked++;
    }
    expect(checked).toBeGreaterThan(5);
    tf.dispose([x, o, w]);
  });

  test('a variable image learns to make its glimpses match targets', () => {
    const {shape, target: values, size, rate, steps} = GLIMPSE_TRAINING;
    const target = tf.tensor4d(values, shape);
    const o = tf.tensor2d(GLIMPSE_TRAINING.offsets);
    const glimpse = (v: tf.Tensor) => extractGlimpse(v as tf.Tensor4D, size, o, true, true, 'zero');
    const goal = glimpse(target);
    const learned = tf.variable(tf.zerosLike(target));
    const optimizer = tf.train.sgd(rate);
    const lossOf = () => tf.sum(tf.squaredDifference(glimpse(learned), goal)) as tf.Scalar;
    const first = tf.tidy(() => lossOf().dataSync()[0]);
    for (let step = 0; step < steps; step++) tf.dispose(optimizer.minimize(lossOf, true) ?? []);
    const last = tf.tidy(() => lossOf().dataSync()[0]);
    expect(first).toBeGreaterThan(1);
    expect(last).toBeLessThan(1e-6 * first);
    tf.dispose([target, o, goal, learned]);
    optimizer.dispose();
  });
});
