/**
 * The glimpse sensor in Chromium on a GPU backend: a table of calls (every padding, every
 * centered/normalized pair, 1 to 4 scales of factor 1 to 3, 1 to 4 locations, windows
 * inside, partial, outside, far outside and unreachable, 1 and 3 channels, batch 2) run in
 * the page through the UMD bundle and compared in Node with cpu; the backward kernel against
 * cpu's; no leak, no readback, no program compiled per call.
 */
import {glimpseSensor} from '../../src';
import {tf} from '../helpers/backends';
import {SENSOR_IMAGE_MAX_ABS, SENSOR_SPOTS, sensorImage} from '../helpers/sensor_reference';
import type {BrowserSession} from './golden_suite';

type Padding = 'zero' | 'edge' | 'uniform' | 'gaussian';

interface SensorOptions {
  size: [number, number];
  scales: number;
  scaleFactor: number;
  centered: boolean;
  normalized: boolean;
  padding: Padding;
}

interface TableCase {
  name: string;
  /** Index into IMAGES. */
  image: number;
  locations: number[][][];
  options: SensorOptions;
}

interface PageResult {
  shape: number[];
  bits: number[];
  /** Noise paddings: the same seed again, and another seed. */
  again?: number[];
  other?: number[];
  /** d images from the backward kernel, and (some cases) through tf.grad. */
  grad: number[];
  viaGrad?: number[];
}

const IMAGE_SHAPES: Array<[number, number, number, number]> = [
  [2, 13, 17, 3],
  [2, 9, 7, 1],
];
const IMAGES = IMAGE_SHAPES.map((shape, i) => ({shape, values: Array.from(sensorImage(shape, 7 + i))}));
const MAX_ABS = SENSOR_IMAGE_MAX_ABS;
const SEED = 21;
const OTHER_SEED = 22;

/**
 * The shared spots, then: inside, far outside (found: past 2^31 pixels, or past 2^24; edge
 * padding clamps them), infinite.
 */
const SPOTS = [...SENSOR_SPOTS, [0.6, 0.1], [2e9, -1e9], [0, Infinity], [-3e7, 0.5]];

/** [scales, scaleFactor, locations per image]. */
const CONFIGS = [
  [1, 2, 1],
  [2, 2, 2],
  [3, 2, 1],
  [4, 2, 3],
  [2, 3, 4],
  [3, 1, 2],
  [3, 3, 1],
];
const SIZES: Array<[number, number]> = [
  [3, 4],
  [2, 2],
  [5, 3],
];

function table(): TableCase[] {
  const out: TableCase[] = [];
  let k = 0;
  for (const padding of ['zero', 'edge', 'uniform', 'gaussian'] as const) {
    for (const [centered, normalized] of [
      [true, true],
      [false, true],
      [true, false],
      [false, false],
    ]) {
      for (const [scales, scaleFactor, n] of CONFIGS) {
        const pixels = normalized ? 1 : 6;
        const locations = [0, 1].map(b =>
          Array.from({length: n}, (_, l) => SPOTS[(b * 3 + l + k) % SPOTS.length].map(v => v * pixels)),
        );
        const size = SIZES[k % SIZES.length];
        const image = k % 2;
        const options = {size, scales, scaleFactor, centered, normalized, padding};
        out.push({
          name: `${padding}.c${+centered}n${+normalized}.k${scales}f${scaleFactor}n${n}.i${image}.${k}`,
          image,
          locations,
          options,
        });
        k++;
      }
    }
  }
  return out;
}

const SENSOR_CASES = table();

const bitsOf = (values: ArrayLike<number>) => Array.from(new Uint32Array(Float32Array.from(values).buffer));
const valueOf = (bits: number[]) => Array.from(new Float32Array(Uint32Array.from(bits).buffer));

interface CpuResult {
  shape: number[];
  values: number[];
  other?: number[];
  grad: number[];
  /** d images of |dy|: the sum of the magnitudes each gradient value adds up. */
  gradSize: number[];
  /** How many samples each d images value sums. */
  gradTerms: number[];
}

/** cpu in Node: the forward (with SEED and OTHER_SEED for noise) and the backward kernel. */
function cpuRun(c: TableCase): CpuResult {
  return tf.tidy(() => {
    const images = tf.tensor4d(IMAGES[c.image].values, IMAGE_SHAPES[c.image]);
    const noisy = c.options.padding === 'uniform' || c.options.padding === 'gaussian';
    const out = glimpseSensor(images, c.locations, {...c.options, ...(noisy ? {seed: SEED} : {})});
    const other = noisy ? glimpseSensor(images, c.locations, {...c.options, seed: OTHER_SEED}) : undefined;
    const dy = tf.tensor(sensorImage(out.shape, 3), out.shape);
    const at = positions(out.shape);
    // dy = s^2 at each scale: every sample adds 1, so d images counts the samples summed.
    const perSample = tf.tensor(
      Array.from({length: out.size}, (_, i) => c.options.scaleFactor ** (2 * at(i).scale)),
      out.shape,
    );
    const locations = tf.tensor3d(c.locations);
    const backward = (x: tf.Tensor) =>
      Array.from(
        (
          tf.engine().runKernel('GlimpseSensorGrad', {dy: x, locations}, {
            ...c.options,
            imagesShape: images.shape,
          } as never) as tf.Tensor
        ).dataSync(),
      );
    return {
      shape: out.shape,
      values: Array.from(out.dataSync()),
      other: other ? Array.from(other.dataSync()) : undefined,
      grad: backward(dy),
      gradSize: backward(tf.abs(dy)),
      gradTerms: backward(perSample),
    };
  });
}

/** Per output value: its image, channel and scale. */
function positions(shape: number[]) {
  const [, n, k, h, w, C] = shape;
  return (i: number) => ({
    b: Math.floor(i / (n * k * h * w * C)),
    c: i % C,
    scale: Math.floor(i / (h * w * C)) % k,
  });
}

/** [min, max] of image b (uniform) or of its channel c (gaussian). */
function bounds(c: TableCase) {
  const [, H, W, C] = IMAGE_SHAPES[c.image];
  const values = IMAGES[c.image].values;
  return (b: number, ch: number | null): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let p = 0; p < H * W * C; p++) {
      if (ch !== null && p % C !== ch) continue;
      const v = values[b * H * W * C + p];
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return [lo, hi];
  };
}

/** The float32 block sum's bound (docs/semantics.md): s*s units of 2^-23 of the largest sample. */
const sumBound = (s: number) => s * s * 2 ** -23 * MAX_ABS;

/**
 * What differs from cpu ([] when nothing). Zero, edge and uniform padding: scale 0 bit for bit,
 * other scales within the block sum's bound. `sameBits`: the backend draws cpu's random bits
 * (all but WebGL1); otherwise noise is only checked against its bounds and its seed.
 */
function compareForward(c: TableCase, r: PageResult, want: CpuResult, sameBits: boolean): string[] {
  const findings: string[] = [];
  if (r.shape.join() !== want.shape.join()) return [`shape ${r.shape}, want ${want.shape}`];
  const got = valueOf(r.bits);
  const wantBits = bitsOf(want.values);
  const at = positions(r.shape);
  const range = bounds(c);
  const {padding, scaleFactor} = c.options;
  const noisy = padding === 'uniform' || padding === 'gaussian';
  for (let i = 0; i < got.length && findings.length < 3; i++) {
    const {b, c: ch, scale} = at(i);
    const s = scaleFactor ** scale;
    const [lo, hi] = range(b, padding === 'gaussian' ? ch : null);
    if (noisy && !(got[i] >= lo && got[i] <= hi)) findings.push(`at ${i}: ${got[i]} outside [${lo}, ${hi}]`);
    if (noisy && !sameBits) continue;
    if (s === 1 && padding !== 'gaussian') {
      if (r.bits[i] !== wantBits[i]) findings.push(`at ${i} (scale 0): ${got[i]}, want ${want.values[i]} bit for bit`);
      continue;
    }
    // Gaussian draws: float32 log and cos, within 1e-3 of the channel's range (docs/semantics.md).
    const bound = sumBound(s) + (padding === 'gaussian' ? 1e-3 * (hi - lo) : 0);
    if (!(Math.abs(got[i] - want.values[i]) <= bound))
      findings.push(`at ${i} (block ${s}): ${got[i]}, want ${want.values[i]} within ${bound}`);
  }
  if (noisy) {
    if (r.again!.join() !== r.bits.join()) findings.push('the same seed gave other values');
    const cpuDiffers = want.other!.some((v, i) => v !== want.values[i]);
    if (cpuDiffers && r.other!.join() === r.bits.join()) findings.push('another seed gave the same values');
  }
  return findings;
}

/**
 * d images within the float32 bound of a sum of N terms, on either side: 2 N units of 2^-24
 * of the magnitudes summed, doubled for the division and the GPU's product by the sample count
 * (the cpu adds a border pixel's clamped samples one by one, the GPU multiplies).
 */
function compareGrad(r: PageResult, want: CpuResult): string[] {
  const got = valueOf(r.grad);
  const findings: string[] = [];
  if (got.length !== want.grad.length) return [`length ${got.length}, want ${want.grad.length}`];
  for (let i = 0; i < got.length && findings.length < 3; i++) {
    const bound = 2 ** -22 * Math.max(1, want.gradTerms[i]) * want.gradSize[i];
    if (!(Math.abs(got[i] - want.grad[i]) <= bound)) {
      findings.push(`d images at ${i}: ${got[i]}, want ${want.grad[i]} within ${bound}`);
    }
  }
  return findings;
}

interface PageArg {
  images: typeof IMAGES;
  cases: TableCase[];
  dys: number[][];
  seed: number;
  otherSeed: number;
}

export function defineSensorSuite(label: string, session: BrowserSession, sameBits: boolean): void {
  describe(`glimpse sensor in Chromium [${label}]`, () => {
    let results: PageResult[] = [];
    let wants: CpuResult[] = [];
    let leaked = -1;
    beforeAll(async () => {
      await tf.setBackend('cpu');
      wants = SENSOR_CASES.map(cpuRun);
      const dys = wants.map(w => Array.from(sensorImage(w.shape, 3)));
      const page = session.tfPage!.page;
      const run = await page.evaluate(
        async (arg: PageArg) => {
          const t = (window as any).tf;
          const before = t.memory().numTensors;
          const images = arg.images.map(im => t.tensor4d(im.values, im.shape));
          const bits = async (x: any) => {
            const values = await x.data();
            x.dispose();
            return Array.from(new Uint32Array(new Float32Array(values).buffer));
          };
          const out = [];
          for (let i = 0; i < arg.cases.length; i++) {
            const c = arg.cases[i];
            const image = images[c.image];
            const where = t.tensor3d(c.locations);
            const noisy = c.options.padding === 'uniform' || c.options.padding === 'gaussian';
            const options = noisy ? {...c.options, seed: arg.seed} : c.options;
            const first = t.image.glimpseSensor(image, where, options);
            const r: any = {shape: first.shape, bits: await bits(first)};
            if (noisy) {
              r.again = await bits(t.image.glimpseSensor(image, where, options));
              r.other = await bits(t.image.glimpseSensor(image, where, {...c.options, seed: arg.otherSeed}));
            }
            const dy = t.tensor(arg.dys[i], r.shape);
            const attrs = {...c.options, imagesShape: image.shape};
            r.grad = await bits(t.engine().runKernel('GlimpseSensorGrad', {dy, locations: where}, attrs));
            // The op's gradient runs the same kernel (the page registers no gradient of other ops).
            if (i % 4 === 0)
              r.viaGrad = await bits(t.grad((x: any) => t.image.glimpseSensor(x, where, options))(image, dy));
            t.dispose([where, dy]);
            out.push(r);
          }
          t.dispose(images);
          return {out, leaked: t.memory().numTensors - before};
        },
        {images: IMAGES, cases: SENSOR_CASES, dys, seed: SEED, otherSeed: OTHER_SEED},
      );
      results = run.out;
      leaked = run.leaked;
    }, 300000);

    test.each(SENSOR_CASES.map((c, i) => [c.name, i] as const))('%s: forward as cpu', (_n, i) => {
      expect(compareForward(SENSOR_CASES[i], results[i], wants[i], sameBits)).toEqual([]);
    });

    test.each(SENSOR_CASES.map((c, i) => [c.name, i] as const))('%s: d images as cpu', (_n, i) => {
      expect(compareGrad(results[i], wants[i])).toEqual([]);
      if (results[i].viaGrad) expect(results[i].viaGrad).toEqual(results[i].grad);
    });

    test('no tensor left behind over the whole table', () => {
      expect(leaked).toBe(0);
    });

    test('repeated calls of the same shapes: no new program, memory flat, nothing read back', async () => {
      const r = await session.tfPage!.page.evaluate(() => {
        const t = (window as any).tf;
        const backend = t.backend();
        const compiled = () => Object.keys(backend.binaryCache ?? backend.pipelineCache).length;
        const snapshot = () => {
          const m = t.memory();
          // webgpu's GPU byte count follows its deferred releases, not the tensors.
          return backend.binaryCache ? [m.numTensors, m.numBytes, m.numBytesInGPU] : [m.numTensors, m.numBytes];
        };
        const images = t.randomUniform([2, 11, 9, 3], -2, 5);
        const dy = t.randomUniform([2, 3, 2, 4, 5, 3]);
        // Locations made by a GPU op stay on the GPU.
        const where = t.mul(t.randomUniform([2, 3, 2], -1, 1), t.scalar(1.5));
        const call = (padding: string, centered: boolean, normalized: boolean, scaleFactor: number, seed: number) => {
          const options = {size: [4, 5], scales: 2, scaleFactor, centered, normalized, padding, seed};
          const attrs = {
            size: [4, 5],
            scales: 2,
            scaleFactor,
            centered,
            normalized,
            padding,
            imagesShape: [2, 11, 9, 3],
          };
          t.dispose(t.image.glimpseSensor(images, where, options));
          t.dispose(t.engine().runKernel('GlimpseSensorGrad', {dy, locations: where}, attrs));
        };
        // Warm-up: every variant and the noise statistics kernels compile once.
        for (const padding of ['zero', 'edge', 'uniform', 'gaussian']) call(padding, true, true, 2, 1);
        const programs = compiled();
        const memory = snapshot();
        let reads = 0;
        const watched: Array<[any, string, any]> = [];
        const watch = (obj: any, name: string) => {
          if (obj == null || typeof obj[name] !== 'function') return;
          const original = obj[name];
          watched.push([obj, name, original]);
          obj[name] = function (...args: unknown[]) {
            reads++;
            return original.apply(this, args);
          };
        };
        watch(backend, 'readSync');
        watch(backend, 'read');
        watch(backend.gpgpu?.gl, 'readPixels');
        watch(backend.gpgpu?.gl, 'getBufferSubData');
        let calls = 0;
        for (const padding of ['gaussian', 'edge', 'zero', 'uniform']) {
          for (const [centered, normalized] of [
            [true, false],
            [false, true],
          ]) {
            for (const scaleFactor of [3, 1]) call(padding, centered, normalized, scaleFactor, 100 + calls++);
          }
        }
        for (const [obj, name, original] of watched) obj[name] = original;
        const result = {calls, reads, added: compiled() - programs, before: memory, after: snapshot()};
        t.dispose([images, dy, where]);
        return result;
      });
      expect(r.calls).toBe(16);
      expect(r.added).toBe(0);
      expect(r.reads).toBe(0);
      expect(r.after).toEqual(r.before);
    });

    test('empty outputs are empty tensors; no location gives zero d images', async () => {
      const r = await session.tfPage!.page.evaluate(async () => {
        const t = (window as any).tf;
        const before = t.memory().numTensors;
        const images = t.ones([2, 5, 6, 3]);
        const none = t.zeros([2, 0, 2]);
        const noLocation = t.image.glimpseSensor(images, none, {size: [3, 3], scales: 2});
        const noWidth = t.image.glimpseSensor(
          images,
          [
            [0, 0],
            [0, 0],
          ],
          {size: [3, 0], padding: 'uniform'},
        );
        const attrs = {size: [3, 3], scales: 2, scaleFactor: 2, centered: true, normalized: true, padding: 'edge'};
        const dy = t.zeros([2, 0, 2, 3, 3, 3]);
        const grad = t
          .engine()
          .runKernel('GlimpseSensorGrad', {dy, locations: none}, {...attrs, imagesShape: [2, 5, 6, 3]});
        const out = {
          shapes: [noLocation.shape, noWidth.shape, grad.shape],
          sum: Array.from(await grad.data()).reduce((a: number, v: any) => a + Math.abs(v), 0),
        };
        t.dispose([images, none, noLocation, noWidth, dy, grad]);
        return {...out, leaked: t.memory().numTensors - before};
      });
      expect(r.shapes).toEqual([
        [2, 0, 2, 3, 3, 3],
        [2, 1, 3, 0, 3],
        [2, 5, 6, 3],
      ]);
      expect(r.sum).toBe(0);
      expect(r.leaked).toBe(0);
    });

    test('the page logged no error', () => {
      expect(session.tfPage!.errors).toEqual([]);
    });
  });
}
