/**
 * The converted TensorFlow models in Chromium on webgl (UMD bundles, script tags):
 * tf.loadGraphModel, then execute and executeAsync give TF's outputs and free everything.
 */
import {checkOutput, MODEL_NAMES, readRuns, type ModelRun} from '../helpers/models';
import {openSession} from './golden_suite';
import {WEBGL_TEST_FLAGS} from './webgl_checks';

const session = openSession({backend: 'webgl', flags: {...WEBGL_TEST_FLAGS, WEBGL_VERSION: 2}, scripts: ['converter']});

interface PageRun {
  sync: Array<{shape: number[], values: number[]}>;
  async: Array<{shape: number[], values: number[]}>;
  leaked: number;
}

const results = new Map<string, PageRun>();
const runs = MODEL_NAMES.flatMap(model => readRuns(model).map(run => [`${model}/${run.name}`, model, run] as const));

beforeAll(async () => {
  for (const [label, model, run] of runs) {
    const out: PageRun = await session.tfPage!.page.evaluate(async (arg: {model: string, run: ModelRun}) => {
      const t = (window as any).tf;
      const graph = await t.loadGraphModel(`/test/fixtures/models/${arg.model}/model.json`);
      const keys = Object.keys(arg.run.outputs);
      const feeds: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(arg.run.inputs)) feeds[k] = t.tensor(v.values, v.shape, v.dtype);
      const before = t.memory().numTensors;
      const read = (x: unknown) => ([] as any[]).concat(x).map(o => {
        const r = {shape: o.shape, values: Array.from(o.dataSync() as Float32Array)};
        o.dispose();
        return r;
      });
      const sync = read(graph.execute(feeds, keys));
      const viaAsync = read(await graph.executeAsync(feeds, keys));
      const leaked = t.memory().numTensors - before;
      t.dispose(Object.values(feeds));
      graph.dispose();
      return {sync, async: viaAsync, leaked};
    }, {model, run});
    results.set(label, out);
  }
}, 120000);

describe('converted models in Chromium [webgl]', () => {
  test.each(runs)('%s: execute and executeAsync give TF\'s outputs', (label, _model, run) => {
    const r = results.get(label)!;
    const keys = Object.keys(run.outputs);
    const problems = keys.flatMap((key, i) => [
      ...checkOutput(`${label} execute ${key}`, run.outputs[key], r.sync[i].shape, r.sync[i].values),
      ...checkOutput(`${label} executeAsync ${key}`, run.outputs[key], r.async[i].shape, r.async[i].values),
    ]);
    expect(problems).toEqual([]);
    expect(r.leaked).toBe(0);
  });

  test('execute reads nothing back from the GPU: the constant size is read where it lives (CPU)', async () => {
    const run = readRuns('v2_zero')[1];
    const reads = await session.tfPage!.page.evaluate(async (r: ModelRun) => {
      const t = (window as any).tf;
      const graph = await t.loadGraphModel('/test/fixtures/models/v2_zero/model.json');
      const feeds: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r.inputs)) feeds[k] = t.tensor(v.values, v.shape, v.dtype);
      t.dispose(graph.execute(feeds, 'glimpse'));  // warm-up: compile and upload
      const backend = t.backend();
      const gl = backend.gpgpu.gl;
      let count = 0;
      const originals: Array<[any, string, any]> = [];
      for (const [obj, name] of [[backend, 'readSync'], [backend, 'read'], [gl, 'readPixels'], [gl, 'getBufferSubData']] as const) {
        const original = (obj as any)[name];
        originals.push([obj, name, original]);
        (obj as any)[name] = function (...args: unknown[]) {
          // readSync of data still held on the CPU (a weight never uploaded) is no GPU read.
          const onCpu = obj === backend && backend.texData.get((args[0] as object)).values != null;
          if (!onCpu) count++;
          return original.apply(this, args);
        };
      }
      const out = graph.execute(feeds, 'glimpse');
      for (const [obj, name, original] of originals) obj[name] = original;
      t.dispose([out, ...Object.values(feeds)]);
      graph.dispose();
      return count;
    }, run);
    expect(reads).toBe(0);
  });

  test('the page logged no error', () => {
    expect(session.tfPage!.errors).toEqual([]);
  });
});
