/**
 * The gradient in Chromium on a GPU backend: d input of every golden case (through
 * tf.valueAndGrads) against the scatter built from TF's window corners, d offsets zero,
 * and a training loop driven by the backward kernel. The page's tf-core bundle registers
 * no other gradient, so the loop computes d loss / d glimpse by hand.
 */
import {ALL_CASES} from '../helpers/fixtures';
import {checkGrad, GLIMPSE_TRAINING, gradCases} from '../helpers/grad_check';
import type {GradResult} from '../helpers/grad_run';
import type {BrowserSession} from './golden_suite';

const CASES = gradCases(ALL_CASES);

export function defineGradientSuite(label: string, session: BrowserSession): void {
  describe(`gradient in Chromium [${label}]`, () => {
    let results: GradResult[] = [];
    beforeAll(async () => {
      const page = session.tfPage!.page;
      results = await page.evaluate(async (cases: unknown[]) => {
        const out = [];
        for (const c of cases) out.push(await (window as any).gradRun.runGradCaseAsync((window as any).tf, c));
        return out;
      }, CASES as unknown[]);
    }, 180000);

    test.each(CASES.map((c, i) => [c.name, i] as const))('%s', (_n, i) => {
      expect(checkGrad(CASES[i], results[i])).toEqual([]);
    });

    test('a variable image learns to make its glimpses match targets, leaving nothing behind', async () => {
      const r = await session.tfPage!.page.evaluate(async (training: typeof GLIMPSE_TRAINING) => {
        const t = (window as any).tf;
        const before = t.memory().numTensors;
        const offsets = t.tensor2d(training.offsets);
        const glimpse = (x: unknown) => t.image.extractGlimpse(x, training.size, offsets, true, true, 'zero');
        const target = t.tensor4d(training.target, training.shape);
        const goal = glimpse(target);
        const start = t.zeros(training.shape);
        const learned = t.variable(start);
        const lossOf = async () => {
          const loss = t.tidy(() => t.sum(t.squaredDifference(glimpse(learned), goal)));
          const value = (await loss.data())[0];
          loss.dispose();
          return value;
        };
        const first = await lossOf();
        for (let step = 0; step < training.steps; step++) {
          t.tidy(() => {
            // d/dg sum((g - goal)^2) = 2 (g - goal), then back through the glimpse.
            const dLoss = t.mul(t.sub(glimpse(learned), goal), 2);
            const dx = t.grad(glimpse)(learned, dLoss);
            learned.assign(t.sub(learned, t.mul(dx, training.rate)));
          });
        }
        const last = await lossOf();
        t.dispose([offsets, target, goal, learned, start]);
        return {first, last, leaked: t.memory().numTensors - before};
      }, GLIMPSE_TRAINING);
      expect(r.first).toBeGreaterThan(1);
      expect(r.last).toBeLessThan(1e-6 * r.first);
      expect(r.leaked).toBe(0);
    });
  });
}
