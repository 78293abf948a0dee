/**
 * glimpseSensor on every Node backend, against independent references: the composite of
 * extractGlimpse + avgPool + stack (zero padding), a plain per-sample reading (edge
 * padding, unreachable locations, gradients with edge padding), the composite's gradient,
 * separate one-location calls, and the extractGlimpse op itself for scale 0.
 */
import {extractGlimpse, glimpseSensor} from '../src';
import {describeEachBackend, expectNoLeak, tf} from './helpers/backends';
import {
  closeTo,
  compositeSensor,
  plainSensor,
  plainSensorGrad,
  sensorImage,
  SENSOR_IMAGE_MAX_ABS,
  SENSOR_SPOTS,
  type SensorCase,
} from './helpers/sensor_reference';

const SHAPE: [number, number, number, number] = [2, 13, 17, 3];
const IMAGE = sensorImage(SHAPE, 7);
const MAX_ABS = SENSOR_IMAGE_MAX_ABS;
const SPOTS = SENSOR_SPOTS;

function cases(): SensorCase[] {
  const out: SensorCase[] = [];
  let k = 0;
  for (const padding of ['zero', 'edge'] as const) {
    for (const [centered, normalized] of [
      [true, true],
      [false, true],
      [true, false],
      [false, false],
    ]) {
      for (const [scales, scaleFactor, n] of [
        [1, 2, 1],
        [2, 2, 2],
        [3, 2, 1],
        [4, 2, 3],
        [2, 3, 4],
        [3, 1, 2],
      ]) {
        const size: [number, number] = k % 3 === 0 ? [3, 4] : k % 3 === 1 ? [2, 2] : [5, 3];
        const pixels = normalized ? 1 : 6;
        const locations = [0, 1].map(b =>
          Array.from({length: n}, (_, l) => SPOTS[(b * 3 + l + k) % SPOTS.length].map(v => v * pixels)),
        );
        out.push({
          name: `${padding}.c${+centered}n${+normalized}.k${scales}f${scaleFactor}n${n}.${k}`,
          shape: SHAPE,
          locations,
          size,
          scales,
          scaleFactor,
          centered,
          normalized,
          padding,
        });
        k++;
      }
    }
  }
  return out;
}

const CASES = cases();
const options = (c: SensorCase, seed?: number) => ({
  size: c.size,
  scales: c.scales,
  scaleFactor: c.scaleFactor,
  centered: c.centered,
  normalized: c.normalized,
  padding: c.padding,
  ...(seed === undefined ? {} : {seed}),
});
/** The float32 sum of s*s samples differs from an exact mean by at most s*s units of 2^-24 of the largest. */
const sumBound = (c: SensorCase, k: number, C = SHAPE[3]) => {
  const [h, w] = c.size;
  const scale = Math.floor(k / (h * w * C)) % c.scales;
  const s = c.scaleFactor ** scale;
  return s * s * 2 ** -23 * MAX_ABS;
};

/** d images of sum(composite * weights), computed on the cpu backend; the backend under test is restored. */
async function compositeGradOnCpu(c: SensorCase, weightValues: Float32Array, weightShape: number[]) {
  const backend = tf.getBackend();
  await tf.setBackend('cpu');
  const want = tf.tidy(() => {
    const weights = tf.tensor(weightValues, weightShape);
    const x = tf.tensor4d(IMAGE, SHAPE);
    return tf
      .grad(v => tf.sum(tf.mul(compositeSensor(v as tf.Tensor4D, c), weights)))(x)
      .dataSync();
  });
  await tf.setBackend(backend);
  return want;
}

describeEachBackend('glimpseSensor', () => {
  let images: tf.Tensor4D;
  beforeAll(() => {
    images = tf.tensor4d(IMAGE, SHAPE);
  });
  afterAll(() => images.dispose());

  test.each(CASES.filter(c => c.padding === 'zero').map(c => [c.name, c] as const))(
    '%s: the composite extractGlimpse + avgPool + stack, scale 0 bit for bit',
    (_n, c) => {
      const got = expectNoLeak(() => glimpseSensor(images, c.locations, options(c)));
      const want = compositeSensor(images, c);
      expect(got.shape).toEqual(want.shape);
      const g = got.dataSync();
      const wv = want.dataSync();
      expect(closeTo(g, wv, k => sumBound(c, k))).toEqual([]);
      // Scale 0 is extractGlimpse itself: same bits.
      const scale0 = tf.tidy(() => tf.slice(got, [0, 0, 0], [-1, -1, 1]).dataSync());
      const glimpse0 = tf.tidy(() => tf.slice(want, [0, 0, 0], [-1, -1, 1]).dataSync());
      expect(Array.from(new Uint32Array(scale0.buffer.slice(0)))).toEqual(
        Array.from(new Uint32Array(glimpse0.buffer.slice(0))),
      );
      tf.dispose([got, want]);
    },
  );

  test.each(CASES.filter(c => c.padding === 'edge').map(c => [c.name, c] as const))(
    '%s: the plain per-sample reading',
    (_n, c) => {
      const got = glimpseSensor(images, c.locations, options(c));
      expect(closeTo(got.dataSync(), plainSensor(IMAGE, c), k => sumBound(c, k))).toEqual([]);
      got.dispose();
    },
  );

  test.each(CASES.filter(c => c.locations[0].length > 1).map(c => [c.name, c] as const))(
    '%s: n locations give n one-location calls, bit for bit',
    (_n, c) => {
      const all = glimpseSensor(images, c.locations, options(c));
      c.locations[0].forEach((_, l) => {
        const one = glimpseSensor(
          images,
          c.locations.map(row => row[l]),
          options(c),
        );
        const part = tf.squeeze(tf.slice(all, [0, l], [-1, 1]), [1]);
        expect(one.shape).toEqual(part.shape);
        expect(Array.from(new Uint32Array(one.dataSync().buffer.slice(0)))).toEqual(
          Array.from(new Uint32Array(part.dataSync().buffer.slice(0))),
        );
        tf.dispose([one, part]);
      });
      all.dispose();
    },
  );

  test.each(CASES.filter((_, i) => i % 3 === 0).map(c => [c.name, c] as const))(
    "%s: d images against the composite's gradient (zero) or the plain reading (edge); d locations is zero",
    async (_n, c) => {
      const weightValues = sensorImage([c.shape[0], c.locations[0].length, c.scales, ...c.size, 3], 3);
      const weightShape = [c.shape[0], c.locations[0].length, c.scales, ...c.size, 3];
      const weights = tf.tensor(weightValues, weightShape);
      const locations = tf.tensor3d(c.locations);
      const [dImages, dLocations] = tf.grads((x: tf.Tensor, where: tf.Tensor) =>
        tf.sum(tf.mul(glimpseSensor(x as tf.Tensor4D, where as tf.Tensor3D, options(c)), weights)),
      )([images, locations]);
      const got = dImages.dataSync();
      const zeroLocations = Array.from(dLocations.dataSync()).every(v => v === 0);
      tf.dispose([weights, locations, dImages, dLocations]);
      // The composite's gradient on cpu: some backends lack AvgPoolGrad in older tfjs.
      const want =
        c.padding === 'zero'
          ? await compositeGradOnCpu(c, weightValues, weightShape)
          : plainSensorGrad(weightValues, c);
      expect(closeTo(got, want, k => 1e-4 * (1 + Math.abs(want[k])))).toEqual([]);
      expect(zeroLocations).toBe(true);
    },
  );

  test.each([2, 4])('one-channel images, blocks of side %i: the composite', side => {
    const c: SensorCase = {
      name: 'one-channel',
      shape: [2, 40, 44, 1],
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
    const x = tf.tensor4d(sensorImage(c.shape, 11), c.shape);
    const got = glimpseSensor(x, c.locations, options(c));
    const want = compositeSensor(x, c);
    expect(closeTo(got.dataSync(), want.dataSync(), k => sumBound({...c, size: c.size}, k, 1))).toEqual([]);
    tf.dispose([x, got, want]);
  });

  test('the gradient frees what it makes', () => {
    const c = CASES[9];
    const f = tf.grad(x => tf.sum(glimpseSensor(x as tf.Tensor4D, c.locations, options(c))));
    const before = tf.memory().numTensors;
    const d = f(images);
    expect(tf.memory().numTensors).toBe(before + 1);
    d.dispose();
  });

  test('an unreachable location gives zeros with zero and edge padding', () => {
    for (const padding of ['zero', 'edge'] as const) {
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

  test.each(['uniform', 'gaussian'] as const)("%s padding: seeded, reproducible, within the image's bounds", noise => {
    const locations = [
      [
        [-1, -1],
        [0.9, 0.2],
      ],
      [
        [5, 5],
        [0, 0],
      ],
    ];
    const opts = {size: [4, 5] as [number, number], scales: 3, padding: noise, seed: 12};
    const a = glimpseSensor(images, locations, opts);
    const b = glimpseSensor(images, locations, opts);
    const other = glimpseSensor(images, locations, {...opts, seed: 13});
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(other.dataSync()));
    const [B, n, k, h, w, C] = a.shape;
    const values = a.dataSync();
    for (let i = 0; i < values.length; i++) {
      const bi = Math.floor(i / (n * k * h * w * C));
      const ch = i % C;
      const image = IMAGE.slice(bi * 13 * 17 * 3, (bi + 1) * 13 * 17 * 3).filter(
        (_, p) => noise === 'uniform' || p % 3 === ch,
      );
      expect(values[i]).toBeGreaterThanOrEqual(Math.min(...image));
      expect(values[i]).toBeLessThanOrEqual(Math.max(...image));
    }
    expect(B).toBe(2);
    tf.dispose([a, b, other]);
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
      `glimpseSensor: options.padding must be 'zero', 'edge', 'uniform' or 'gaussian', got "reflect"`,
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

  test('empty outputs are empty tensors', () => {
    const out = glimpseSensor(images, tf.zeros([2, 0, 2]) as tf.Tensor3D, {size: [3, 3], scales: 2});
    expect(out.shape).toEqual([2, 0, 2, 3, 3, 3]);
    out.dispose();
  });
});
