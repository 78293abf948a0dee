/**
 * Long loops in a page keep tf.memory() flat, GPU bytes included: forward and gradient, and
 * graph-model execution (the page must load the converter).
 */
import type {Flat} from '../helpers/leak_loops';
import {readRuns} from '../helpers/models';
import type {BrowserSession} from './golden_suite';

export function defineLeakSuite(label: string, session: BrowserSession): void {
  describe(`long loops in Chromium [${label}]`, () => {
    let loops: Record<string, Flat> = {};
    beforeAll(async () => {
      const page = session.tfPage!.page;
      const run = readRuns('demo_sensor')[0];
      loops = await page.evaluate(async (r: typeof run) => {
        const t = (window as any).tf;
        const loops = (window as any).leakLoops;
        const out = await loops.runLoops(t, 100);
        {
          const model = await t.loadGraphModel('/examples/model/demo_sensor/model.json');
          const feeds: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(r.inputs)) feeds[k] = t.tensor(v.values, v.shape, 'float32');
          Object.assign(out, await loops.runModelLoops(t, model, feeds, Object.keys(r.outputs), 50));
          t.dispose(Object.values(feeds));
          model.dispose();
        }
        return out;
      }, run);
    }, 180000);

    test.each(['forward', 'gradient'])('%s: 100 calls, memory flat', name => {
      expect(loops[name].after).toEqual(loops[name].before);
    });

    test('graph-model execute and executeAsync: 50 calls each, memory flat', () => {
      expect(loops.execute.after).toEqual(loops.execute.before);
      expect(loops.executeAsync.after).toEqual(loops.executeAsync.before);
    });
  });
}
