/** The public op: TF2's signature, argument forms, dtypes, errors, scopes and seeds. */
import {ExtractGlimpse, ExtractGlimpseV2, extractGlimpse, registerAll} from '../src';
import {describeEachBackend, expectNoLeak, tf} from './helpers/backends';

/** `[1, H, W, 1]` image whose pixel (y, x) holds 100 * (y + 1) + (x + 1): hand-checkable. */
function rowColImage(height: number, width: number): tf.Tensor4D {
  const v: number[] = [];
  for (let y = 1; y <= height; y++) for (let x = 1; x <= width; x++) v.push(100 * y + x);
  return tf.tensor4d(v, [1, height, width, 1]);
}

const arange25 = () => tf.reshape(tf.range(0, 25), [1, 5, 5, 1]) as tf.Tensor4D;

describeEachBackend('extractGlimpse op', () => {
  test('is tf.image.extractGlimpse', () => {
    expect((tf.image as unknown as Record<string, unknown>).extractGlimpse).toBe(extractGlimpse);
  });

  test("TF2 defaults (V2, centered, normalized): SPEC's 41x61 example, rows 20..22, cols 29..33", () => {
    const image = rowColImage(41, 61);
    const out = expectNoLeak(() => extractGlimpse(image, [3, 5], [[0, 0]]));
    const rows = [20, 21, 22].map(r => [29, 30, 31, 32, 33].map(c => [100 * r + c]));
    expect(out.shape).toEqual([1, 3, 5, 1]);
    expect(out.arraySync()).toEqual([rows]);
    tf.dispose([image, out]);
  });

  test("SPEC's worked examples on arange(25), zero noise", () => {
    const image = arange25();
    const pixels = extractGlimpse(image, [3, 3], [[1, 0]], false, false, 'zero');
    expect(Array.from(pixels.dataSync())).toEqual([5, 6, 7, 10, 11, 12, 15, 16, 17]);
    // V2, centered pixels: corner (0 + 2.5 -> 2, 2).
    const v2 = tf.reshape(extractGlimpse(image, [7, 7], [[0, 0]], true, false, 'zero'), [7, 7]);
    const v2rows = v2.arraySync() as number[][];
    expect(v2rows[0]).toEqual([12, 13, 14, 0, 0, 0, 0]);
    expect(
      v2rows
        .slice(3)
        .flat()
        .every(v => v === 0),
    ).toBe(true);
    // V1: 0/2 + 2.5 - 3.5 = -1 -> corner (-1, -1): a zero border around the image.
    const v1 = tf.reshape(extractGlimpse(image, [7, 7], [[0, 0]], true, false, 'zero', {version: 1}), [7, 7]);
    const v1rows = v1.arraySync() as number[][];
    expect(v1rows[0]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(v1rows[1]).toEqual([0, 0, 1, 2, 3, 4, 0]);
    expect(v1rows[5]).toEqual([0, 20, 21, 22, 23, 24, 0]);
    expect(v1rows[6]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Only pixel (0, 0) = 0 lands in the window at (-2, -2): all zeros.
    const outside = extractGlimpse(image, [3, 3], [[-2, -2]], false, false, 'zero');
    expect(Array.from(outside.dataSync())).toEqual(new Array(9).fill(0));
    tf.dispose([image, pixels, v2, v1, outside]);
  });

  test('V1 truncates toward zero: 0 - 1.5 = -1.5 -> -1, not floor -2', () => {
    const image = arange25();
    const out = extractGlimpse(image, [3, 3], [[0, 0]], false, false, 'zero', {version: 1});
    expect(Array.from(out.dataSync())).toEqual([0, 0, 0, 0, 0, 1, 0, 5, 6]);
    tf.dispose([image, out]);
  });

  test('takes nested arrays and an int32 size tensor', () => {
    const size = tf.tensor1d([1, 2], 'int32');
    const out = expectNoLeak(() =>
      extractGlimpse(
        [
          [
            [[1], [2]],
            [[3], [4]],
          ],
        ],
        size,
        [[1, 0]],
        false,
        false,
        'zero',
      ),
    );
    expect(out.shape).toEqual([1, 1, 2, 1]);
    expect(Array.from(out.dataSync())).toEqual([3, 4]);
    tf.dispose([out, size]);
  });

  test('offsets as a rank-1 typed array are refused like any rank-1 offsets', () => {
    // TensorLike typed arrays are rank 1: [batch, 2] needs nested arrays or a tensor.
    expect(() => extractGlimpse([[[[1]]]], [1, 1], new Float32Array([0, 0]))).toThrow(
      /extractGlimpse: offsets must be rank 2 \[batch, 2\], got shape \[2\]/,
    );
  });

  test('casts int32 images to float32 and frees the cast', () => {
    const image = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1], 'int32');
    const out = expectNoLeak(() => extractGlimpse(image, [2, 2], [[0, 0]], false, false, 'zero'));
    expect(out.dtype).toBe('float32');
    expect(Array.from(out.dataSync())).toEqual([1, 2, 3, 4]);
    tf.dispose([image, out]);
  });

  test('refuses bool and string images, naming the argument and dtype', () => {
    const b = tf.tensor4d([1, 0, 1, 0], [1, 2, 2, 1], 'bool');
    expect(() => extractGlimpse(b, [1, 1], [[0, 0]])).toThrow(
      'extractGlimpse: input must be a float32 (or int32) tensor, got a bool tensor',
    );
    const s = tf.tensor(['a'], [1, 1, 1, 1], 'string');
    expect(() => extractGlimpse(s as tf.Tensor4D, [1, 1], [[0, 0]])).toThrow(/input must be a float32/);
    tf.dispose([b, s]);
  });

  test('runs in a named scope and leaves nothing behind, inside and outside tidy', () => {
    const image = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1], 'int32');
    const before = tf.memory().numTensors;
    const kept = tf.tidy(() => {
      extractGlimpse(image, [2, 2], [[0, 0]], false, false, 'uniform');
      return extractGlimpse(image, [2, 2], [[0.1, 0.2]], true, true, 'gaussian');
    });
    expect(tf.memory().numTensors).toBe(before + 1);
    kept.dispose();
    const profile = tf.profile(() => tf.dispose(extractGlimpse(image, [2, 2], [[0, 0]])));
    return profile.then(p => {
      expect(p.kernelNames).toEqual(['Cast', ExtractGlimpseV2]);
      expect(tf.memory().numTensors).toBe(before);
      image.dispose();
    });
  });

  test('version 1 runs the ExtractGlimpse kernel', async () => {
    const image = tf.zeros([1, 4, 4, 1]) as tf.Tensor4D;
    const p = await tf.profile(() =>
      tf.dispose(extractGlimpse(image, [2, 2], [[0, 0]], true, true, 'zero', {version: 1})),
    );
    expect(p.kernelNames).toEqual([ExtractGlimpse]);
    image.dispose();
  });

  test('the empty output: batch 0 and h 0 give empty float32 tensors', () => {
    const batch0 = extractGlimpse(tf.zeros([0, 5, 5, 2]) as tf.Tensor4D, [3, 3], tf.zeros([0, 2]));
    expect(batch0.shape).toEqual([0, 3, 3, 2]);
    const h0 = extractGlimpse(tf.zeros([1, 5, 5, 2]) as tf.Tensor4D, [0, 3], [[0, 0]]);
    expect(h0.shape).toEqual([1, 0, 3, 2]);
    expect(h0.size).toBe(0);
  });

  test('noise resolution: "" follows uniformNoise, uniform with uniformNoise=false is uniform', () => {
    const image = tf.tensor4d([10, 20, 30, 40], [1, 2, 2, 1]);
    for (const [noise, uniformNoise] of [
      ['', true],
      ['uniform', false],
      ['uniform', true],
    ] as const) {
      const v = extractGlimpse(image, [6, 6], [[-2, -2]], false, false, noise, {uniformNoise, seed: 5}).dataSync();
      // Uniform noise fills the whole [10, 40] range; no value outside it.
      expect(Math.min(...v)).toBeGreaterThanOrEqual(10);
      expect(Math.max(...v)).toBeLessThanOrEqual(40);
    }
    expect(() => extractGlimpse(image, [2, 2], [[0, 0]], true, true, 'zero', {uniformNoise: true})).toThrow(
      /extractGlimpse: uniformNoise=true cannot be combined with noise="zero"/,
    );
    expect(() => extractGlimpse(image, [2, 2], [[0, 0]], true, true, 'Zero' as 'zero')).toThrow(
      `extractGlimpse: noise must be 'uniform', 'gaussian', 'zero' or '' (case-sensitive), got "Zero"`,
    );
    image.dispose();
  });

  test('seed: same seed same noise, other seed other noise, no seed fresh noise each call', () => {
    const image = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2]);
    const run = (noise: 'uniform' | 'gaussian', seed?: number) =>
      Array.from(
        extractGlimpse(image, [4, 4], [[-1, -1]], false, false, noise, seed === undefined ? {} : {seed}).dataSync(),
      );
    for (const noise of ['uniform', 'gaussian'] as const) {
      expect(run(noise, 42)).toEqual(run(noise, 42));
      expect(run(noise, 42)).not.toEqual(run(noise, 43));
      expect(run(noise)).not.toEqual(run(noise));
    }
    image.dispose();
  });

  test.each([
    [[3, -1], 'extractGlimpse: size must hold 2 non-negative integers [height, width], got [3,-1]'],
    [[2.5, 3], 'got [2.5,3]'],
    [[NaN, 3], 'got [NaN,3]'],
    [[3, Infinity], 'got [3,Infinity]'],
    [[3], 'got [3]'],
    [[], 'got []'],
    [[[3, 3]], 'got [[3,3]]'],
  ])('size %j is refused: %s', (size, message) => {
    expect(() => extractGlimpse([[[[1]]]], size as [number, number], [[0, 0]])).toThrow(message);
  });

  test('an output too large for a typed array is refused before any allocation', () => {
    const image = tf.zeros([2, 4, 4, 3]) as tf.Tensor4D;
    const before = tf.memory().numBytes;
    expect(() =>
      extractGlimpse(
        image,
        [100000, 100000],
        [
          [0, 0],
          [0, 0],
        ],
      ),
    ).toThrow(/extractGlimpse: size \[100000,100000\] would make an output of shape \[2,100000,100000,3\]/);
    expect(tf.memory().numBytes).toBe(before);
    image.dispose();
  });

  test('size tensors must be int32 [2]', () => {
    const s = tf.tensor1d([2, 2]);
    expect(() => extractGlimpse([[[[1]]]], s as unknown as tf.Tensor1D, [[0, 0]])).toThrow(
      'extractGlimpse: size must be an int32 tensor of shape [2], got a float32 tensor of shape [2]',
    );
    s.dispose();
  });

  test('options and flags are checked, naming each', () => {
    const img = [[[[1]]]];
    expect(() => extractGlimpse(img, [1, 1], [[0, 0]], true, true, 'zero', {version: 3 as 1})).toThrow(
      'extractGlimpse: options.version must be 1 or 2, got 3',
    );
    expect(() => extractGlimpse(img, [1, 1], [[0, 0]], true, true, 'zero', {sed: 1} as object)).toThrow(
      'extractGlimpse: unknown option ["sed"]; known: version, uniformNoise, seed',
    );
    expect(() => extractGlimpse(img, [1, 1], [[0, 0]], true, true, 'zero', {seed: NaN})).toThrow(
      'extractGlimpse: options.seed must be a finite number, got NaN',
    );
    expect(() => extractGlimpse(img, [1, 1], [[0, 0]], 'yes' as unknown as boolean)).toThrow(
      'extractGlimpse: centered must be a boolean, got "yes"',
    );
  });

  test('disposed tensors are refused, naming the argument', () => {
    const image = tf.zeros([1, 2, 2, 1]) as tf.Tensor4D;
    image.dispose();
    expect(() => extractGlimpse(image, [1, 1], [[0, 0]])).toThrow('extractGlimpse: input is a disposed tensor');
  });

  test('kernels validate too, naming the kernel (for callers of runKernel)', () => {
    const image = tf.zeros([1, 2, 2, 1]);
    const offsets = tf.zeros([2, 2]);
    expect(() =>
      tf.engine().runKernel(ExtractGlimpseV2, {input: image, offsets}, {
        size: [1, 1],
        centered: true,
        normalized: true,
        uniformNoise: false,
        noise: 'zero',
      } as unknown as tf.NamedAttrMap),
    ).toThrow(/^ExtractGlimpseV2: offsets must have one row per image \(batch 1\), got shape \[2,2\]/);
    tf.dispose([image, offsets]);
  });

  test('registration is idempotent: a second registerAll neither warns nor replaces', () => {
    const kernel = tf.getKernel(ExtractGlimpseV2, 'cpu');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    registerAll();
    jest.isolateModules(() => {
      // A second copy of the package's modules, as a second bundle would bring.
      require('../src/register_all');
    });
    expect(warn).not.toHaveBeenCalled();
    expect(tf.getKernel(ExtractGlimpseV2, 'cpu')).toBe(kernel);
    warn.mockRestore();
  });
});
