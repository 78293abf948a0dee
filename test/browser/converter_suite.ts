/**
 * The converted TensorFlow models in Chromium on a GPU backend (UMD bundles, script tags):
 * tf.loadGraphModel, then execute and executeAsync give TF's outputs and free everything.
 * Needs a page that loaded the converter bundle.
 */
import {checkOutput, MODEL_NAMES, readRuns, type ModelRun} from '../helpers/models';
import type {BrowserSession} from './golden_suite';

interface PageRun {
  sync: Array<{shape: number[]; values: number[]}>;
  async: Array<{shape: number[]; values: number[]}>;
  leaked: number;
}

const RUNS = MODEL_NAMES.flatMap(model => readRuns(model).map(run => [`${model}/${run.name}`, model, run] as const));

export function defineConverterSuite(label: string, session: BrowserSession): void {
  describe(`converted models in Chromium [${label}]`, () => {
    const results = new Map<string, PageRun>();

    beforeAll(async () => {
      for (const [name, model, run] of RUNS) {
        results.set(
          name,
          await session.tfPage!.page.evaluate(
            async (arg: {model: string; run: ModelRun}) => {
              const t = (window as any).tf;
              const graph = await t.loadGraphModel(`/test/fixtures/models/${arg.model}/model.json`);
              const keys = Object.keys(arg.run.outputs);
              const feeds: Record<string, unknown> = {};
              for (const [k, v] of Object.entries(arg.run.inputs)) feeds[k] = t.tensor(v.values, v.shape, v.dtype);
              const before = t.memory().numTensors;
              // `await data()`: webgpu's dataSync is a canvas round trip.
              const read = async (x: unknown) => {
                const out = [];
                for (const o of ([] as any[]).concat(x)) {
                  out.push({shape: o.shape, values: Array.from((await o.data()) as Float32Array)});
                  o.dispose();
                }
                return out;
              };
              const sync = await read(graph.execute(feeds, keys));
              const viaAsync = await read(await graph.executeAsync(feeds, keys));
              const leaked = t.memory().numTensors - before;
              t.dispose(Object.values(feeds));
              graph.dispose();
              return {sync, async: viaAsync, leaked};
            },
            {model, run},
          ),
        );
      }
    }, 120000);

    test.each(RUNS)("%s: execute and executeAsync give TF's outputs", (name, _model, run) => {
      const r = results.get(name)!;
      const keys = Object.keys(run.outputs);
      const findings = keys.flatMap((key, i) => [
        ...checkOutput(`${name} execute ${key}`, run.outputs[key], r.sync[i].shape, r.sync[i].values),
        ...checkOutput(`${name} executeAsync ${key}`, run.outputs[key], r.async[i].shape, r.async[i].values),
      ]);
      expect(findings).toEqual([]);
      expect(r.leaked).toBe(0);
    });
  });
}
