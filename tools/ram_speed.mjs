// Training speed of the RAM example's step (examples/ram/step.mjs: the loss with REINFORCE,
// gradients, global-norm clipping, Adam) on tfjs backends, in samples per second, for the
// side-by-side with tools/ram_torch.py (the same model and step in PyTorch).
//
//   node tools/ram_speed.mjs [--tasks mnist28,translated60] [--backends tensorflow,wasm,cpu]
//                            [--batch 128] [--steps 30] [--warmup 5] [--profile]
//
// --profile also records one step with tf.profile: the kernels it runs (nested ones included,
// as tfjs counts them), by name, with their count and time, the busiest first.
// Random canvases and labels (speed does not depend on them); one line per task and backend,
// then one JSON line of all of them.
import {parseArgs} from 'node:util';
import {performance} from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import {pickBackend} from '../examples/ram/backend.mjs';
import {TASKS, createRam, drawNoise} from '../examples/ram/model.mjs';
import {trainStep} from '../examples/ram/step.mjs';

const {values: v} = parseArgs({
  options: {
    tasks: {type: 'string', default: 'mnist28,translated60'},
    backends: {type: 'string', default: 'tensorflow,wasm,cpu'},
    batch: {type: 'string', default: '128'},
    steps: {type: 'string', default: '30'},
    warmup: {type: 'string', default: '5'},
    profile: {type: 'boolean', default: false},
  },
});
const [batch, steps, warmup] = [Number(v.batch), Number(v.steps), Number(v.warmup)];

/** Records one training step; prints its kernels by name (count, ms), returns how many ran. */
async function profile(model, optimizer, images, labels) {
  const noise = drawNoise(images.shape[0], model.task.glimpses, 1);
  const {kernels} = await tf.profile(() => {
    trainStep(model, optimizer, images, labels, noise);
  });
  tf.dispose(noise);
  const byName = new Map();
  for (const k of kernels) {
    const e = byName.get(k.name) ?? {count: 0, ms: 0};
    byName.set(k.name, {count: e.count + 1, ms: e.ms + k.kernelTimeMs});
  }
  const rows = [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
  console.log(
    `  ${kernels.length} kernels per step; busiest: ` +
      rows.map(([name, e]) => `${name} ${e.count}x ${e.ms.toFixed(1)} ms`).join(', '),
  );
  return kernels.length;
}

const results = [];
for (const backend of v.backends.split(',')) {
  try {
    await pickBackend(backend);
  } catch (e) {
    console.log(`${backend}: not available (${e.message})`);
    continue;
  }
  for (const task of v.tasks.split(',')) {
    const model = createRam(task, 1);
    const optimizer = tf.train.adam(1e-3);
    const side = TASKS[task].side;
    const images = tf.randomUniform([batch, side, side, 1], 0, 1, 'float32', 3);
    const labels = tf.randomUniform([batch], 0, 10, 'int32', 4);
    let start = 0;
    for (let s = 0; s < warmup + steps; s++) {
      if (s === warmup) start = performance.now();
      const noise = drawNoise(batch, model.task.glimpses, 16 * s);
      trainStep(model, optimizer, images, labels, noise);
      tf.dispose(noise);
    }
    const seconds = (performance.now() - start) / 1000;
    const rate = (steps * batch) / seconds;
    const msPerStep = (1000 * seconds) / steps;
    const result = {backend, task, batch, samplesPerSecond: Math.round(rate), msPerStep};
    console.log(`${backend} ${task}: ${rate.toFixed(0)} samples/s (${msPerStep.toFixed(1)} ms per step of ${batch})`);
    if (v.profile) result.kernelsPerStep = await profile(model, optimizer, images, labels);
    results.push(result);
    tf.dispose([images, labels, model.variables]);
    optimizer.dispose();
  }
}
console.log(JSON.stringify({results}));
