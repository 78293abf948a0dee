/**
 * Bilinear glimpses in Chromium on a GPU backend (docs/semantics.md, "Bilinear glimpses"): the
 * one case table of test/helpers/bilinear_cases.ts (which the Node suites run too) run in the
 * page, forward, d images and d locations, and checked in Node against the same references
 * (test/helpers/bilinear_check.ts); where the backend draws the cpu's random bits, its noise is
 * the cpu's too. Integer corners must give the page's own nearest glimpse bit for bit.
 */
import {tf} from '../helpers/backends';
import {
  BILINEAR_CASES,
  BILINEAR_IMAGE,
  BILINEAR_SHAPE,
  bilinearDy,
  bilinearShape,
  glimpseNoiseOf,
  glimpseOptionsOf,
  INTEGER_CORNER_CASES,
  integerCornerLength,
  integerCornerOptions,
  isNoisy,
  OTHER_BILINEAR_SEED,
  sensorOptionsOf,
  type BilinearCase,
  type IntegerCornerCase,
} from '../helpers/bilinear_cases';
import {bilinearFindings, bilinearWants, runBilinear, type BilinearWant} from '../helpers/bilinear_check';
import {SENSOR_IMAGE_MAX_ABS} from '../helpers/sensor_reference';
import type {BrowserSession} from './golden_suite';
import {registerReshapeGradient} from './harness';

/** What the page runs for a case: the op, its arguments, and the options again with another seed. */
interface PageCase extends Pick<BilinearCase, 'op' | 'locations' | 'size' | 'centered' | 'normalized'> {
  noise: string;
  options: object;
  otherOptions: object;
  noisy: boolean;
}

const pageCase = (c: BilinearCase): PageCase => {
  const options = (seed?: number) => (c.op === 'sensor' ? sensorOptionsOf(c, seed) : glimpseOptionsOf(c, seed));
  return {
    op: c.op,
    locations: c.locations,
    size: c.size,
    centered: c.centered,
    normalized: c.normalized,
    noise: glimpseNoiseOf(c),
    options: options(),
    otherOptions: options(OTHER_BILINEAR_SEED),
    noisy: isNoisy(c),
  };
};

/** An integer-corner call as the page runs it: its options for each interpolation. */
interface PageCorner extends Pick<IntegerCornerCase, 'op' | 'locations' | 'size' | 'padding'> {
  nearest: object;
  bilinear: object;
}

const pageCorner = (c: IntegerCornerCase): PageCorner => ({
  op: c.op,
  locations: c.locations,
  size: c.size,
  padding: c.padding,
  nearest: integerCornerOptions(c, 'nearest'),
  bilinear: integerCornerOptions(c, 'bilinear'),
});

interface PageResult {
  shape: number[];
  values: number[];
  again?: number[];
  other?: number[];
  grad: number[];
  dLocations: number[];
}

/**
 * Noise where the backend draws the cpu's bits: the forward as cpu's in Node, within float32
 * weights and sums (gaussian: float32 log and cos, also 1e-3 of the image's range); uniform's
 * d locations within 1e-4 of the largest.
 */
function cpuNoiseFindings(c: BilinearCase, got: PageResult): string[] {
  const [values, dLocations] = tf.tidy(() => {
    const images = tf.tensor4d(BILINEAR_IMAGE, BILINEAR_SHAPE);
    const locations = tf.tensor3d(c.locations);
    const dy = tf.tensor(bilinearDy(got.shape), got.shape);
    const d = tf.grad(l => tf.sum(tf.mul(runBilinear(c, images, l), dy)))(locations);
    return [runBilinear(c, images, locations).dataSync(), d.dataSync()];
  });
  const [, , , C] = BILINEAR_SHAPE;
  const [h, w] = c.size;
  const gaussian = c.padding === 'gaussian' ? 1e-3 * 2 * SENSOR_IMAGE_MAX_ABS : 0;
  const findings: string[] = [];
  for (let i = 0; i < values.length && findings.length < 3; i++) {
    const s = c.scaleFactor ** (Math.floor(i / (h * w * C)) % c.scales);
    const bound = (s * s + 8) * 2 ** -23 * SENSOR_IMAGE_MAX_ABS + gaussian;
    if (!(Math.abs(got.values[i] - values[i]) <= bound)) findings.push(`at ${i}: ${got.values[i]}, cpu ${values[i]}`);
  }
  if (c.padding === 'uniform') {
    const scale = Math.max(...Array.from(dLocations, Math.abs));
    dLocations.forEach((v, j) => {
      if (!(Math.abs(got.dLocations[j] - v) <= 1e-4 * scale))
        findings.push(`d locations at ${j}: ${got.dLocations[j]}, cpu ${v}`);
    });
  }
  return findings.slice(0, 3);
}

export function defineBilinearSuite(label: string, session: BrowserSession, sameBits: boolean): void {
  describe(`bilinear glimpses in Chromium [${label}]`, () => {
    let results: PageResult[] = [];
    let wants: BilinearWant[] = [];
    let integerCorners: Array<{nearest: number[]; bilinear: number[]}> = [];
    let leaked = -1;
    beforeAll(async () => {
      wants = await bilinearWants(BILINEAR_CASES);
      await tf.setBackend('cpu');
      const dys = BILINEAR_CASES.map(c => Array.from(bilinearDy(bilinearShape(c))));
      const page = session.tfPage!.page;
      await registerReshapeGradient(page);
      const run = await page.evaluate(
        async (arg: {image: number[]; shape: number[]; cases: PageCase[]; dys: number[][]; corners: PageCorner[]}) => {
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
            // extractGlimpse takes the one location per image as its [B, 2] offsets.
            const where =
              c.op === 'sensor' ? t.tensor3d(c.locations) : t.tensor2d(c.locations.map((row: number[][]) => row[0]));
            const call = (x: any, at: any, options: object) =>
              c.op === 'sensor'
                ? t.image.glimpseSensor(x, at, options)
                : t.image.extractGlimpse(x, c.size, at, c.centered, c.normalized, c.noise, options);
            const first = call(images, where, c.options);
            const shape = first.shape;
            const dy = t.tensor(arg.dys[i], shape);
            const r: any = {shape, values: await read(first)};
            if (c.noisy) {
              r.again = await read(call(images, where, c.options));
              r.other = await read(call(images, where, c.otherOptions));
            }
            // The op's own gradient, fed dy.
            const [grad, dLocations] = t.grads((x: any, at: any) => call(x, at, c.options))([images, where], dy);
            r.grad = await read(grad);
            r.dLocations = await read(dLocations);
            t.dispose([where, dy]);
            out.push(r);
          }
          // Integer corners: the op's bilinear glimpse is its nearest one.
          const bits = async (x: any) => Array.from(new Uint32Array(new Float32Array(await read(x)).buffer));
          const integerCorners = [];
          for (const c of arg.corners) {
            const at = t.tensor2d(c.locations);
            const glimpse = (options: object) =>
              c.op === 'sensor'
                ? t.image.glimpseSensor(images, at, options)
                : t.image.extractGlimpse(images, c.size, at, false, false, c.padding, options);
            integerCorners.push({nearest: await bits(glimpse(c.nearest)), bilinear: await bits(glimpse(c.bilinear))});
            at.dispose();
          }
          images.dispose();
          return {out, integerCorners, leaked: t.memory().numTensors - before};
        },
        {
          image: Array.from(BILINEAR_IMAGE),
          shape: BILINEAR_SHAPE,
          cases: BILINEAR_CASES.map(pageCase),
          dys,
          corners: INTEGER_CORNER_CASES.map(pageCorner),
        },
      );
      results = run.out;
      integerCorners = run.integerCorners;
      leaked = run.leaked;
    }, 300000);

    const named = BILINEAR_CASES.map((c, i) => [c.name, i] as const);

    test.each(named)('%s: forward, d images and d locations as the references', (_n, i) => {
      expect(bilinearFindings(BILINEAR_CASES[i], wants[i], results[i])).toEqual([]);
    });

    if (sameBits) {
      test.each(named.filter(([, i]) => isNoisy(BILINEAR_CASES[i])))("%s: the cpu's noise", (_n, i) => {
        expect(cpuNoiseFindings(BILINEAR_CASES[i], results[i])).toEqual([]);
      });
    }

    test.each(INTEGER_CORNER_CASES.map((c, i) => [c.name, i] as const))(
      'integer corners: bilinear is the nearest glimpse bit for bit (%s)',
      (_n, i) => {
        expect(integerCorners[i].nearest.length).toBe(integerCornerLength(INTEGER_CORNER_CASES[i]));
        expect(integerCorners[i].bilinear).toEqual(integerCorners[i].nearest);
      },
    );

    test('no tensor left behind', () => {
      expect(leaked).toBe(0);
    });
  });
}
