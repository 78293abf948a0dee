/**
 * Converted TensorFlow SavedModels holding ExtractGlimpseV2 and ExtractGlimpse run with
 * tf.loadGraphModel and give TF's outputs, with execute and executeAsync.
 */
import {deregisterOp, loadGraphModel, registerOp, type GraphModel} from '@tensorflow/tfjs-converter';
import {ExtractGlimpseV2} from '../src';
import {extractGlimpseV2Executor} from '../src/converter_ops';
import {describeEachBackend, tf} from './helpers/backends';
import {checkOutput, fileHandler, MODEL_NAMES, readRuns, type ModelRun} from './helpers/models';

function feeds(run: ModelRun): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = {};
  for (const [key, v] of Object.entries(run.inputs)) out[key] = tf.tensor(v.values, v.shape, v.dtype as 'float32');
  return out;
}

describeEachBackend('converted models', () => {
  const models = new Map<string, GraphModel>();
  beforeAll(async () => {
    for (const name of MODEL_NAMES) models.set(name, await loadGraphModel(fileHandler(name)));
  });
  afterAll(() => models.forEach(m => m.dispose()));

  const runs = MODEL_NAMES.flatMap(model => readRuns(model).map(run => [`${model}/${run.name}`, model, run] as const));

  test.each(runs)("%s: execute and executeAsync give TF's outputs, and free everything", async (_l, model, run) => {
    const graph = models.get(model)!;
    const keys = Object.keys(run.outputs);
    const inputs = feeds(run);
    const before = tf.memory().numTensors;
    // One output name gives one tensor, several an array.
    const sync = ([] as tf.Tensor[]).concat(graph.execute(inputs, keys));
    const viaAsync = ([] as tf.Tensor[]).concat(await graph.executeAsync(inputs, keys));
    const findings = keys.flatMap((key, i) => [
      ...checkOutput(`${model}/${run.name} execute ${key}`, run.outputs[key], sync[i].shape, sync[i].dataSync()),
      ...checkOutput(
        `${model}/${run.name} executeAsync ${key}`,
        run.outputs[key],
        viaAsync[i].shape,
        viaAsync[i].dataSync(),
      ),
    ]);
    expect(findings).toEqual([]);
    tf.dispose([...sync, ...viaAsync]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(Object.values(inputs));
  });

  test('predict works too (signature outputs by name)', () => {
    const run = readRuns('v2_zero')[0];
    const inputs = feeds(run);
    const out = models.get('v2_zero')!.predict(inputs) as tf.Tensor;
    expect(checkOutput('predict', run.outputs.glimpse, out.shape, out.dataSync())).toEqual([]);
    tf.dispose([out, ...Object.values(inputs)]);
  });

  test('attrs missing from the node take TF\'s op defaults (uniform_noise=true, noise="uniform")', async () => {
    // As a graph written before the attrs existed: uniform noise instead of zero.
    const model = await loadGraphModel(
      fileHandler('v2_zero', json => {
        for (const node of (json.modelTopology as {node: Array<{op: string; attr: Record<string, unknown>}>}).node) {
          if (node.op === ExtractGlimpseV2) {
            delete node.attr.noise;
            delete node.attr.uniform_noise;
          }
        }
      }),
    );
    for (const run of readRuns('v2_zero')) {
      const inputs = feeds(run);
      const out = model.execute(inputs, 'glimpse') as tf.Tensor;
      const zeroNoise = run.outputs.glimpse.values;
      const got = out.dataSync();
      const image = run.inputs.image;
      const perImage = image.values.length / image.shape[0];
      const perGlimpse = got.length / out.shape[0];
      got.forEach((v, k) => {
        const b = Math.floor(k / perGlimpse);
        const pixels = image.values.slice(b * perImage, (b + 1) * perImage);
        // TF's zero-noise output is 0 only at noise positions here (the images are positive).
        if (zeroNoise[k] !== 0) expect(v).toBe(zeroNoise[k]);
        else {
          expect(v).toBeGreaterThanOrEqual(Math.min(...pixels));
          expect(v).toBeLessThanOrEqual(Math.max(...pixels));
        }
      });
      if (run.name === 'batch2_partial') expect(Array.from(got)).not.toEqual(zeroNoise);
      tf.dispose([out, ...Object.values(inputs)]);
    }
    model.dispose();
  });

  test('an error inside the model names the glimpse node that failed, and frees what the call made', async () => {
    // A noise attr TF would refuse at graph construction, written into the graph by hand.
    let nodeName = '';
    const model = await loadGraphModel(
      fileHandler('v2_zero', json => {
        for (const node of (
          json.modelTopology as {node: Array<{name: string; op: string; attr: Record<string, {s?: string}>}>}
        ).node) {
          if (node.op !== ExtractGlimpseV2) continue;
          node.attr.noise = {s: Buffer.from('bogus').toString('base64')};
          nodeName = node.name;
        }
      }),
    );
    const inputs = feeds(readRuns('v2_zero')[0]);
    const before = tf.memory().numTensors;
    const want = `ExtractGlimpseV2 graph node "${nodeName}": extractGlimpse: noise must be 'uniform', 'gaussian'`;
    expect(nodeName).not.toBe('');
    expect(() => model.execute(inputs, 'glimpse')).toThrow(want);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(Object.values(inputs));
    model.dispose();
  });

  test('a model loaded before the op is registered fails with "Unknown op"; hence import first', async () => {
    deregisterOp(ExtractGlimpseV2);
    try {
      const model = await loadGraphModel(fileHandler('v2_zero'));
      registerOp(ExtractGlimpseV2, extractGlimpseV2Executor);
      const inputs = feeds(readRuns('v2_zero')[0]);
      expect(() => model.execute(inputs, 'glimpse')).toThrow(/Unknown op 'ExtractGlimpseV2'/);
      tf.dispose(Object.values(inputs));
      model.dispose();
    } finally {
      registerOp(ExtractGlimpseV2, extractGlimpseV2Executor);
    }
  });
});
