/**
 * Bilinear glimpses (docs/semantics.md, "Bilinear glimpses") on every Node backend: the one case
 * table of test/helpers/bilinear_cases.ts (which the Chromium suites run too) against the
 * references of test/helpers/bilinear_check.ts (a composite of tfjs ops, and a plain backward
 * reading for d images): forward, d images and d locations;
 * then what only Node checks: tf.image.cropAndResize where a box can say the same, nearest at
 * integer corners (bit for bit), finite differences, and a location learned by gradient descent.
 */
import {extractGlimpse, glimpseSensor, type GlimpseSensorOptions} from '../src';
import {describeEachBackend, expectNoLeak, tf} from './helpers/backends';
import {closeTo, sensorImage, SENSOR_IMAGE_MAX_ABS} from './helpers/sensor_reference';
import {
  BILINEAR_CASES,
  BILINEAR_IMAGE,
  BILINEAR_SHAPE,
  bilinearDy,
  bilinearShape,
  INTEGER_CORNER_CASES,
  integerCornerLength,
  integerCornerOptions,
  isNoisy,
  OTHER_BILINEAR_SEED,
} from './helpers/bilinear_cases';
import {bilinearFindings, bilinearWants, runBilinear, type BilinearWant} from './helpers/bilinear_check';

const SHAPE = BILINEAR_SHAPE;
const IMAGE = BILINEAR_IMAGE;
/** Float32 weights (the composite) against float64 ones (cpu) or float32 ones (GPU): a few units of 2^-24. */
const BOUND = 16 * 2 ** -24 * SENSOR_IMAGE_MAX_ABS;

/** The references, computed once for every backend. */
let wantsOnce: Promise<BilinearWant[]> | undefined;

/** Bit patterns, so -0 and NaN compare as themselves. */
const bits = (t: tf.Tensor) => Array.from(new Uint32Array(new Float32Array(t.dataSync()).buffer));

describeEachBackend('bilinear glimpses', () => {
  let images: tf.Tensor4D;
  let wants: BilinearWant[] = [];
  beforeAll(async () => {
    wantsOnce ??= bilinearWants(BILINEAR_CASES);
    wants = await wantsOnce;
    images = tf.tensor4d(IMAGE, SHAPE);
  });
  afterAll(() => images.dispose());

  test.each(BILINEAR_CASES.map((c, i) => [c.name, i] as const))(
    '%s: forward, d images and d locations as the references',
    (_n, i) => {
      const c = BILINEAR_CASES[i];
      const locations = tf.tensor3d(c.locations);
      const values = expectNoLeak(() => runBilinear(c, images, locations));
      const again = isNoisy(c) ? runBilinear(c, images, locations) : undefined;
      const other = isNoisy(c) ? runBilinear(c, images, locations, OTHER_BILINEAR_SEED) : undefined;
      const dy = tf.tensor(bilinearDy(values.shape), values.shape);
      const before = tf.memory().numTensors;
      const [grad, dLocations] = tf.grads((x: tf.Tensor, l: tf.Tensor) => tf.sum(tf.mul(runBilinear(c, x, l), dy)))([
        images,
        locations,
      ]);
      expect(tf.memory().numTensors).toBe(before + 2);
      const got = {
        shape: values.shape,
        values: values.dataSync(),
        again: again?.dataSync(),
        other: other?.dataSync(),
        grad: grad.dataSync(),
        dLocations: dLocations.dataSync(),
      };
      expect(got.shape).toEqual(bilinearShape(c));
      expect(bilinearFindings(c, wants[i], got)).toEqual([]);
      tf.dispose([locations, values, dy, grad, dLocations, ...(again ? [again] : []), ...(other ? [other] : [])]);
    },
  );

  test('windows inside the image: tf.image.cropAndResize with boxes one pixel per sample', () => {
    const [, height, width] = SHAPE;
    const [h, w] = [4, 6];
    // Pixel corners (not centered, not normalized) whose four neighbours are all inside.
    const corners = [
      [1.25, 2.5],
      [3.75, 0.125],
      [6.5, 6.875],
    ];
    const offsets = tf.tensor2d(corners);
    const got = extractGlimpse(images, [h, w], offsets, false, false, 'zero', {interpolation: 'bilinear'});
    const boxes = tf.tensor2d(
      corners.map(([y, x]) => [
        y / (height - 1),
        x / (width - 1),
        (y + h - 1) / (height - 1),
        (x + w - 1) / (width - 1),
      ]),
    );
    const want = tf.image.cropAndResize(images, boxes, [0, 1, 2], [h, w], 'bilinear');
    expect(closeTo(got.dataSync(), want.dataSync(), () => BOUND)).toEqual([]);
    tf.dispose([offsets, got, boxes, want]);
  });

  test.each(INTEGER_CORNER_CASES.map(c => [c.name, c] as const))(
    'integer corners give the nearest glimpse bit for bit (%s)',
    (_n, c) => {
      const locations = tf.tensor2d(c.locations);
      const run = (interpolation: 'nearest' | 'bilinear') => {
        const options = integerCornerOptions(c, interpolation);
        if (c.op === 'sensor') return glimpseSensor(images, locations, options as GlimpseSensorOptions);
        const noise = c.padding as 'zero' | 'uniform' | 'gaussian';
        return extractGlimpse(images, c.size, locations, false, false, noise, {
          seed: options.seed,
          ...(options.interpolation ? {interpolation: options.interpolation} : {}),
          ...(c.imagePadding ? {padding: c.imagePadding} : {}),
        });
      };
      const nearest = run('nearest');
      const bilinear = run('bilinear');
      expect(nearest.size).toBe(integerCornerLength(c));
      expect(bits(bilinear)).toEqual(bits(nearest));
      tf.dispose([locations, nearest, bilinear]);
    },
  );

  test('noise paddings: seeded, reproducible, and a corner between pixels mixes image and noise', () => {
    const offsets = tf.tensor2d([
      [-1.5, 0.5],
      [0.25, 12.5],
      [9.75, 2.5],
    ]);
    const call = (seed: number) =>
      extractGlimpse(images, [3, 3], offsets, false, false, 'uniform', {seed, interpolation: 'bilinear'});
    const [a, b, c] = [call(1), call(1), call(2)];
    expect(bits(a)).toEqual(bits(b));
    expect(bits(a)).not.toEqual(bits(c));
    // Every value is a convex mix of pixels and draws from the image's [min, max].
    const [lo, hi] = [Math.min(...IMAGE), Math.max(...IMAGE)];
    expect(Array.from(a.dataSync()).filter(v => !(v >= lo - 1e-3 && v <= hi + 1e-3))).toEqual([]);
    tf.dispose([offsets, a, b, c]);
  });

  describe('gradients', () => {
    const weightsFor = (shape: number[]) =>
      tf.tensor(
        sensorImage(shape, 41).map(v => v / 100),
        shape,
      );

    test('d offsets against finite differences (corners away from whole pixels)', () => {
      // Centered, normalized: a corner moves by H/2 pixels per unit; steps of 1e-3 stay within a pixel.
      const base = [
        [0.1, -0.2],
        [-0.55, 0.35],
        [0.7, 0.9],
      ];
      const weights = weightsFor([3, 4, 5, 2]);
      const f = (o: tf.Tensor2D) =>
        tf.sum(tf.mul(extractGlimpse(images, [4, 5], o, true, true, 'zero', {interpolation: 'bilinear'}), weights));
      const offsets = tf.tensor2d(base);
      const grad = tf.grad(o => f(o as tf.Tensor2D))(offsets);
      const g = grad.dataSync();
      const eps = 1e-3;
      base.forEach((row, b) =>
        row.forEach((_, axis) => {
          const shifted = (d: number) =>
            tf.tidy(
              () =>
                f(tf.tensor2d(base.map((r, i) => r.map((v, j) => (i === b && j === axis ? v + d : v))))).dataSync()[0],
            );
          const numeric = (shifted(eps) - shifted(-eps)) / (2 * eps);
          expect(Math.abs(g[b * 2 + axis] - numeric)).toBeLessThan(2e-3 * (1 + Math.abs(numeric)));
        }),
      );
      tf.dispose([weights, offsets, grad]);
    });

    test('the slope kernel of nearest windows is zero: they move in whole pixels', () => {
      const locations = tf.tensor3d([[[0.1, 0.2]], [[-0.4, 0.3]], [[0.6, -0.7]]]);
      const attrs = {size: [2, 3], scales: 2, scaleFactor: 2, centered: true, normalized: true, padding: 'edge'};
      for (const axis of ['y', 'x']) {
        const slope = tf
          .engine()
          .runKernel('GlimpseSensorSlope', {images, locations}, {...attrs, axis} as never) as tf.Tensor;
        expect(slope.shape).toEqual([3, 1, 2, 2, 3, 2]);
        expect(Array.from(slope.dataSync()).every(v => v === 0)).toBe(true);
        slope.dispose();
      }
      locations.dispose();
    });

    test('nearest keeps a zero offsets gradient', () => {
      const offsets = tf.tensor2d(BILINEAR_CASES[0].locations.map(row => row[0]));
      const g = tf.grad(o => tf.sum(extractGlimpse(images, [4, 5], o as tf.Tensor2D, true, true, 'zero')))(offsets);
      expect(Array.from(g.dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
      tf.dispose([offsets, g]);
    });
  });

  test('a location learned by gradient descent: from several pixels away to the target', () => {
    // A smooth blob; the loss is the distance between the glimpse and the one at the target.
    const [size, glimpse] = [24, 8];
    const blob = tf.tidy(() => {
      const r = tf.range(0, size);
      const gy = tf.exp(tf.neg(tf.square(tf.div(tf.sub(r, 13.4), 3.5))));
      const gx = tf.exp(tf.neg(tf.square(tf.div(tf.sub(r, 9.7), 4.5))));
      return tf.reshape(tf.mul(tf.reshape(gy, [size, 1]), tf.reshape(gx, [1, size])), [
        1,
        size,
        size,
        1,
      ]) as tf.Tensor4D;
    });
    const target = tf.tensor2d([[0.12, -0.2]]);
    const wanted = extractGlimpse(blob, [glimpse, glimpse], target, true, true, 'zero', {interpolation: 'bilinear'});
    // 0.4 normalized = 4.8 pixels away on each axis.
    const where = tf.variable(tf.tensor2d([[0.52, 0.2]]));
    const optimizer = tf.train.adam(0.02);
    const losses: number[] = [];
    let before = 0;
    for (let step = 0; step < 150; step++) {
      // The optimizer keeps its slots from the first step on.
      if (step === 1) before = tf.memory().numTensors;
      const loss = optimizer.minimize(
        () =>
          tf.mean(
            tf.squaredDifference(
              extractGlimpse(blob, [glimpse, glimpse], where, true, true, 'zero', {interpolation: 'bilinear'}),
              wanted,
            ),
          ),
        true,
        [where],
      );
      losses.push(loss!.dataSync()[0]);
      loss!.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    const [y, x] = where.dataSync();
    // Within a tenth of a pixel (1/120 normalized) of the target, and the loss near zero.
    expect(Math.abs(y - 0.12)).toBeLessThan(1 / 120);
    expect(Math.abs(x + 0.2)).toBeLessThan(1 / 120);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] * 1e-3);
    optimizer.dispose();
    tf.dispose([blob, target, wanted, where]);
  });

  test('refuses an unknown interpolation, naming the op and the value', () => {
    expect(() =>
      extractGlimpse(
        images,
        [2, 2],
        [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        true,
        true,
        'zero',
        {
          interpolation: 'cubic' as never,
        },
      ),
    ).toThrow(/extractGlimpse: options.interpolation must be 'nearest' or 'bilinear', got "cubic"/);
    expect(() =>
      glimpseSensor(
        images,
        [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        {size: [2, 2], interpolation: 'area' as never},
      ),
    ).toThrow(/glimpseSensor: options.interpolation must be 'nearest' or 'bilinear', got "area"/);
  });
});
