/**
 * Hostile calls of the op, for every backend: jest runs them in Node, pages in Chromium
 * (bundled for them into `hostileCases`). Each case builds its arguments from `tf`; `runAll`
 * returns plain data per case name. What is expected of each result stands beside it:
 *   error: a pattern the message must match (naming the op, the argument and the value);
 *   value: a check of the output, by name, done in test/helpers/hostile_check.ts.
 * A case calls extractGlimpse with its arguments unless it says what else to `call` (the
 * sensor, a kernel directly, a gradient); `only` names the backends it is for.
 */
import type {DataType, Tensor} from '@tensorflow/tfjs-core';
import {callOp} from './golden_run';
import {messageOf, pluginOps, type Tf} from './page_tf';

export interface HostileCase {
  name: string;
  /** The op's arguments, built from `tf` (any of them may be what the op must refuse). */
  args: (tf: Tf) => unknown[];
  error?: string;
  value?: string;
  /** What to call with the arguments instead of extractGlimpse. */
  call?: (tf: Tf, args: unknown[]) => Tensor;
  /** The backends the case is for (default: every backend). */
  only?: string[];
}

export interface HostileResult {
  error?: string;
  shape?: number[];
  dtype?: string;
  values?: Array<number | string>;
  leakedTensors: number;
  leakedBytes: number;
  /** Data ids the backend holds after the call beyond those before (tf.memory() misses orphans). */
  leakedDataIds: number;
}

const img = (tf: Tf, shape: number[], dtype?: DataType): Tensor =>
  tf.tidy(() => tf.reshape(tf.cast(tf.range(1, shape.reduce((a, b) => a * b, 1) + 1), dtype || 'float32'), shape));
const zeroNoise = (tf: Tf, size: unknown, offsets: unknown, extra?: object): unknown[] => [
  img(tf, [1, 4, 5, 2]),
  size,
  offsets,
  false,
  false,
  'zero',
  extra || {},
];

const sensor = (tf: Tf, args: unknown[]) => (pluginOps(tf).glimpseSensor as (...a: unknown[]) => Tensor)(...args);
/** tf.engine().runKernel with the arguments `[kernel name, inputs, attrs]`, as converted graphs and tools call. */
const kernel = (tf: Tf, args: unknown[]) =>
  tf.engine().runKernel(args[0] as string, args[1] as Record<string, Tensor>, args[2] as {}) as Tensor;
const V2_ATTRS = {size: [1, 1], centered: true, normalized: true, uniformNoise: false, noise: 'zero'};
const GRAD_ATTRS = {inputShape: [1, 2, 2, 1], version: 2, centered: true, normalized: true};
const SENSOR_ATTRS = {size: [1, 1], scales: 1, scaleFactor: 2, centered: true, normalized: true};

/** Calls whose work or memory has no bound but the limits (docs/semantics.md, "Validation"). */
const UNBOUNDED: HostileCase[] = [
  {
    name: 'sensor noise blocks of 2^48 samples',
    call: sensor,
    args: tf => [
      tf.ones([1, 1, 1, 1]),
      [[0, 0]],
      {size: [1, 1], scales: 2, scaleFactor: 2 ** 24, padding: 'uniform', seed: 1},
    ],
    error:
      "glimpseSensor: output \\[1,1,2,1,1,1\\] .* 281474976710657 samples, more than the 33554432 allowed with 'unif",
  },
  {
    name: 'sensor edge blocks of 2^48 samples',
    call: sensor,
    args: tf => [tf.ones([1, 1, 1, 1]), [[0, 0]], {size: [1, 1], scales: 2, scaleFactor: 2 ** 24, padding: 'edge'}],
    error: 'glimpseSensor: .* averages 281474976710657 samples, more than the 2147483648 allowed;',
  },
  {
    name: 'sensor bilinear blocks of 2^48 samples',
    call: sensor,
    args: tf => [
      tf.ones([1, 1, 1, 1]),
      [[0, 0]],
      {size: [1, 1], scales: 2, scaleFactor: 2 ** 24, interpolation: 'bilinear', padding: 'gaussian', seed: 1},
    ],
    error: 'glimpseSensor: .* averages 281474976710657 samples',
  },
  {
    name: 'sensor of 10^8 scales',
    call: sensor,
    args: tf => [tf.ones([1, 28, 28, 1]), [[0, 0]], {size: [1, 1], scales: 1e8, scaleFactor: 1}],
    error: 'glimpseSensor: options.scales must be at most 32, got 100000000',
  },
  {
    name: 'wasm: an output of 4 GiB',
    only: ['wasm'],
    args: tf => [tf.ones([1, 28, 28, 1]), [32768, 32768], [[0, 0]], true, true, 'zero'],
    error: 'ExtractGlimpseV2: the output of shape \\[1,32768,32768,1\\] would take 4294967296 bytes, more than',
  },
  {
    name: 'wasm: an output of 3 GiB',
    only: ['wasm'],
    args: tf => [tf.ones([1, 10, 12, 3]), [16384, 16384], [[0, 0]], true, true, 'zero'],
    error: 'ExtractGlimpseV2: the output of shape \\[1,16384,16384,3\\] would take 3221225472 bytes, more than',
  },
  {
    name: 'a noise string of 1 MB is not quoted whole',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], [[0, 0]], true, true, 'x'.repeat(2 ** 20)],
    error: '^extractGlimpse: noise must be .*got "x{64}"\\.\\.\\. \\(1048576 characters\\)$',
  },
];

/** Kernels called directly check what the op would (docs/semantics.md, "Validation"). */
const DIRECT: HostileCase[] = [
  {
    name: 'kernel: a string input',
    call: kernel,
    args: tf => ['ExtractGlimpseV2', {input: tf.tensor(['a'], [1, 1, 1, 1]), offsets: tf.zeros([1, 2])}, V2_ATTRS],
    error: 'ExtractGlimpseV2: input must be a float32 or int32 tensor, got a string tensor',
  },
  {
    name: 'kernel: int32 offsets',
    call: kernel,
    args: tf => ['ExtractGlimpse', {input: tf.ones([1, 2, 2, 1]), offsets: tf.zeros([1, 2], 'int32')}, V2_ATTRS],
    error: 'ExtractGlimpse: offsets must be a float32 tensor, got a int32 tensor',
  },
  {
    name: 'kernel: centered missing',
    call: kernel,
    args: tf => [
      'ExtractGlimpseV2',
      {input: tf.ones([1, 2, 2, 1]), offsets: tf.zeros([1, 2])},
      {...V2_ATTRS, centered: undefined},
    ],
    error: 'ExtractGlimpseV2: attrs.centered must be a boolean, got undefined',
  },
  {
    name: 'kernel: normalized "yes"',
    call: kernel,
    args: tf => [
      'ExtractGlimpseV2',
      {input: tf.ones([1, 2, 2, 1]), offsets: tf.zeros([1, 2])},
      {...V2_ATTRS, normalized: 'yes'},
    ],
    error: 'ExtractGlimpseV2: attrs.normalized must be a boolean, got "yes"',
  },
  {
    name: 'kernel: seed NaN',
    call: kernel,
    args: tf => [
      'ExtractGlimpseV2',
      {input: tf.ones([1, 2, 2, 1]), offsets: tf.zeros([1, 2])},
      {...V2_ATTRS, noise: 'uniform', seed: NaN},
    ],
    error: 'ExtractGlimpseV2: attrs.seed must be a finite number, got NaN',
  },
  {
    name: 'kernel: uniformNoise missing',
    call: kernel,
    args: tf => [
      'ExtractGlimpseV2',
      {input: tf.ones([1, 2, 2, 1]), offsets: tf.zeros([1, 2])},
      {...V2_ATTRS, uniformNoise: undefined},
    ],
    error: 'ExtractGlimpseV2: uniformNoise must be a boolean, got undefined',
  },
  {
    name: 'kernel: backward with inputShape [1,-5,"x",1]',
    call: kernel,
    args: tf => [
      'ExtractGlimpseGrad',
      {dy: tf.ones([1, 1, 1, 1]), offsets: tf.zeros([1, 2])},
      {...GRAD_ATTRS, inputShape: [1, -5, 'x', 1]},
    ],
    error: 'ExtractGlimpseGrad: attrs.inputShape must be 4 non-negative integers .*got \\[1,-5,"x",1\\]',
  },
  {
    name: "kernel: backward whose dy does not match inputShape's channels",
    call: kernel,
    args: tf => ['ExtractGlimpseGrad', {dy: tf.ones([1, 1, 1, 3]), offsets: tf.zeros([1, 2])}, GRAD_ATTRS],
    error: 'ExtractGlimpseGrad: dy must have shape .* got \\[1,1,1,3\\]',
  },
  {
    name: 'kernel: backward version 3',
    call: kernel,
    args: tf => [
      'ExtractGlimpseGrad',
      {dy: tf.ones([1, 1, 1, 1]), offsets: tf.zeros([1, 2])},
      {...GRAD_ATTRS, version: 3},
    ],
    error: 'ExtractGlimpseGrad: attrs.version must be 1 or 2, got 3',
  },
  {
    name: 'kernel: sensor with string images',
    call: kernel,
    args: tf => [
      'GlimpseSensor',
      {images: tf.tensor(['a'], [1, 1, 1, 1]), locations: tf.zeros([1, 1, 2])},
      {...SENSOR_ATTRS, padding: 'zero', interpolation: 'nearest'},
    ],
    error: 'GlimpseSensor: images must be a float32 or int32 tensor, got a string tensor',
  },
  {
    name: 'kernel: sensor with padding "reflect"',
    call: kernel,
    args: tf => [
      'GlimpseSensor',
      {images: tf.ones([1, 2, 2, 1]), locations: tf.zeros([1, 1, 2])},
      {...SENSOR_ATTRS, padding: 'reflect'},
    ],
    error:
      "GlimpseSensor: options.padding must be 'zero', 'edge', 'reflection', 'uniform' or 'gaussian', got \"reflect\"",
  },
  {
    name: 'kernel: sensor backward with imagesShape [2,"x"]',
    call: kernel,
    args: tf => [
      'GlimpseSensorGrad',
      {dy: tf.ones([1, 1, 1, 1, 1, 1]), locations: tf.zeros([1, 1, 2])},
      {...SENSOR_ATTRS, padding: 'zero', interpolation: 'nearest', imagesShape: [2, 'x']},
    ],
    error: 'GlimpseSensorGrad: attrs.imagesShape must be 4 non-negative integers .*got \\[2,"x"\\]',
  },
];

export const CASES: HostileCase[] = [
  ...UNBOUNDED,
  ...DIRECT,
  // Sizes.
  {
    name: 'size negative',
    args: tf => zeroNoise(tf, [-1, 3], [[0, 0]]),
    error: 'extractGlimpse: size must hold 2 non-negative integers \\[height, width\\], got \\[-1,3\\]',
  },
  {
    name: 'size fractional',
    args: tf => zeroNoise(tf, [2.5, 3], [[0, 0]]),
    error: 'extractGlimpse: size .*got \\[2\\.5,3\\]',
  },
  {name: 'size NaN', args: tf => zeroNoise(tf, [NaN, 3], [[0, 0]]), error: 'extractGlimpse: size .*got \\[NaN,3\\]'},
  {
    name: 'size infinite',
    args: tf => zeroNoise(tf, [3, Infinity], [[0, 0]]),
    error: 'extractGlimpse: size .*got \\[3,Infinity\\]',
  },
  {
    name: 'size -Infinity',
    args: tf => zeroNoise(tf, [-Infinity, 1], [[0, 0]]),
    error: 'extractGlimpse: size .*got \\[-Infinity,1\\]',
  },
  {
    name: 'size 2^31',
    args: tf => zeroNoise(tf, [2 ** 31, 1], [[0, 0]]),
    error: 'extractGlimpse: size \\[2147483648,1\\] would make an output of shape \\[1,2147483648,1,2\\]',
  },
  {
    name: 'size larger than memory',
    args: tf => zeroNoise(tf, [1e5, 1e5], [[0, 0]]),
    error: 'extractGlimpse: size \\[100000,100000\\] would make an output',
  },
  {name: 'size not an array', args: tf => zeroNoise(tf, 3, [[0, 0]]), error: 'extractGlimpse: size .*got 3'},
  {
    name: 'size strings',
    args: tf => zeroNoise(tf, ['3', '3'], [[0, 0]]),
    error: 'extractGlimpse: size .*got \\["3","3"\\]',
  },
  {
    name: 'size float tensor',
    args: tf => zeroNoise(tf, tf.tensor1d([2, 2]), [[0, 0]]),
    error: 'extractGlimpse: size must be an int32 tensor of shape \\[2\\], got a float32 tensor of shape \\[2\\]',
  },
  {
    name: 'size int32 tensor of 3',
    args: tf => zeroNoise(tf, tf.tensor1d([2, 2, 2], 'int32'), [[0, 0]]),
    error: 'extractGlimpse: size must be an int32 tensor of shape \\[2\\], got a int32 tensor of shape \\[3\\]',
  },
  // Ranks and shapes.
  {
    name: 'input rank 3',
    args: tf => [img(tf, [4, 5, 2]), [2, 2], [[0, 0]]],
    error: 'extractGlimpse: input must be rank 4 .*got shape \\[4,5,2\\]',
  },
  {
    name: 'input rank 5',
    args: tf => [img(tf, [1, 1, 4, 5, 2]), [2, 2], [[0, 0]]],
    error: 'extractGlimpse: input must be rank 4 .*got shape \\[1,1,4,5,2\\]',
  },
  {
    name: 'offsets rank 1',
    args: tf => zeroNoise(tf, [2, 2], [0, 0]),
    error: 'extractGlimpse: offsets must be rank 2 \\[batch, 2\\], got shape \\[2\\]',
  },
  {
    name: 'offsets rank 3',
    args: tf => zeroNoise(tf, [2, 2], [[[0, 0]]]),
    error: 'extractGlimpse: offsets must be rank 2 \\[batch, 2\\], got shape \\[1,1,2\\]',
  },
  {
    name: 'offsets [batch, 3]',
    args: tf => zeroNoise(tf, [2, 2], [[0, 0, 0]]),
    error: 'extractGlimpse: offsets must hold 2 values \\(y, x\\) per image, got shape \\[1,3\\]',
  },
  {
    name: 'offsets batch mismatch',
    args: tf =>
      zeroNoise(
        tf,
        [2, 2],
        [
          [0, 0],
          [1, 1],
        ],
      ),
    error: 'extractGlimpse: offsets must have one row per image \\(batch 1\\), got shape \\[2,2\\]',
  },
  {
    name: 'offsets empty for batch 1',
    args: tf => zeroNoise(tf, [2, 2], tf.zeros([0, 2])),
    error: 'extractGlimpse: offsets must have one row per image \\(batch 1\\), got shape \\[0,2\\]',
  },
  // Dtypes.
  {
    name: 'string input',
    args: tf => [tf.tensor(['a'], [1, 1, 1, 1], 'string'), [1, 1], [[0, 0]]],
    error: 'extractGlimpse: input must be a float32 \\(or int32\\) tensor, got a string tensor',
  },
  {
    name: 'bool input',
    args: tf => [tf.tensor([true], [1, 1, 1, 1], 'bool'), [1, 1], [[0, 0]]],
    error: 'extractGlimpse: input must be a float32 \\(or int32\\) tensor, got a bool tensor',
  },
  {
    name: 'bool offsets',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], tf.tensor([[true, false]], [1, 2], 'bool')],
    error: 'extractGlimpse: offsets must be a float32 \\(or int32\\) tensor, got a bool tensor',
  },
  {
    name: 'null input',
    args: tf => [null, [1, 1], [[0, 0]]],
    error: 'extractGlimpse: input must be a Tensor, a TypedArray or nested arrays of numbers, got null',
  },
  {
    name: 'string offsets',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], 'zero'],
    error: 'extractGlimpse: offsets must be a Tensor, a TypedArray or nested arrays of numbers, got string',
  },
  {
    name: 'ragged offsets',
    args: tf => [img(tf, [2, 2, 2, 1]), [1, 1], [[0, 0], [0]]],
    error:
      'extractGlimpse: offsets must be a rectangular array of numbers, ' +
      'but offsets\\[1\\] has length 1 where offsets\\[0\\] has length 2',
  },
  {
    name: 'non-numeric offsets',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], [[0, '1']]],
    error: 'extractGlimpse: offsets must hold only numbers, but offsets\\[0\\]\\[1\\] is "1"',
  },
  {
    name: 'ragged input',
    args: tf => [[[[[1], [2]], [[3]]]], [1, 1], [[0, 0]]],
    error:
      'extractGlimpse: input must be a rectangular array of numbers, ' +
      'but input\\[0\\]\\[1\\] has length 1 where input\\[0\\]\\[0\\] has length 2',
  },
  {
    name: 'int32 input is cast',
    args: tf => [img(tf, [1, 2, 3, 1], 'int32'), [2, 2], [[0, 1]], false, false, 'zero'],
    value: 'int32 cast',
  },
  {
    name: 'int32 offsets are cast',
    args: tf => [img(tf, [1, 2, 3, 1]), [2, 2], tf.tensor2d([[0, 1]], [1, 2], 'int32'), false, false, 'zero'],
    value: 'int32 cast',
  },
  // Disposed tensors.
  {
    name: 'disposed input',
    args: tf => {
      const x = img(tf, [1, 2, 2, 1]);
      x.dispose();
      return [x, [1, 1], [[0, 0]]];
    },
    error: 'extractGlimpse: input is a disposed tensor',
  },
  {
    name: 'disposed offsets',
    args: tf => {
      const o = tf.zeros([1, 2]);
      o.dispose();
      return [img(tf, [1, 2, 2, 1]), [1, 1], o];
    },
    error: 'extractGlimpse: offsets is a disposed tensor',
  },
  {
    name: 'disposed size',
    args: tf => {
      const s = tf.tensor1d([1, 1], 'int32');
      s.dispose();
      return [img(tf, [1, 2, 2, 1]), s, [[0, 0]]];
    },
    error: 'extractGlimpse: size is a disposed tensor',
  },
  // Offsets no pixel can reach: all noise (zero here), never a crash or a wild read.
  ...[
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['2^31', 2 ** 31],
    ['-2^31', -(2 ** 31)],
    ['2^63', 2 ** 63],
    ['-2^63', -(2 ** 63)],
    ['1e30', 1e30],
    ['-3e38', -3e38],
  ].flatMap(([label, v]): HostileCase[] => [
    {name: `offset y ${label}`, args: tf => zeroNoise(tf, [3, 3], [[v, 0]]), value: 'all zero'},
    {
      name: `offset x ${label}, normalized and centered`,
      args: tf => [img(tf, [1, 4, 5, 2]), [3, 3], [[0, v]], true, true, 'zero'],
      value: 'all zero',
    },
    {
      name: `offset ${label} with uniform noise`,
      args: tf => [img(tf, [1, 4, 5, 2]), [3, 3], [[v, v]], true, true, 'uniform', {seed: 3}],
      value: 'uniform within image',
    },
  ]),
  // Images holding NaN and infinities: copied faithfully; their noise is 0.
  {
    name: 'NaN and Inf pixels copied',
    args: tf => [
      tf.tensor4d([NaN, Infinity, -Infinity, -0, 1, 2], [1, 2, 3, 1]),
      [2, 3],
      [[0, 0]],
      false,
      false,
      'zero',
    ],
    value: 'special pixels copied',
  },
  {
    name: 'NaN image, uniform noise is 0',
    args: tf => [tf.tensor4d([NaN, 1, 2, 3], [1, 2, 2, 1]), [3, 3], [[0, 0]], false, false, 'uniform', {seed: 1}],
    value: 'copies and zero noise',
  },
  {
    name: 'Inf image, gaussian noise is 0',
    args: tf => [tf.tensor4d([Infinity, 1, 2, 3], [1, 2, 2, 1]), [3, 3], [[0, 0]], false, false, 'gaussian', {seed: 1}],
    value: 'copies and zero noise',
  },
  {
    name: 'one NaN channel, the other keeps its noise',
    args: tf => [
      tf.tensor4d([NaN, 1, 2, 3, 4, 5, 6, 7], [1, 2, 2, 2]),
      [3, 3],
      [[0, 0]],
      false,
      false,
      'gaussian',
      {seed: 1},
    ],
    value: 'channel 0 zero noise, channel 1 in range',
  },
  // Empty tensors in every position.
  {name: 'empty batch', args: tf => [tf.zeros([0, 4, 5, 2]), [3, 3], tf.zeros([0, 2])], value: 'empty [0,3,3,2]'},
  {name: 'empty glimpse height', args: tf => zeroNoise(tf, [0, 3], [[0, 0]]), value: 'empty [1,0,3,2]'},
  {name: 'empty glimpse', args: tf => zeroNoise(tf, [0, 0], [[0, 0]]), value: 'empty [1,0,0,2]'},
  {name: 'empty channels', args: tf => [tf.zeros([1, 4, 5, 0]), [3, 3], [[0, 0]]], value: 'empty [1,3,3,0]'},
  {
    name: 'empty image, empty glimpse',
    args: tf => [tf.zeros([1, 0, 5, 2]), [0, 2], [[0, 0]]],
    value: 'empty [1,0,2,2]',
  },
  {
    name: 'empty image, non-empty glimpse',
    args: tf => [tf.zeros([1, 0, 5, 2]), [2, 2], [[0, 0]]],
    error:
      'extractGlimpse: input has an empty image \\(shape \\[1,0,5,2\\]\\) ' +
      'but the glimpse size \\[2,2\\] is not empty',
  },
  // Strings and options.
  {
    name: 'noise in the wrong case',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], [[0, 0]], true, true, 'Uniform'],
    error: "extractGlimpse: noise must be 'uniform', 'gaussian', 'zero' or '' \\(case-sensitive\\), got \"Uniform\"",
  },
  {
    name: 'noise not a string',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], [[0, 0]], true, true, 5],
    error: 'extractGlimpse: noise must be .*got 5',
  },
  {
    name: 'uniformNoise with zero noise',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], [[0, 0]], true, true, 'zero', {uniformNoise: true}],
    error: 'extractGlimpse: uniformNoise=true cannot be combined with noise="zero"',
  },
  {
    name: 'unknown option',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], [[0, 0]], true, true, 'zero', {sed: 1}],
    error: 'extractGlimpse: unknown option \\["sed"\\]',
  },
  {
    name: 'options not an object',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], [[0, 0]], true, true, 'zero', 'fast'],
    error: 'extractGlimpse: options must be an object, got "fast"',
  },
  {
    name: 'version as a string',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], [[0, 0]], true, true, 'zero', {version: '2'}],
    error: 'extractGlimpse: options.version must be 1 or 2, got "2"',
  },
  {
    name: 'seed infinite',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], [[0, 0]], true, true, 'zero', {seed: Infinity}],
    error: 'extractGlimpse: options.seed must be a finite number, got Infinity',
  },
  {
    name: 'centered not a boolean',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], [[0, 0]], 1],
    error: 'extractGlimpse: centered must be a boolean, got 1',
  },
  {
    name: 'normalized not a boolean',
    args: tf => [img(tf, [1, 2, 2, 1]), [1, 1], [[0, 0]], true, 'false'],
    error: 'extractGlimpse: normalized must be a boolean, got "false"',
  },
];

function encode(v: number): number | string {
  return Number.isNaN(v)
    ? 'NaN'
    : v === Infinity
      ? 'Infinity'
      : v === -Infinity
        ? '-Infinity'
        : Object.is(v, -0)
          ? '-0'
          : v;
}

/** The cases for one backend. */
export const casesFor = (backend: string): HostileCase[] =>
  CASES.filter(c => c.only === undefined || c.only.includes(backend));

/** Every tensor among a case's arguments, one level into objects (a kernel's inputs). */
function tensorsIn(tf: Tf, args: unknown[]): Tensor[] {
  return args.flatMap(a =>
    a instanceof tf.Tensor
      ? [a]
      : a && typeof a === 'object'
        ? Object.values(a).filter(v => v instanceof tf.Tensor)
        : [],
  ) as Tensor[];
}

/** Runs one case on the current backend: {error} or {shape, dtype, values}, plus leak counts. */
export async function runOne(tf: Tf, c: HostileCase): Promise<HostileResult> {
  const before = tf.memory();
  const idsBefore = tf.engine().backend.numDataIds();
  let result: Omit<HostileResult, 'leakedTensors' | 'leakedBytes' | 'leakedDataIds'>;
  let args: unknown[] = [];
  try {
    args = c.args(tf);
    const out = (c.call ?? callOp)(tf, args);
    result = {shape: out.shape, dtype: out.dtype, values: Array.from(await out.data()).map(encode)};
    out.dispose();
  } catch (e) {
    result = {error: messageOf(e)};
  }
  tensorsIn(tf, args).forEach(a => {
    if (!a.isDisposed) a.dispose();
  });
  const after = tf.memory();
  return {
    ...result,
    leakedTensors: after.numTensors - before.numTensors,
    leakedBytes: after.numBytes - before.numBytes,
    leakedDataIds: tf.engine().backend.numDataIds() - idsBefore,
  };
}

/** Runs every case for the current backend, by name. */
export async function runAll(tf: Tf): Promise<Record<string, HostileResult>> {
  const results: Record<string, HostileResult> = {};
  for (const c of casesFor(tf.getBackend())) results[c.name] = await runOne(tf, c);
  return results;
}
