/**
 * The glimpse sensor in Chromium on a GPU backend: the one case table of
 * test/helpers/sensor_cases.ts (which the Node suites run too) run in the page through the
 * UMD bundle, forward and backward kernel, and checked in Node against the same references
 * (test/helpers/sensor_check.ts); where the backend draws the cpu's random bits, its noise
 * is the cpu's too. No leak, no readback, no program compiled per call.
 */
import {glimpseSensor} from '../../src';
import {tf} from '../helpers/backends';
import {imageRange, SENSOR_IMAGE_MAX_ABS, sensorImage, type SensorCase} from '../helpers/sensor_reference';
import {
  EMPTY_SENSOR,
  imageOf,
  OTHER_SENSOR_SEED,
  SENSOR_CASES,
  SENSOR_IMAGES,
  sensorDy,
  sensorOptions,
} from '../helpers/sensor_cases';
import {sensorForwardFindings, sensorGradFindings, sensorWants, type SensorWant} from '../helpers/sensor_check';
import type {BrowserSession} from './golden_suite';

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

interface PageCase {
  /** Index into SENSOR_IMAGES. */
  image: number;
  locations: number[][][];
  options: ReturnType<typeof sensorOptions>;
  otherOptions: ReturnType<typeof sensorOptions>;
  noisy: boolean;
}

const noisy = (c: SensorCase) => c.padding === 'uniform' || c.padding === 'gaussian';
const pageCase = (c: SensorCase): PageCase => ({
  image: SENSOR_IMAGES.findIndex(im => im.seed === c.imageSeed),
  locations: c.locations,
  options: sensorOptions(c),
  otherOptions: sensorOptions(c, OTHER_SENSOR_SEED),
  noisy: noisy(c),
});

const valueOf = (bits: number[]) => new Float32Array(Uint32Array.from(bits).buffer);

/**
 * Noise where the backend draws the cpu's bits: each value as cpu's in Node, uniform's scale 0
 * bit for bit, other values within the block sum's bound (gaussian: float32 log and cos, also
 * 1e-3 of the channel's range, docs/semantics.md).
 */
function cpuNoiseFindings(c: SensorCase, got: Float32Array): string[] {
  const want = tf.tidy(() => glimpseSensor(tf.tensor4d(imageOf(c), c.shape), c.locations, sensorOptions(c)).dataSync());
  const [h, w] = c.size;
  const C = c.shape[3];
  const image = imageOf(c);
  const perImage = want.length / c.shape[0];
  const findings: string[] = [];
  for (let i = 0; i < want.length && findings.length < 3; i++) {
    const s = c.scaleFactor ** (Math.floor(i / (h * w * C)) % c.scales);
    if (s === 1 && c.padding === 'uniform') {
      if (!Object.is(got[i], want[i])) findings.push(`at ${i} (scale 0): ${got[i]}, cpu ${want[i]} bit for bit`);
      continue;
    }
    const [lo, hi] = imageRange(image, c.shape, Math.floor(i / perImage), i % C);
    const bound = s * s * 2 ** -23 * SENSOR_IMAGE_MAX_ABS + (c.padding === 'gaussian' ? 1e-3 * (hi - lo) : 0);
    if (!(Math.abs(got[i] - want[i]) <= bound)) findings.push(`at ${i}: ${got[i]}, cpu ${want[i]} within ${bound}`);
  }
  return findings;
}

interface PageArg {
  images: Array<{shape: number[]; values: number[]}>;
  cases: PageCase[];
  dys: number[][];
}

export function defineSensorSuite(label: string, session: BrowserSession, sameBits: boolean): void {
  describe(`glimpse sensor in Chromium [${label}]`, () => {
    let results: PageResult[] = [];
    let wants: SensorWant[] = [];
    let leaked = -1;
    beforeAll(async () => {
      wants = await sensorWants(SENSOR_CASES);
      await tf.setBackend('cpu');
      const images = SENSOR_IMAGES.map(im => ({shape: im.shape, values: Array.from(sensorImage(im.shape, im.seed))}));
      const dys = wants.map(w => Array.from(sensorDy(w.shape)));
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
            const first = t.image.glimpseSensor(image, where, c.options);
            const r: any = {shape: first.shape, bits: await bits(first)};
            if (c.noisy) {
              r.again = await bits(t.image.glimpseSensor(image, where, c.options));
              r.other = await bits(t.image.glimpseSensor(image, where, c.otherOptions));
            }
            const dy = t.tensor(arg.dys[i], r.shape);
            const attrs = {...c.options, imagesShape: image.shape};
            r.grad = await bits(t.engine().runKernel('GlimpseSensorGrad', {dy, locations: where}, attrs));
            // The op's gradient runs the same kernel (the page registers no gradient of other ops).
            if (i % 4 === 0)
              r.viaGrad = await bits(t.grad((x: any) => t.image.glimpseSensor(x, where, c.options))(image, dy));
            t.dispose([where, dy]);
            out.push(r);
          }
          t.dispose(images);
          return {out, leaked: t.memory().numTensors - before};
        },
        {images, cases: SENSOR_CASES.map(pageCase), dys},
      );
      results = run.out;
      leaked = run.leaked;
    }, 300000);

    const named = SENSOR_CASES.map((c, i) => [c.name, i] as const);

    test.each(named)('%s: forward as the references', (_n, i) => {
      const r = results[i];
      const got = {
        shape: r.shape,
        values: valueOf(r.bits),
        again: r.again && valueOf(r.again),
        other: r.other && valueOf(r.other),
      };
      expect(sensorForwardFindings(SENSOR_CASES[i], wants[i], got)).toEqual([]);
    });

    test.each(named)('%s: d images as the plain backward reading', (_n, i) => {
      expect(sensorGradFindings(wants[i], valueOf(results[i].grad))).toEqual([]);
      if (results[i].viaGrad) expect(results[i].viaGrad).toEqual(results[i].grad);
    });

    if (sameBits) {
      test.each(named.filter(([, i]) => noisy(SENSOR_CASES[i])))("%s: the cpu's noise", (_n, i) => {
        expect(cpuNoiseFindings(SENSOR_CASES[i], valueOf(results[i].bits))).toEqual([]);
      });
    }

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
        for (const padding of ['zero', 'edge', 'reflection', 'uniform', 'gaussian']) call(padding, true, true, 2, 1);
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
        for (const padding of ['gaussian', 'reflection', 'edge', 'zero', 'uniform']) {
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
      expect(r.calls).toBe(20);
      expect(r.added).toBe(0);
      expect(r.reads).toBe(0);
      expect(r.after).toEqual(r.before);
    });

    test('empty outputs are empty tensors; no location gives zero d images', async () => {
      const r = await session.tfPage!.page.evaluate(async (empty: typeof EMPTY_SENSOR) => {
        const t = (window as any).tf;
        const before = t.memory().numTensors;
        const images = t.ones(empty.images);
        const shapes = [];
        for (const c of empty.calls) {
          const locations = t.tensor(c.locations.values, c.locations.shape);
          const out = t.image.glimpseSensor(images, locations, c.options);
          shapes.push(out.shape);
          t.dispose([locations, out]);
        }
        const dy = t.zeros(empty.grad.dyShape);
        const none = t.zeros(empty.grad.locationsShape);
        const attrs = {...empty.grad.attrs, imagesShape: empty.images};
        const grad = t.engine().runKernel('GlimpseSensorGrad', {dy, locations: none}, attrs);
        shapes.push(grad.shape);
        const sum = Array.from(await grad.data()).reduce((a: number, v: any) => a + Math.abs(v), 0);
        t.dispose([images, dy, none, grad]);
        return {shapes, sum, leaked: t.memory().numTensors - before};
      }, EMPTY_SENSOR);
      expect(r.shapes).toEqual([...EMPTY_SENSOR.calls.map(c => c.shape), EMPTY_SENSOR.grad.shape]);
      expect(r.sum).toBe(0);
      expect(r.leaked).toBe(0);
    });

    test('the page logged no error', () => {
      expect(session.tfPage!.errors).toEqual([]);
    });
  });
}
