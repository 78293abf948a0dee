/** Resource discipline: long loops keep tf.memory() flat on every Node backend. */
import {loadGraphModel} from '@tensorflow/tfjs-converter';
import {describeEachBackend, tf} from './helpers/backends';
import {runLoops, runModelLoops} from './helpers/leak_loops';
import {fileHandler, readRuns} from './helpers/models';

describeEachBackend('long loops', () => {
  test('forward (every noise mode, both versions) and gradient: 300 calls each, memory flat', async () => {
    const r = await runLoops(tf, 300);
    expect(r.forward.after).toEqual(r.forward.before);
    expect(r.gradient.after).toEqual(r.gradient.before);
  });

  test('graph-model execute and executeAsync: 200 calls each, memory flat', async () => {
    const model = await loadGraphModel(fileHandler('demo_sensor'));
    const run = readRuns('demo_sensor')[0];
    const feeds = Object.fromEntries(
      Object.entries(run.inputs).map(([k, v]) => [k, tf.tensor(v.values, v.shape, 'float32')]),
    );
    const r = await runModelLoops(tf, model, feeds, Object.keys(run.outputs), 200);
    expect(r.execute.after).toEqual(r.execute.before);
    expect(r.executeAsync.after).toEqual(r.executeAsync.before);
    tf.dispose(Object.values(feeds));
    model.dispose();
  });
});
