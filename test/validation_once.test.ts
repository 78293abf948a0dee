/**
 * Each call is validated once, at the op (docs/semantics.md, "Validation"): the kernels it runs,
 * forward and backward, read the checked shapes and noise instead of checking them again. A
 * direct kernel call, which no op checked, is still checked by the kernel.
 */
import * as noiseMode from '../src/noise_mode';
import * as sensorPrelude from '../src/sensor_prelude';
import * as shapeInference from '../src/shape_inference';
import {ExtractGlimpseV2, GlimpseSensor, extractGlimpse, glimpseSensor} from '../src';
import {describeEachBackend, tf} from './helpers/backends';

/** How many times each validation runs during `run`. */
function validations(run: () => void): Record<string, number> {
  const spies = {
    inferGlimpseShape: jest.spyOn(shapeInference, 'inferGlimpseShape'),
    resolveNoise: jest.spyOn(noiseMode, 'resolveNoise'),
    inferSensorShape: jest.spyOn(sensorPrelude, 'inferSensorShape'),
  };
  try {
    run();
    return Object.fromEntries(Object.entries(spies).map(([name, spy]) => [name, spy.mock.calls.length]));
  } finally {
    Object.values(spies).forEach(spy => spy.mockRestore());
  }
}

describeEachBackend('validation once per call', () => {
  const image = () => tf.ones([2, 6, 6, 1]) as tf.Tensor4D;
  const offsets = () => tf.tensor2d([0.2, -0.4, 0.9, 0.1], [2, 2]);

  test('extractGlimpse, nearest: shape and noise once, forward and backward', () => {
    const [x, at] = [image(), offsets()];
    const counts = validations(() => {
      const grad = tf.grad(v => tf.sum(extractGlimpse(v as tf.Tensor4D, [3, 3], at, true, true, 'zero')));
      tf.dispose(grad(x));
    });
    expect(counts).toEqual({inferGlimpseShape: 1, resolveNoise: 1, inferSensorShape: 0});
    tf.dispose([x, at]);
  });

  test('extractGlimpse, bilinear: its sensor kernel trusts the op', () => {
    const [x, at] = [image(), offsets()];
    const counts = validations(() => {
      tf.dispose(extractGlimpse(x, [3, 3], at, true, true, 'zero', {interpolation: 'bilinear'}));
    });
    expect(counts).toEqual({inferGlimpseShape: 1, resolveNoise: 1, inferSensorShape: 1});
    tf.dispose([x, at]);
  });

  test('glimpseSensor: once, forward and both gradients', () => {
    const [x, at] = [image(), offsets()];
    const options = {size: [2, 2] as [number, number], scales: 2, interpolation: 'bilinear' as const};
    const counts = validations(() => {
      const grads = tf.grads((v: tf.Tensor, l: tf.Tensor) =>
        tf.sum(glimpseSensor(v as tf.Tensor4D, l as tf.Tensor2D, options)),
      );
      tf.dispose(grads([x, at]));
    });
    expect(counts).toEqual({inferGlimpseShape: 0, resolveNoise: 0, inferSensorShape: 1});
    tf.dispose([x, at]);
  });

  test('a direct kernel call is checked by the kernel', () => {
    const [x, at] = [image(), offsets()];
    const attrs = {size: [3, 3], centered: true, normalized: true, uniformNoise: false, noise: 'zero'};
    const counts = validations(() => {
      tf.dispose(tf.engine().runKernel(ExtractGlimpseV2, {input: x, offsets: at}, attrs));
    });
    expect(counts).toEqual({inferGlimpseShape: 1, resolveNoise: 1, inferSensorShape: 0});
    const sensorAttrs = {size: [2, 2], scales: 1, scaleFactor: 2, centered: true, normalized: true, padding: 'zero'};
    const badLocations = tf.zeros([2, 1, 3]);
    expect(() => tf.engine().runKernel(GlimpseSensor, {images: x, locations: badLocations}, sensorAttrs)).toThrow(
      /GlimpseSensor: locations must be \[batch, 2\] or \[batch, n, 2\]/,
    );
    tf.dispose([x, at, badLocations]);
  });
});
