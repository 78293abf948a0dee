/**
 * The padding modes that read the image (docs/semantics.md, "Padding modes"). First the
 * references themselves, whatever the kernels do: reflection's index rule taken from
 * tf.mirrorPad against src/padding_mode.ts's and against hand-worked values; the hand-worked
 * outputs against the composite; the plain readings the sensor and bilinear tables use
 * against the composite. Then on every Node backend the one case table of
 * test/helpers/padding_cases.ts (which the Chromium suites run too): extractGlimpse with
 * `options.padding` and the nearest glimpseSensor, forward and d images, checked by
 * test/helpers/padding_check.ts; and the options' errors.
 */
import {extractGlimpse, glimpseSensor} from '../src';
import {reflectIndex} from '../src/padding_mode';
import {describeEachBackend, expectNoLeak, tf} from './helpers/backends';
import {bilinearComposite} from './helpers/bilinear_reference';
import {
  mirrorIndex,
  mirrorPadAxis,
  paddedGlimpseComposite,
  paddedSensorComposite,
  paddedWindow,
} from './helpers/padding_reference';
import {
  offsetsOf,
  PADDING_CASES,
  paddingDy,
  paddingGlimpseOptions,
  paddingImage,
  paddingSensorOptions,
  type PaddingCase,
} from './helpers/padding_cases';
import {paddingComposite, paddingFindings, paddingWants, type PaddingWant} from './helpers/padding_check';
import {closeTo, plainSensor, plainSensorGrad, SENSOR_IMAGE_MAX_ABS, sensorImage} from './helpers/sensor_reference';
import {imageOf, SENSOR_CASES, sensorDy} from './helpers/sensor_cases';

const bitsOf = (values: ArrayLike<number>) => Array.from(new Uint32Array(Float32Array.from(values).buffer));

describe('the reflection rule and the references', () => {
  beforeAll(() => tf.setBackend('cpu'));

  test("mirrorPad's rule is src/padding_mode.ts's reflectIndex, n = 1..9, near and far", () => {
    const differ: string[] = [];
    for (let n = 1; n <= 9; n++) {
      const far = [1e10, -1e10, 2e9, -3e7, 1e10 + 1, -3e7 - 5, 2 ** 52 + 3];
      for (const p of [...Array.from({length: 81}, (_, i) => i - 40), ...far]) {
        if (mirrorIndex(p, n) !== reflectIndex(p, n)) differ.push(`n ${n}, p ${p}: ${mirrorIndex(p, n)}`);
      }
    }
    expect(differ).toEqual([]);
  });

  test('worked out by hand: n = 4 reflects without repeating the border, with period 6', () => {
    const want: Array<[number, number]> = [
      [-1, 1],
      [-2, 2],
      [-3, 3],
      [-4, 2],
      [4, 2],
      [5, 1],
      [6, 0],
      [7, 1],
      [0, 0],
      [3, 3],
      // 1e10 = 4 (mod 6): reads 2; -3e7 = 0 (mod 6): reads 0.
      [1e10, 2],
      [-3e7, 0],
    ];
    expect(want.map(([p]) => [p, mirrorIndex(p, 4)])).toEqual(want);
    expect([-5, -1, 0, 3, 1e10].map(p => mirrorIndex(p, 1))).toEqual([0, 0, 0, 0, 0]);
  });

  test("the periodic rule is mirrorPad's, applied again and again, over [-40, 40]", () => {
    for (let n = 1; n <= 9; n++) {
      const padded = tf.tidy(() => mirrorPadAxis(tf.range(0, n, 1, 'int32'), 0, 40, 40 - n + 1).arraySync());
      expect(padded).toEqual(Array.from({length: 81}, (_, i) => mirrorIndex(i - 40, n)));
    }
  });

  test('the window gathered at mirror-padded indices is the mirror-padded image, sliced', () => {
    const windows: Array<[number, number, number, number]> = [
      [-3, 2, 4, 6],
      [5, -9, 4, 6],
      [-20, 13, 9, 11],
      [-1, -1, 9, 7],
      [6, 4, 2, 2],
    ];
    for (const shape of [
      [1, 7, 5, 3],
      [1, 1, 6, 2],
    ] as const) {
      for (const [y, x, h, w] of windows) {
        const [got, want] = tf.tidy(() => {
          const image = tf.tensor4d(sensorImage([...shape], 5), [...shape]);
          const [top, left] = [Math.max(0, -y), Math.max(0, -x)];
          const rows = mirrorPadAxis(image, 1, top, Math.max(0, y + h - shape[1]));
          const padded = mirrorPadAxis(rows, 2, left, Math.max(0, x + w - shape[2]));
          return [
            paddedWindow(image, {y, x}, [h, w], 'reflection').dataSync(),
            tf.slice(padded, [0, y + top, x + left, 0], [1, h, w, -1]).dataSync(),
          ];
        });
        expect(bitsOf(got)).toEqual(bitsOf(want));
      }
    }
  });

  const hand = PADDING_CASES.filter(c => c.want);
  test.each(hand.map(c => [c.name, c] as const))('%s: the composite gives the hand-worked output', (_n, c) => {
    const got = tf.tidy(() => paddingComposite(c, tf.tensor4d(paddingImage(c), c.shape)).dataSync());
    expect(Array.from(got)).toEqual(c.want);
  });

  // The sensor table's reference for reflection is the plain per-sample reading: it must be the
  // composite, scale 0 bit for bit and other scales within the block sum's bound.
  const reflecting = SENSOR_CASES.filter(c => c.padding === 'reflection');
  test.each(reflecting.map(c => [c.name, c] as const))(
    "%s: the sensor table's plain reading is the composite",
    (_n, c) => {
      const got = plainSensor(imageOf(c), c);
      const want = tf.tidy(() =>
        paddedSensorComposite(tf.tensor4d(imageOf(c), c.shape), c.locations, {
          ...c,
          version: 2,
          padding: 'reflection',
        }).dataSync(),
      );
      const [h, w] = c.size;
      const C = c.shape[3];
      const scaleOf = (k: number) => c.scaleFactor ** (Math.floor(k / (h * w * C)) % c.scales);
      const bound = (k: number) => (scaleOf(k) === 1 ? 0 : scaleOf(k) ** 2 * 2 ** -23 * SENSOR_IMAGE_MAX_ABS);
      expect(closeTo(Float32Array.from(got), want, bound)).toEqual([]);
    },
  );

  // And the composite's d images (gather's gradient) are the plain backward reading's.
  test.each(reflecting.filter((_, j) => j % 4 === 0).map(c => [c.name, c] as const))(
    "%s: the composite's d images are the plain backward reading's",
    (_n, c) => {
      const shape = [c.shape[0], c.locations[0].length, c.scales, ...c.size, c.shape[3]];
      const dy = sensorDy(shape);
      const got = tf.tidy(() => {
        const weights = tf.tensor(dy, shape);
        const call = {...c, version: 2 as const, padding: 'reflection' as const};
        const loss = (x: tf.Tensor) =>
          tf.sum(tf.mul(paddedSensorComposite(x as tf.Tensor4D, c.locations, call), weights));
        return tf
          .grad(loss)(tf.tensor4d(imageOf(c), c.shape))
          .dataSync();
      });
      const want = plainSensorGrad(dy, c);
      expect(closeTo(got, want, k => 1e-5 * (1 + Math.abs(want[k])))).toEqual([]);
    },
  );

  test('the bilinear composite at integer corners is the nearest composite, bit for bit', () => {
    const c: PaddingCase = PADDING_CASES.find(k => k.name.startsWith('glimpse: V2 pixels, partial'))!;
    const [bilinear, nearest] = tf.tidy(() => {
      const images = tf.tensor4d(paddingImage(c), c.shape);
      const offsets = offsetsOf(c);
      const placement = {version: c.version, centered: c.centered, normalized: c.normalized};
      return [
        bilinearComposite(images, tf.tensor2d(offsets), c.size, placement, 'reflection').dataSync(),
        paddedGlimpseComposite(images, offsets, c).dataSync(),
      ];
    });
    expect(bitsOf(bilinear)).toEqual(bitsOf(nearest));
  });
});

/** The references, computed once for every backend. */
let wantsOnce: Promise<PaddingWant[]> | undefined;

/** A case's op: extractGlimpse with its noise (or another one) and options.padding, or glimpseSensor. */
function runPadding(c: PaddingCase, images: tf.Tensor4D, noise = c.noise): tf.Tensor {
  if (c.op === 'sensor') return glimpseSensor(images, c.locations, paddingSensorOptions(c));
  return extractGlimpse(images, c.size, offsetsOf(c), c.centered, c.normalized, noise, paddingGlimpseOptions(c));
}

describeEachBackend('image paddings', () => {
  let wants: PaddingWant[] = [];
  beforeAll(async () => {
    wantsOnce ??= paddingWants(PADDING_CASES);
    wants = await wantsOnce;
  });

  test.each(PADDING_CASES.map((c, i) => [c.name, i] as const))(
    '%s: forward and d images as the references',
    (_n, i) => {
      const c = PADDING_CASES[i];
      const images = tf.tensor4d(paddingImage(c), c.shape);
      const out = expectNoLeak(() => runPadding(c, images));
      const zero = c.op === 'glimpse' ? runPadding(c, images, 'zero') : undefined;
      const dy = tf.tensor(paddingDy(out.shape), out.shape);
      const grad = tf.grad(x => tf.sum(tf.mul(runPadding(c, x as tf.Tensor4D), dy)))(images);
      const got = {shape: out.shape, values: out.dataSync(), zeroNoise: zero?.dataSync(), grad: grad.dataSync()};
      expect(paddingFindings(c, wants[i], got)).toEqual([]);
      tf.dispose([images, out, dy, grad, ...(zero ? [zero] : [])]);
    },
  );

  test('reflection: a corner past 2^53 reads as that corner less whole periods (worked out by hand)', () => {
    // H = 5, W = 7: periods 8 and 12. 2^60 = 8 * 2^57 is 0 modulo 8; 2^58 is 1 modulo 3, so 2^60
    // is 4 modulo 12 and -2^60 is -4. In float64, 2^60 + 1 is 2^60: the step must come after the reduction.
    const images = tf.tensor4d(sensorImage([1, 5, 7, 2], 4), [1, 5, 7, 2]);
    const options = {size: [3, 4] as [number, number], scales: 2, centered: false, normalized: false};
    const run = (y: number, x: number) => {
      const where = tf.tensor3d([[[y, x]]]);
      const f = (im: tf.Tensor) => glimpseSensor(im as tf.Tensor4D, where, {...options, padding: 'reflection'});
      const out = f(images);
      const dy = tf.tensor(sensorDy(out.shape), out.shape);
      const grad = tf.grad(im => tf.sum(tf.mul(f(im), dy)))(images);
      const result = [bitsOf(out.dataSync()), bitsOf(grad.dataSync())];
      tf.dispose([where, out, dy, grad]);
      return result;
    };
    expect(run(2 ** 60, -(2 ** 60))).toEqual(run(0, -4));
    images.dispose();
  });

  test('an image padding needs no seed, and every noise gives the same glimpse', () => {
    const images = tf.tensor4d(paddingImage(PADDING_CASES[0]), PADDING_CASES[0].shape);
    for (const padding of ['edge', 'reflection'] as const) {
      for (const interpolation of ['nearest', 'bilinear'] as const) {
        const outs = (['uniform', 'gaussian', 'zero', ''] as const).map(noise =>
          extractGlimpse(images, [3, 5], [[-2.5, 1.25]], false, false, noise, {padding, interpolation}),
        );
        const [first, ...rest] = outs.map(t => bitsOf(t.dataSync()));
        for (const other of rest) expect(other).toEqual(first);
        tf.dispose(outs);
      }
    }
    images.dispose();
  });

  test('an unreachable location gives zeros with reflection padding', () => {
    const images = tf.tensor4d(paddingImage(PADDING_CASES[0]), PADDING_CASES[0].shape);
    const out = glimpseSensor(images, [[[NaN, 0]]], {size: [2, 3], scales: 2, padding: 'reflection'});
    const glimpse = extractGlimpse(images, [2, 3], [[0, Infinity]], true, true, 'uniform', {padding: 'reflection'});
    expect(Array.from(out.dataSync()).every(v => v === 0)).toBe(true);
    expect(Array.from(glimpse.dataSync()).every(v => v === 0)).toBe(true);
    tf.dispose([images, out, glimpse]);
  });

  test.each([
    [{padding: 'reflect'}, `extractGlimpse: options.padding must be 'edge' or 'reflection', got "reflect"`],
    [{padding: 'zero'}, `extractGlimpse: options.padding must be 'edge' or 'reflection', got "zero"`],
    [{padding: 1}, `extractGlimpse: options.padding must be 'edge' or 'reflection', got 1`],
  ])('extractGlimpse refuses options %j before any work', (options, message) => {
    const images = tf.zeros([1, 4, 4, 1]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    expect(() => extractGlimpse(images, [2, 2], [[0, 0]], true, true, 'zero', options as never)).toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
    images.dispose();
  });

  test('glimpseSensor names its five paddings when it refuses one', () => {
    const images = tf.zeros([1, 4, 4, 1]) as tf.Tensor4D;
    expect(() => glimpseSensor(images, [[0, 0]], {size: [2, 2], padding: 'reflect' as never})).toThrow(
      `glimpseSensor: options.padding must be 'zero', 'edge', 'reflection', 'uniform' or 'gaussian', got "reflect"`,
    );
    images.dispose();
  });
});
