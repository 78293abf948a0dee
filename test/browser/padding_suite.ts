/**
 * The image paddings in Chromium on a GPU backend (docs/semantics.md, "Padding modes"): the
 * one case table of test/helpers/padding_cases.ts (which the Node suites run too) run in the
 * page through the UMD bundle, extractGlimpse with options.padding and the nearest glimpseSensor,
 * forward and d images through the op's gradient, and checked in Node against the same
 * references (test/helpers/padding_check.ts). No tensor left behind.
 */
import {tf} from '../helpers/backends';
import {
  offsetsOf,
  PADDING_CASES,
  paddingDy,
  paddingGlimpseOptions,
  paddingImage,
  paddingShape,
  paddingSensorOptions,
  type PaddingCase,
} from '../helpers/padding_cases';
import {paddingFindings, paddingWants, type PaddingWant} from '../helpers/padding_check';
import type {BrowserSession} from './golden_suite';
import {registerReshapeGradient} from './harness';

/** What the page runs for a case: the op and its arguments. */
interface PageCase {
  op: PaddingCase['op'];
  shape: number[];
  image: number[];
  locations: number[][][];
  offsets: number[][];
  size: [number, number];
  centered: boolean;
  normalized: boolean;
  noise: string;
  glimpseOptions: object;
  sensorOptions: object;
  dy: number[];
}

interface PageResult {
  shape: number[];
  values: number[];
  zeroNoise?: number[];
  grad: number[];
}

const pageCase = (c: PaddingCase): PageCase => ({
  op: c.op,
  shape: c.shape,
  image: Array.from(paddingImage(c)),
  locations: c.locations,
  offsets: offsetsOf(c),
  size: c.size,
  centered: c.centered,
  normalized: c.normalized,
  noise: c.noise,
  glimpseOptions: paddingGlimpseOptions(c),
  sensorOptions: paddingSensorOptions(c),
  dy: Array.from(paddingDy(paddingShape(c))),
});

export function definePaddingSuite(label: string, session: BrowserSession): void {
  describe(`image paddings in Chromium [${label}]`, () => {
    let results: PageResult[] = [];
    let wants: PaddingWant[] = [];
    let leaked = -1;
    beforeAll(async () => {
      wants = await paddingWants(PADDING_CASES);
      await tf.setBackend('cpu');
      await registerReshapeGradient(session.tfPage!.page);
      const run = await session.tfPage!.page.evaluate(async (cases: PageCase[]) => {
        const t = (window as any).tf;
        const before = t.memory().numTensors;
        const read = async (x: any) => {
          const values: number[] = Array.from(await x.data());
          x.dispose();
          return values;
        };
        const out = [];
        for (const c of cases) {
          const image = t.tensor4d(c.image, c.shape);
          const call = (x: any, noise: string) =>
            c.op === 'sensor'
              ? t.image.glimpseSensor(x, c.locations, c.sensorOptions)
              : t.image.extractGlimpse(x, c.size, c.offsets, c.centered, c.normalized, noise, c.glimpseOptions);
          const first = call(image, c.noise);
          const r: any = {shape: first.shape, values: await read(first)};
          if (c.op === 'glimpse') r.zeroNoise = await read(call(image, 'zero'));
          const dy = t.tensor(c.dy, r.shape);
          r.grad = await read(t.grad((x: any) => call(x, c.noise))(image, dy));
          t.dispose([image, dy]);
          out.push(r);
        }
        return {out, leaked: t.memory().numTensors - before};
      }, PADDING_CASES.map(pageCase));
      results = run.out;
      leaked = run.leaked;
    }, 300000);

    test.each(PADDING_CASES.map((c, i) => [c.name, i] as const))(
      '%s: forward and d images as the references',
      (_n, i) => {
        expect(paddingFindings(PADDING_CASES[i], wants[i], results[i])).toEqual([]);
      },
    );

    test('no tensor left behind over the whole table', () => {
      expect(leaked).toBe(0);
    });

    test('the page logged no error', () => {
      expect(session.tfPage!.errors).toEqual([]);
    });
  });
}
