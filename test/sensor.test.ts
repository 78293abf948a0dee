/**
 * glimpseSensor on every Node backend: the one case table of test/helpers/sensor_cases.ts
 * (which the Chromium suites run too) against the references of test/helpers/sensor_check.ts,
 * the forward and d images; then what only Node checks: n locations as n one-location calls,
 * d images against the composite's own gradient, the op's options, shapes and errors.
 */
import {extractGlimpse, glimpseSensor} from '../src';
import {describeEachBackend, expectNoLeak, onCpuBackend, tf} from './helpers/backends';
import {closeTo, compositeSensor, sensorImage, SENSOR_IMAGE_MAX_ABS, type SensorCase} from './helpers/sensor_reference';
import {
  EMPTY_SENSOR,
  imageOf,
  OTHER_SENSOR_SEED,
  SENSOR_CASES,
  SENSOR_IMAGES,
  sensorDy,
  sensorOptions,
} from './helpers/sensor_cases';
import {sensorForwardFindings, sensorGradFindings, sensorWants, type SensorWant} from './helpers/sensor_check';

const CASES = SENSOR_CASES;
const MAX_ABS = SENSOR_IMAGE_MAX_ABS;
const named = (cases: readonly SensorCase[]) => cases.map(c => [c.name, CASES.indexOf(c)] as const);
/** The float32 sum of s*s samples differs from an exact mean by at most s*s units of 2^-24 of the largest. */
const sumBound = (c: SensorCase, k: number, C = c.shape[3]) => {
  const [h, w] = c.size;
  const scale = Math.floor(k / (h * w * C)) % c.scales;
  const s = c.scaleFactor ** scale;
  return s * s * 2 ** -23 * MAX_ABS;
};
const bitsOf = (t: tf.Tensor) => Array.from(new Uint32Array(new Float32Array(t.dataSync()).buffer));

/** The references, computed once for every backend. */
let wantsOnce: Promise<SensorWant[]> | undefined;

/** d images of sum(composite * dy), computed on the cpu backend; the backend under test is restored. */
function compositeGradOnCpu(c: SensorCase, dy: Float32Array) {
  return onCpuBackend(() =>
    tf.tidy(() => {
      const weights = tf.tensor(dy, [c.shape[0], c.locations[0].length, c.scales, ...c.size, c.shape[3]]);
      const x = tf.tensor4d(imageOf(c), c.shape);
      return tf
        .grad(v => tf.sum(tf.mul(compositeSensor(v as tf.Tensor4D, c), weights)))(x)
        .dataSync();
    }),
  );
}

describeEachBackend('glimpseSensor', () => {
  let images: tf.Tensor4D;
  let wants: SensorWant[] = [];
  /** The table's images by seed. */
  const tensors = new Map<number, tf.Tensor4D>();
  const imagesOf = (c: SensorCase) => tensors.get(c.imageSeed)!;
  beforeAll(async () => {
    wantsOnce ??= sensorWants(CASES);
    wants = await wantsOnce;
    for (const {shape, seed} of SENSOR_IMAGES) tensors.set(seed, tf.tensor4d(sensorImage(shape, seed), shape));
    images = imagesOf(CASES[0]);
  });
  afterAll(() => tf.dispose([...tensors.values()]));

  test.each(named(CASES))('%s: forward as the references', (_n, i) => {
    const c = CASES[i];
    const x = imagesOf(c);
    const out = expectNoLeak(() => glimpseSensor(x, c.locations, sensorOptions(c)));
    const noisy = c.padding === 'uniform' || c.padding === 'gaussian';
    const again = noisy ? glimpseSensor(x, c.locations, sensorOptions(c)) : undefined;
    const other = noisy ? glimpseSensor(x, c.locations, sensorOptions(c, OTHER_SENSOR_SEED)) : undefined;
    const got = {shape: out.shape, values: out.dataSync(), again: again?.dataSync(), other: other?.dataSync()};
    expect(sensorForwardFindings(c, wants[i], got)).toEqual([]);
    tf.dispose([out, ...(again ? [again] : []), ...(other ? [other] : [])]);
  });

  test.each(named(CASES))('%s: d images as the plain backward reading; d locations is zero', (_n, i) => {
    const c = CASES[i];
    const dy = tf.tensor(sensorDy(wants[i].shape), wants[i].shape);
    const locations = tf.tensor3d(c.locations);
    const [dImages, dLocations] = tf.grads((x: tf.Tensor, where: tf.Tensor) =>
      tf.sum(tf.mul(glimpseSensor(x as tf.Tensor4D, where as tf.Tensor3D, sensorOptions(c)), dy)),
    )([imagesOf(c), locations]);
    expect(sensorGradFindings(wants[i], dImages.dataSync())).toEqual([]);
    expect(Array.from(dLocations.dataSync()).every(v => v === 0)).toBe(true);
    tf.dispose([dy, locations, dImages, dLocations]);
  });

  test.each(named(CASES.filter((c, i) => c.padding === 'zero' && i % 3 === 0)))(
    "%s: d images as the composite's own gradient",
    async (_n, i) => {
      const c = CASES[i];
      const dyValues = sensorDy(wants[i].shape);
      const dy = tf.tensor(dyValues, wants[i].shape);
      const dImages = tf.grad(x => tf.sum(tf.mul(glimpseSensor(x as tf.Tensor4D, c.locations, sensorOptions(c)), dy)))(
        imagesOf(c),
      );
      const got = dImages.dataSync();
      tf.dispose([dy, dImages]);
      // The composite's gradient on cpu: some backends lack AvgPoolGrad in older tfjs.
      const want = await compositeGradOnCpu(c, dyValues);
      expect(closeTo(got, want, k => 1e-4 * (1 + Math.abs(want[k])))).toEqual([]);
    },
  );

  // Noise draws by the sample's index in the whole [B, n, ...] glimpse: only zero, edge and reflection split.
  const split = CASES.filter(c => !['uniform', 'gaussian'].includes(c.padding) && c.locations[0].length > 1);
  test.each(named(split))('%s: n locations give n one-location calls, bit for bit', (_n, i) => {
    const c = CASES[i];
    const x = imagesOf(c);
    const all = glimpseSensor(x, c.locations, sensorOptions(c));
    c.locations[0].forEach((_, l) => {
      const one = glimpseSensor(
        x,
        c.locations.map(row => row[l]),
        sensorOptions(c),
      );
      const part = tf.squeeze(tf.slice(all, [0, l], [-1, 1]), [1]);
      expect(one.shape).toEqual(part.shape);
      expect(bitsOf(one)).toEqual(bitsOf(part));
      tf.dispose([one, part]);
    });
    all.dispose();
  });

  test.each([2, 4])('one-channel images, blocks of side %i: the composite', side => {
    const c: SensorCase = {
      name: 'one-channel',
      shape: [2, 40, 44, 1],
      imageSeed: 11,
      size: [4, 5],
      scales: side === 2 ? 2 : 3,
      scaleFactor: 2,
      centered: true,
      normalized: true,
      padding: 'zero',
      locations: [
        [
          [0, 0],
          [-0.7, 0.9],
        ],
        [
          [0.2, -0.1],
          [0.95, -0.95],
        ],
      ],
    };
    const x = tf.tensor4d(imageOf(c), c.shape);
    const got = glimpseSensor(x, c.locations, sensorOptions(c));
    const want = compositeSensor(x, c);
    expect(closeTo(got.dataSync(), want.dataSync(), k => sumBound({...c, size: c.size}, k, 1))).toEqual([]);
    tf.dispose([x, got, want]);
  });

  test('the gradient frees what it makes', () => {
    const c = CASES[9];
    const f = tf.grad(x => tf.sum(glimpseSensor(x as tf.Tensor4D, c.locations, sensorOptions(c))));
    const before = tf.memory().numTensors;
    const d = f(imagesOf(c));
    expect(tf.memory().numTensors).toBe(before + 1);
    d.dispose();
  });

  test('an unreachable location gives zeros with zero, edge and reflection padding', () => {
    for (const padding of ['zero', 'edge', 'reflection'] as const) {
      const out = glimpseSensor(
        images,
        [
          [NaN, 0],
          [0, Infinity],
        ],
        {size: [2, 3], scales: 2, padding},
      );
      expect(Array.from(out.dataSync()).every(v => v === 0)).toBe(true);
      out.dispose();
    }
  });

  test('[batch, 2] locations give [batch, k, h, w, C]; tf.image.glimpseSensor is the op', () => {
    const out = glimpseSensor(
      images,
      [
        [0, 0],
        [0.5, 0.5],
      ],
      {size: [4, 4], scales: 3},
    );
    expect(out.shape).toEqual([2, 3, 4, 4, 3]);
    expect((tf.image as unknown as Record<string, unknown>).glimpseSensor).toBe(glimpseSensor);
    out.dispose();
  });

  test("one location, scale 0, uniform padding: extractGlimpse's noise for the same seed", () => {
    const where = [
      [-0.8, 0.9],
      [2, 2],
    ];
    const sensor = glimpseSensor(images, where, {size: [5, 6], padding: 'uniform', seed: 99});
    const glimpse = extractGlimpse(images, [5, 6], where, true, true, 'uniform', {seed: 99});
    expect(Array.from(sensor.dataSync())).toEqual(Array.from(glimpse.dataSync()));
    tf.dispose([sensor, glimpse]);
  });

  test.each([
    [{size: [2, 2], scales: 0}, 'glimpseSensor: options.scales must be an integer >= 1, got 0'],
    [{size: [2, 2], scaleFactor: 1.5}, 'glimpseSensor: options.scaleFactor must be an integer >= 1, got 1.5'],
    [{size: [2, -1]}, 'glimpseSensor: size must hold 2 non-negative integers [height, width], got [2,-1]'],
    [
      {size: [2, 2], padding: 'reflect'},
      `glimpseSensor: options.padding must be 'zero', 'edge', 'reflection', 'uniform' or 'gaussian', got "reflect"`,
    ],
    [
      {size: [2, 2], interpolation: 'cubic'},
      `glimpseSensor: options.interpolation must be 'nearest' or 'bilinear', got "cubic"`,
    ],
    [{size: [2, 2], scales: 30}, 'glimpseSensor: size [2,2] with 30 scales of factor 2 makes a window'],
    [{size: [2, 2], seed: NaN}, 'glimpseSensor: options.seed must be a finite number, got NaN'],
    [{size: [2, 2], colour: 1}, 'glimpseSensor: unknown option ["colour"]'],
    [undefined, 'glimpseSensor: options must be an object with at least size: [h, w], got undefined'],
  ])('refuses options %j before any work', (opts, message) => {
    const before = tf.memory().numTensors;
    expect(() =>
      glimpseSensor(
        images,
        [
          [0, 0],
          [0, 0],
        ],
        opts as never,
      ),
    ).toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
  });

  test.each([
    [
      [[0, 0]],
      "glimpseSensor: locations must be [batch, 2] or [batch, n, 2] with the images' batch 2, got shape [1,1,2]",
    ],
    [
      [
        [0, 0, 0],
        [0, 0, 0],
      ],
      "glimpseSensor: locations must be [batch, 2] or [batch, n, 2] with the images' batch 2, got shape [2,3]",
    ],
    [
      [
        [[0, 0], [0]],
        [
          [0, 0],
          [0, 0],
        ],
      ],
      'glimpseSensor: locations must be a rectangular array of numbers',
    ],
  ])('refuses locations %j', (locations, message) => {
    expect(() => glimpseSensor(images, locations, {size: [2, 2]})).toThrow(message);
  });

  test('refuses an image of rank 3 and a direct kernel call with bad attrs, naming the kernel', () => {
    expect(() => glimpseSensor(tf.zeros([4, 4, 1]) as never, [[0, 0]], {size: [2, 2]})).toThrow(
      'glimpseSensor: images must be rank 4 [batch, height, width, channels], got shape [4,4,1]',
    );
    const where = tf.zeros([2, 1, 2]);
    expect(() =>
      tf.engine().runKernel('GlimpseSensor', {images, locations: where}, {size: [2, 2], scales: -1}),
    ).toThrow('GlimpseSensor: options.scales must be an integer >= 1, got -1');
    where.dispose();
  });

  test.each(EMPTY_SENSOR.calls.map(c => [c.name, c] as const))('empty outputs are empty tensors: %s', (_n, c) => {
    const ones = tf.ones(EMPTY_SENSOR.images) as tf.Tensor4D;
    const locations: tf.Tensor = tf.tensor(c.locations.values, c.locations.shape);
    const out = expectNoLeak(() => glimpseSensor(ones, locations as tf.Tensor3D, c.options));
    expect(out.shape).toEqual(c.shape);
    tf.dispose([ones, locations, out]);
  });

  test('no location gives zero d images', () => {
    const {dyShape, locationsShape, attrs, shape} = EMPTY_SENSOR.grad;
    const [dy, none] = [tf.zeros(dyShape), tf.zeros(locationsShape)];
    const before = tf.memory().numTensors;
    const grad = tf.engine().runKernel('GlimpseSensorGrad', {dy, locations: none}, {
      ...attrs,
      imagesShape: EMPTY_SENSOR.images,
    } as never) as tf.Tensor;
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(grad.shape).toEqual(shape);
    expect(Array.from(grad.dataSync()).reduce((a, v) => a + Math.abs(v), 0)).toBe(0);
    tf.dispose([dy, none, grad]);
  });
});
