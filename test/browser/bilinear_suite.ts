/**
 * Bilinear glimpses in Chromium on a GPU backend (docs/semantics.md, "Bilinear glimpses"): a
 * table of glimpseSensor and extractGlimpse calls at fractional corners (every padding, V1
 * and V2 placements, 1 to 3 scales, windows inside, across borders, outside and unreachable)
 * run in the page and compared in Node with cpu, which the Node suites check against a
 * composite of tfjs ops: the forward, the slopes along y and x that make the locations'
 * gradient, and d images. Integer corners must give the page's own nearest glimpse bit for bit.
 */
import {tf} from '../helpers/backends';
import {SENSOR_IMAGE_MAX_ABS, sensorImage} from '../helpers/sensor_reference';
import type {BrowserSession} from './golden_suite';

type Padding = 'zero' | 'edge' | 'uniform' | 'gaussian';

interface BilinearCase {
  name: string;
  /** 'sensor': glimpseSensor; 'glimpse': extractGlimpse (version 1 or 2), run as a one-scale sensor. */
  op: 'sensor' | 'glimpse';
  locations: number[][][];
  options: {
    size: [number, number];
    scales: number;
    scaleFactor: number;
    centered: boolean;
    normalized: boolean;
    padding: Padding;
    interpolation: 'bilinear';
    seed: number;
    version?: 1 | 2;
  };
}

const SHAPE: [number, number, number, number] = [2, 10, 12, 2];
const IMAGE = Array.from(sensorImage(SHAPE, 31));
const MAX_ABS = SENSOR_IMAGE_MAX_ABS;

/** Normalized spots: fractional corners inside, across a border, outside, unreachable. */
const SPOTS = [
  [0.13, -0.21],
  [-0.88, 0.77],
  [0.41, 0.05],
  [2.5, -3.1],
  [NaN, 0.2],
];

function table(): BilinearCase[] {
  const out: BilinearCase[] = [];
  let k = 0;
  for (const padding of ['zero', 'edge', 'uniform', 'gaussian'] as const) {
    for (const [scales, scaleFactor, n, centered, normalized] of [
      [1, 2, 1, true, true],
      [3, 2, 2, true, true],
      [2, 3, 1, false, true],
      [2, 2, 3, true, false],
    ] as const) {
      const pixels = normalized ? 1 : 5;
      const locations = [0, 1].map(b =>
        Array.from({length: n}, (_, l) => SPOTS[(b * 2 + l + k) % SPOTS.length].map(v => v * pixels)),
      );
      const options = {size: [3, 2] as [number, number], scales, scaleFactor, centered, normalized, padding};
      out.push({
        name: `sensor.${padding}.k${scales}f${scaleFactor}n${n}.c${+centered}n${+normalized}`,
        op: 'sensor',
        locations,
        options: {...options, interpolation: 'bilinear', seed: 7},
      });
      k++;
    }
    if (padding === 'edge') continue;
    for (const version of [1, 2] as const) {
      out.push({
        name: `glimpse.V${version}.${padding}`,
        op: 'glimpse',
        locations: [[SPOTS[k % 4]], [SPOTS[(k + 1) % 4]]],
        options: {
          size: [4, 3],
          scales: 1,
          scaleFactor: 1,
          centered: true,
          normalized: true,
          padding,
          interpolation: 'bilinear',
          seed: 7,
          version,
        },
      });
      k++;
    }
  }
  return out;
}

const CASES = table();

interface Result {
  shape: number[];
  values: number[];
  slopeY: number[];
  slopeX: number[];
  grad: number[];
}

/** The kernels' attrs for a case (extractGlimpse's calls run the sensor kernel with its version). */
const attrsOf = (c: BilinearCase) => c.options;

/** cpu in Node: the forward, both slopes and d images, through the kernels the op and its gradient run. */
function cpuRun(c: BilinearCase, dy: number[]): Result {
  return tf.tidy(() => {
    const images = tf.tensor4d(IMAGE, SHAPE);
    const locations = tf.tensor3d(c.locations);
    const run = (name: string, extra: object, inputs: object) =>
      Array.from(
        (tf.engine().runKernel(name, inputs as never, {...attrsOf(c), ...extra} as never) as tf.Tensor).dataSync(),
      );
    const out = tf.engine().runKernel('GlimpseSensor', {images, locations}, attrsOf(c) as never) as tf.Tensor;
    return {
      shape: out.shape,
      values: Array.from(out.dataSync()),
      slopeY: run('GlimpseSensorSlope', {axis: 'y'}, {images, locations}),
      slopeX: run('GlimpseSensorSlope', {axis: 'x'}, {images, locations}),
      grad: run('GlimpseSensorGrad', {imagesShape: SHAPE}, {dy: tf.tensor(dy, out.shape), locations}),
    };
  });
}

/**
 * What differs from cpu: values within float32 weights and sums (s*s + 8 units of 2^-23 of the
 * largest |pixel|, twice that for slopes, which take differences); gaussian draws as the
 * other suites allow (1e-3 of the image's range); without the cpu's random bits only bounds.
 */
function compare(c: BilinearCase, got: Result, want: Result, sameBits: boolean): string[] {
  const findings: string[] = [];
  if (got.shape.join() !== want.shape.join()) return [`shape ${got.shape}, want ${want.shape}`];
  const noisy = c.options.padding === 'uniform' || c.options.padding === 'gaussian';
  if (noisy && !sameBits) return [];
  const [, , k, h, w, C] = want.shape;
  const gaussian = c.options.padding === 'gaussian' ? 1e-3 * 2 * MAX_ABS : 0;
  for (const key of ['values', 'slopeY', 'slopeX'] as const) {
    for (let i = 0; i < want[key].length && findings.length < 3; i++) {
      const s = c.options.scaleFactor ** (Math.floor(i / (h * w * C)) % k);
      const bound = (key === 'values' ? 1 : 2) * (s * s + 8) * 2 ** -23 * MAX_ABS + gaussian;
      if (!(Math.abs(got[key][i] - want[key][i]) <= bound)) {
        findings.push(`${key} at ${i}: ${got[key][i]}, want ${want[key][i]} within ${bound}`);
      }
    }
  }
  return findings;
}

export function defineBilinearSuite(label: string, session: BrowserSession, sameBits: boolean): void {
  describe(`bilinear glimpses in Chromium [${label}]`, () => {
    let results: Result[] = [];
    let wants: Result[] = [];
    let gradBounds: number[][] = [];
    let integerCorners = {nearest: [] as number[], bilinear: [] as number[]};
    let leaked = -1;
    beforeAll(async () => {
      await tf.setBackend('cpu');
      const shapes = CASES.map(c => {
        const [h, w] = c.options.size;
        return [2, c.locations[0].length, c.options.scales, h, w, SHAPE[3]];
      });
      const dys = shapes.map(shape => Array.from(sensorImage(shape, 5)));
      wants = CASES.map((c, i) => cpuRun(c, dys[i]));
      // d images sums at most 4 neighbours x s^2 samples x n x k windows of |dy|: bound each by its magnitude.
      gradBounds = CASES.map((c, i) => cpuRun(c, dys[i].map(Math.abs)).grad.map(v => 2 ** -18 * v));
      const page = session.tfPage!.page;
      const run = await page.evaluate(
        async (arg: {image: number[]; shape: number[]; cases: BilinearCase[]; dys: number[][]}) => {
          const t = (window as any).tf;
          const before = t.memory().numTensors;
          const images = t.tensor4d(arg.image, arg.shape);
          const read = async (x: any) => {
            const values: number[] = Array.from(await x.data());
            x.dispose();
            return values;
          };
          const out = [];
          for (let i = 0; i < arg.cases.length; i++) {
            const c = arg.cases[i];
            const locations = t.tensor3d(c.locations);
            const kernel = (name: string, inputs: object, extra: object) =>
              t.engine().runKernel(name, inputs, {...c.options, ...extra});
            const first = kernel('GlimpseSensor', {images, locations}, {});
            const shape = first.shape;
            const dy = t.tensor(arg.dys[i], shape);
            out.push({
              shape,
              values: await read(first),
              slopeY: await read(kernel('GlimpseSensorSlope', {images, locations}, {axis: 'y'})),
              slopeX: await read(kernel('GlimpseSensorSlope', {images, locations}, {axis: 'x'})),
              grad: await read(kernel('GlimpseSensorGrad', {dy, locations}, {imagesShape: arg.shape})),
            });
            t.dispose([locations, dy]);
          }
          // Integer corners (pixel offsets, not centered): the op's bilinear glimpse is its nearest one.
          const offsets = t.tensor2d([
            [2, -1],
            [-3, 8],
          ]);
          const glimpse = (interpolation: string) =>
            t.image.extractGlimpse(images, [4, 5], offsets, false, false, 'uniform', {seed: 3, interpolation});
          const bits = async (x: any) => Array.from(new Uint32Array(new Float32Array(await read(x)).buffer));
          const integerCorners = {nearest: await bits(glimpse('nearest')), bilinear: await bits(glimpse('bilinear'))};
          t.dispose([images, offsets]);
          return {out, integerCorners, leaked: t.memory().numTensors - before};
        },
        {image: IMAGE, shape: SHAPE, cases: CASES, dys},
      );
      results = run.out;
      integerCorners = run.integerCorners;
      leaked = run.leaked;
    }, 300000);

    test.each(CASES.map((c, i) => [c.name, i] as const))('%s: forward and slopes as cpu', (_n, i) => {
      expect(compare(CASES[i], results[i], wants[i], sameBits)).toEqual([]);
    });

    test.each(CASES.map((c, i) => [c.name, i] as const))('%s: d images as cpu', (_n, i) => {
      const got = results[i].grad;
      const want = wants[i].grad;
      const off = got.flatMap((v, j) =>
        Math.abs(v - want[j]) <= gradBounds[i][j] + 1e-30 ? [] : [`${j}: ${v} vs ${want[j]}`],
      );
      expect(off.slice(0, 3)).toEqual([]);
    });

    test('integer corners: bilinear is the nearest glimpse bit for bit', () => {
      expect(integerCorners.bilinear.length).toBe(2 * 4 * 5 * SHAPE[3]);
      expect(integerCorners.bilinear).toEqual(integerCorners.nearest);
    });

    test('no tensor left behind', () => {
      expect(leaked).toBe(0);
    });
  });
}
