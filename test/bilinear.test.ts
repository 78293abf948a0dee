/**
 * Bilinear glimpses (docs/semantics.md, "Bilinear glimpses") on every Node backend: extractGlimpse
 * and glimpseSensor against a composite of tfjs ops (four neighbours gathered and weighted),
 * against tf.image.cropAndResize where a box can say the same, against nearest at integer
 * corners (bit for bit), their gradients for images and offsets against the composite's and
 * against finite differences, and a location learned by gradient descent.
 */
import {extractGlimpse, glimpseSensor} from '../src';
import {describeEachBackend, expectNoLeak, tf} from './helpers/backends';
import {bilinearComposite, bilinearSensorComposite, onCpu, type Placement} from './helpers/bilinear_reference';
import {closeTo, sensorImage, SENSOR_IMAGE_MAX_ABS} from './helpers/sensor_reference';

const SHAPE: [number, number, number, number] = [3, 11, 13, 2];
const IMAGE = sensorImage(SHAPE, 23);
/** Float32 weights (the composite) against float64 ones (cpu) or float32 ones (GPU): a few units of 2^-24. */
const BOUND = 16 * 2 ** -24 * SENSOR_IMAGE_MAX_ABS;

/** Offsets per placement: fractional corners inside, across a border, and far outside. */
function offsetsFor(p: Placement): number[][] {
  if (p.normalized && p.centered)
    return [
      [0.13, -0.37],
      [-0.93, 0.71],
      [0.05, 1.6],
    ];
  if (p.normalized)
    return [
      [0.33, 0.41],
      [0.05, 0.93],
      [0.62, 1.9],
    ];
  if (p.centered)
    return [
      [-2.3, 1.6],
      [-6.25, 4.7],
      [3.5, -18.1],
    ];
  return [
    [2.3, 4.6],
    [-1.25, 9.7],
    [7.5, -23.1],
  ];
}

const PLACEMENTS: Placement[] = [];
for (const version of [1, 2] as const) {
  for (const centered of [true, false]) {
    for (const normalized of [true, false]) PLACEMENTS.push({version, centered, normalized});
  }
}
const label = (p: Placement) => `V${p.version} centered=${p.centered} normalized=${p.normalized}`;

const SENSOR_CASES = [
  {scales: 1, scaleFactor: 2, n: 1, padding: 'zero'},
  {scales: 3, scaleFactor: 2, n: 2, padding: 'zero'},
  {scales: 2, scaleFactor: 3, n: 3, padding: 'edge'},
  {scales: 3, scaleFactor: 2, n: 1, padding: 'edge'},
] as const;
const SENSOR_LOCATIONS = [
  [0.11, -0.23],
  [-0.87, 0.66],
  [0.52, 0.91],
];

/** Bit patterns, so -0 and NaN compare as themselves. */
const bits = (t: tf.Tensor) => Array.from(new Uint32Array(new Float32Array(t.dataSync()).buffer));

describeEachBackend('bilinear glimpses', () => {
  let images: tf.Tensor4D;
  beforeAll(() => {
    images = tf.tensor4d(IMAGE, SHAPE);
  });
  afterAll(() => images.dispose());

  test.each(PLACEMENTS.map(p => [label(p), p] as const))('extractGlimpse %s: the tfjs-op composite', (_l, p) => {
    const offsets = tf.tensor2d(offsetsFor(p));
    const got = expectNoLeak(() =>
      extractGlimpse(images, [4, 5], offsets, p.centered, p.normalized, 'zero', {
        version: p.version,
        interpolation: 'bilinear',
      }),
    );
    const want = bilinearComposite(images, offsets, [4, 5], p);
    expect(got.shape).toEqual([3, 4, 5, 2]);
    expect(closeTo(got.dataSync(), want.dataSync(), () => BOUND)).toEqual([]);
    tf.dispose([offsets, got, want]);
  });

  test.each(SENSOR_CASES.map(c => [JSON.stringify(c), c] as const))('glimpseSensor %s: the composite', (_l, c) => {
    const locations = tf.tensor3d(
      SENSOR_LOCATIONS.map(row => Array.from({length: c.n}, (_, l) => [row[0], row[1] - 0.3 * l])),
    );
    const options = {size: [3, 2] as [number, number], scales: c.scales, scaleFactor: c.scaleFactor};
    const got = expectNoLeak(() =>
      glimpseSensor(images, locations, {...options, padding: c.padding, interpolation: 'bilinear'}),
    );
    const want = bilinearSensorComposite(images, locations, {...options, centered: true, normalized: true}, c.padding);
    expect(got.shape).toEqual(want.shape);
    expect(closeTo(got.dataSync(), want.dataSync(), () => BOUND)).toEqual([]);
    tf.dispose([locations, got, want]);
  });

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

  test.each(['zero', 'uniform', 'gaussian'] as const)(
    'integer corners give the nearest glimpse bit for bit (%s noise)',
    noise => {
      // Pixel offsets, not centered: the corner is the offset itself (V2), whole pixels, some outside.
      const offsets = tf.tensor2d([
        [2, 3],
        [-2, 9],
        [8, -1],
      ]);
      const nearest = extractGlimpse(images, [4, 5], offsets, false, false, noise, {seed: 5});
      const bilinear = extractGlimpse(images, [4, 5], offsets, false, false, noise, {
        seed: 5,
        interpolation: 'bilinear',
      });
      expect(bits(bilinear)).toEqual(bits(nearest));
      tf.dispose([offsets, nearest, bilinear]);
    },
  );

  test.each(['zero', 'edge', 'uniform', 'gaussian'] as const)(
    'glimpseSensor: integer corners give nearest bit for bit (%s padding)',
    padding => {
      const locations = tf.tensor2d([
        [3, 4],
        [-6, 2],
        [1, 20],
      ]);
      const options = {
        size: [2, 3] as [number, number],
        scales: 3,
        centered: false,
        normalized: false,
        padding,
        seed: 9,
      };
      const nearest = glimpseSensor(images, locations, options);
      const bilinear = glimpseSensor(images, locations, {...options, interpolation: 'bilinear'});
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

    test.each(PLACEMENTS.map(p => [label(p), p] as const))(
      "extractGlimpse %s: d images and d offsets equal the composite's",
      async (_l, p) => {
        const offsets = tf.tensor2d(offsetsFor(p));
        const weights = weightsFor([3, 4, 5, 2]);
        const loss =
          (f: (x: tf.Tensor4D, o: tf.Tensor2D) => tf.Tensor, by = weights) =>
          (x: tf.Tensor, o: tf.Tensor) =>
            tf.sum(tf.mul(f(x as tf.Tensor4D, o as tf.Tensor2D), by));
        const op = (x: tf.Tensor4D, o: tf.Tensor2D) =>
          extractGlimpse(x, [4, 5], o, p.centered, p.normalized, 'zero', {
            version: p.version,
            interpolation: 'bilinear',
          });
        const before = tf.memory().numTensors;
        const [dImages, dOffsets] = tf.grads(loss(op))([images, offsets]);
        const [gotImages, gotOffsets] = [dImages.dataSync(), dOffsets.dataSync()];
        tf.dispose([dImages, dOffsets]);
        expect(tf.memory().numTensors).toBe(before);
        const [wImages, wOffsets] = await onCpu([images, offsets, weights], (x, o, by) =>
          tf.grads(loss((x, o) => bilinearComposite(x, o, [4, 5], p), by))([x, o]),
        );
        expect(closeTo(gotImages, wImages, () => 1e-5)).toEqual([]);
        const scale = Math.max(...Array.from(wOffsets, Math.abs));
        expect(scale).toBeGreaterThan(0);
        expect(closeTo(gotOffsets, wOffsets, () => 1e-4 * scale)).toEqual([]);
        tf.dispose([offsets, weights]);
      },
    );

    test.each(SENSOR_CASES.map(c => [JSON.stringify(c), c] as const))(
      "glimpseSensor %s: d images and d locations equal the composite's",
      async (_l, c) => {
        const locations = tf.tensor3d(
          SENSOR_LOCATIONS.map(row => Array.from({length: c.n}, (_, l) => [row[0], row[1] - 0.3 * l])),
        );
        const options = {size: [3, 2] as [number, number], scales: c.scales, scaleFactor: c.scaleFactor};
        const weights = weightsFor([3, c.n, c.scales, 3, 2, 2]);
        const loss =
          (f: (x: tf.Tensor4D, l: tf.Tensor3D) => tf.Tensor, by = weights) =>
          (x: tf.Tensor, l: tf.Tensor) =>
            tf.sum(tf.mul(f(x as tf.Tensor4D, l as tf.Tensor3D), by));
        const [dImages, dLocations] = tf.grads(
          loss((x, l) => glimpseSensor(x, l, {...options, padding: c.padding, interpolation: 'bilinear'})),
        )([images, locations]);
        const [wImages, wLocations] = await onCpu([images, locations, weights], (x, l, by) =>
          tf.grads(
            loss(
              (x, l) => bilinearSensorComposite(x, l, {...options, centered: true, normalized: true}, c.padding),
              by,
            ),
          )([x, l]),
        );
        expect(closeTo(dImages.dataSync(), wImages, () => 1e-5)).toEqual([]);
        const scale = Math.max(...Array.from(wLocations, Math.abs));
        expect(scale).toBeGreaterThan(0);
        expect(closeTo(dLocations.dataSync(), wLocations, () => 1e-4 * scale)).toEqual([]);
        tf.dispose([locations, weights, dImages, dLocations]);
      },
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
      const offsets = tf.tensor2d(offsetsFor(PLACEMENTS[0]));
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
