// Trains the recurrent attention model (examples/ram/model.mjs) or its MLP baseline on MNIST
// (examples/ram/data.mjs: 55,000 training, 5,000 validation, 10,000 test digits), in Node, on
// the fastest backend there is, with fixed seeds; keeps the weights of the epoch with the
// lowest validation error and reports them on the test digits.
//
//   npm run example:ram -- --task mnist28|translated60|cluttered60 [--model ram|ram-bilinear|mlp]
//       [--epochs N] [--train N] [--batch N] [--lr X] [--scales N] [--samples M] [--backend B]
//       [--checkpoint DIR] [--resume] [--out DIR] [--weights DIR] [--quantize float16|uint8]
//       [--until N] [--quick] [--json]
//
// Every epoch it prints a progress line (epoch, loss, validation error, samples per second,
// time left) and writes a checkpoint (--checkpoint, default examples/output/checkpoints/<name>);
// --resume goes on from the newest one there; --until N stops after epoch N, as an interruption
// would (the schedule stays that of --epochs). The learning rate falls from --lr to 1% of it
// on a cosine over the run's epochs; gradients are clipped to a global norm of 5.
// At the end: the learning curve (<name>-curve.svg, in --out, default examples/output/), the
// glimpse paths on test digits (<name>-paths.svg), and the kept weights (<name>.json, .bin, in
// --weights, default --out; examples/web/ram.html and evaluate.mjs load them), <name> being
// <model>-<task>[-scales<N>]. Its last line: `test error: X.XX% on N test digits` (deterministic;
// --samples M also prints the error with M sampled glimpse paths averaged, before it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import * as tf from '@tensorflow/tfjs';
import {pickBackend} from './backend.mjs';
import {assignNamed, loadCheckpoint, saveCheckpoint} from './checkpoint.mjs';
import {TASK_DATA, canvases, digitsOf, fixedCanvases, loadMnist, permutation, take} from './data.mjs';
import {errorOf} from './evaluation.mjs';
import {TASKS, createMlp, createRam, drawNoise} from './model.mjs';
import {curveSvg, pathsSvg} from './plot.mjs';
import {learningRate, trainStep} from './step.mjs';
import {assignWeights, digitsFromBase64, digitsToBase64, encodeModel} from './weights.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODELS = {
  ram: (task, seed, scales) => createRam(task, seed, {scales}),
  'ram-bilinear': (task, seed, scales) => createRam(task, seed, {learnWhere: 'gradient', scales}),
  mlp: (task, seed) => createMlp(task, seed),
};
// Test digits saved with the weights, for the web page to offer.
const SAMPLES = 10;

/** The files' stem: model and task, and the scales when --scales set them. */
const runName = a => `${a.model}-${a.task}${a.scales === undefined ? '' : `-scales${a.scales}`}`;

function options(argv) {
  const {values: v} = parseArgs({
    args: argv,
    options: {
      task: {type: 'string', default: 'mnist28'},
      model: {type: 'string', default: 'ram'},
      epochs: {type: 'string'},
      train: {type: 'string'},
      validation: {type: 'string'},
      batch: {type: 'string', default: '128'},
      lr: {type: 'string', default: '0.001'},
      scales: {type: 'string'},
      samples: {type: 'string', default: '0'},
      seed: {type: 'string', default: '7'},
      backend: {type: 'string'},
      checkpoint: {type: 'string'},
      resume: {type: 'boolean', default: false},
      out: {type: 'string', default: path.join(ROOT, 'examples', 'output')},
      weights: {type: 'string'},
      quantize: {type: 'string'},
      until: {type: 'string'},
      quick: {type: 'boolean', default: false},
      json: {type: 'boolean', default: false},
    },
  });
  const count = (flag, value, min = 1) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${flag} must be an integer >= ${min}, got ${value}`);
    return n;
  };
  if (!TASKS[v.task]) throw new Error(`--task must be one of ${Object.keys(TASKS).join(', ')}, got ${v.task}`);
  if (!MODELS[v.model]) throw new Error(`--model must be one of ${Object.keys(MODELS).join(', ')}, got ${v.model}`);
  const lr = Number(v.lr);
  if (!(lr > 0)) throw new Error(`--lr must be a positive number, got ${v.lr}`);
  if (v.quantize !== undefined && v.quantize !== 'float16' && v.quantize !== 'uint8')
    throw new Error(`--quantize must be float16 or uint8, got ${v.quantize}`);
  const a = {
    task: v.task,
    model: v.model,
    scales: count('scales', v.scales),
    // --quick: four passes over 5,000 digits (seconds with tensorflow).
    epochs: count('epochs', v.epochs) ?? (v.quick ? 4 : 100),
    train: count('train', v.train) ?? (v.quick ? 5000 : Infinity),
    validation: count('validation', v.validation) ?? (v.quick ? 1000 : Infinity),
    batch: count('batch', v.batch),
    lr,
    samples: count('samples', v.samples, 0),
    seed: count('seed', v.seed, 0),
    backend: v.backend,
    resume: v.resume,
    out: path.resolve(v.out),
    quantize: v.quantize ?? null,
    json: v.json,
    until: count('until', v.until),
  };
  a.weights = path.resolve(v.weights ?? a.out);
  a.checkpoint = path.resolve(v.checkpoint ?? path.join(a.out, 'checkpoints', runName(a)));
  return a;
}

/** The run's data: training digits (canvases drawn per epoch), fixed validation and test canvases. */
function dataFor(a) {
  const mnist = loadMnist();
  return {
    train: take(mnist.train, a.train),
    validation: fixedCanvases(a.task, take(mnist.validation, a.validation), 'validation'),
    test: fixedCanvases(a.task, mnist.test, 'test'),
  };
}

/** What a checkpoint keeps of the run's settings: the training's own, no file paths. */
const runSettings = (a, n) => {
  const {task, model, scales, epochs, batch, lr, seed, validation} = a;
  return {task, model, scales, epochs, train: n, validation, batch, lr, seed};
};

const duration = seconds => {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};

function progress(text) {
  if (process.stderr.isTTY) process.stderr.write(`\r${text.padEnd(110)}`);
}

/**
 * Writes the weights and a few test digits, with the class and (RAM) the glimpse locations
 * this model gives each (on the digits as saved, in bytes) and its figures, for the web page.
 */
async function saveWeights(model, a, test, about) {
  const count = Math.min(SAMPLES, test.labels.length);
  const pixels = digitsToBase64(
    digitsOf(
      test,
      Int32Array.from({length: count}, (_, i) => i),
    ),
    count,
    test.side,
  );
  const digits = tf.tensor4d(digitsFromBase64(pixels), [count, test.side, test.side, 1]);
  const out = model.predict(digits);
  const predicted = Array.from(out.classes.dataSync());
  const locations = out.locations && out.locations.arraySync();
  tf.dispose([digits, ...Object.values(out)]);
  const name = runName(a);
  const {manifest, data} = await encodeModel(
    model,
    `${name}.bin`,
    {
      model: a.model,
      task: a.task,
      ...(a.model === 'mlp' ? {} : {scales: model.task.scales}),
      ...about,
      samples: {side: test.side, labels: Array.from(test.labels.subarray(0, count)), predicted, locations, pixels},
    },
    a.quantize,
  );
  fs.mkdirSync(a.weights, {recursive: true});
  fs.writeFileSync(path.join(a.weights, `${name}.json`), JSON.stringify(manifest) + '\n');
  fs.writeFileSync(path.join(a.weights, `${name}.bin`), new Uint8Array(data));
}

/** The glimpse paths of the first 8 test digits (deterministic). */
function pathsOf(model, test) {
  const indices = Int32Array.from({length: 8}, (_, i) => i);
  const images = tf.tensor4d(digitsOf(test, indices), [8, test.side, test.side, 1]);
  const out = model.predict(images);
  const paths = {classes: Array.from(out.classes.dataSync()), locations: out.locations.arraySync()};
  const digits = images.arraySync();
  tf.dispose([images, ...Object.values(out)]);
  return {digits, paths};
}

async function main() {
  const a = options(process.argv.slice(2));
  const backend = await pickBackend(a.backend);
  const data = dataFor(a);
  const model = MODELS[a.model](a.task, a.seed, a.scales);
  const optimizer = tf.train.adam(a.lr);
  const n = data.train.labels.length;
  const side = TASK_DATA[a.task].side;
  let curve = [];
  let best = {epoch: 0, validationError: Infinity};
  let bestWeights = null;
  let start = 0;
  let trainedSeconds = 0;
  const checkpoint = a.resume ? loadCheckpoint(a.checkpoint) : null;
  if (checkpoint) {
    assignNamed(model, checkpoint.weights);
    await optimizer.setWeights(checkpoint.optimizer);
    bestWeights = checkpoint.best;
    ({curve, best, trainedSeconds} = checkpoint.state);
    start = checkpoint.state.epoch;
    tf.dispose(checkpoint.weights.map(w => w.tensor));
  } else if (a.resume) {
    console.log(`no checkpoint in ${a.checkpoint}: starting afresh`);
  }
  console.log(
    `${a.model} on ${a.task}: ${n} training, ${data.validation.labels.length} validation and ` +
      `${data.test.labels.length} test digits, epochs ${start + 1} to ${a.epochs}, batch ${a.batch}, ` +
      `backend ${backend}`,
  );
  const batches = Math.floor(n / a.batch);
  const last = Math.min(a.epochs, a.until ?? Infinity);
  for (let epoch = start; epoch < last; epoch++) {
    optimizer.learningRate = learningRate(a, epoch);
    const order = permutation(n, a.seed * 100003 + epoch);
    const t0 = performance.now();
    let [lossSum, rewardSum] = [0, 0];
    for (let b = 0; b < batches; b++) {
      const indices = order.subarray(b * a.batch, (b + 1) * a.batch);
      const images = tf.tensor4d(canvases(a.task, data.train, indices, {seed: a.seed, epoch}), [
        a.batch,
        side,
        side,
        1,
      ]);
      const labels = tf.tensor1d(
        Int32Array.from(indices, i => data.train.labels[i]),
        'int32',
      );
      const noise =
        model.learnWhere === 'reinforce' ? drawNoise(a.batch, model.task.glimpses, (epoch * batches + b) * 16) : null;
      const step = trainStep(model, optimizer, images, labels, noise);
      tf.dispose([images, labels, ...(noise ?? [])]);
      lossSum += step.classification;
      rewardSum += step.reward ?? 0;
      const rate = ((b + 1) * a.batch) / ((performance.now() - t0) / 1000);
      progress(
        `epoch ${epoch + 1}/${a.epochs} batch ${b + 1}/${batches} loss ${(lossSum / (b + 1)).toFixed(3)} ` +
          `${rate.toFixed(0)} samples/s`,
      );
    }
    const seconds = (performance.now() - t0) / 1000;
    trainedSeconds += seconds;
    const {error} = errorOf(model, data.validation);
    const point = {epoch: epoch + 1, loss: lossSum / batches, validationError: error};
    if (model.learnWhere === 'reinforce') point.reward = rewardSum / batches;
    curve.push(point);
    if (error < best.validationError) {
      best = {epoch: epoch + 1, validationError: error};
      tf.dispose((bestWeights ?? []).map(w => w.tensor));
      bestWeights = Object.entries(model.named).map(([name, v]) => ({name, tensor: tf.clone(v)}));
    }
    const state = {epoch: epoch + 1, curve, best, trainedSeconds, settings: runSettings(a, n)};
    await saveCheckpoint(a.checkpoint, {model, best: bestWeights, optimizer, state});
    progress('');
    const left = (a.epochs - epoch - 1) * seconds;
    console.log(
      `epoch ${epoch + 1}/${a.epochs}: loss ${point.loss.toFixed(4)}` +
        (point.reward === undefined ? '' : `, reward ${point.reward.toFixed(3)}`) +
        `, validation error ${error.toFixed(2)}% (best ${best.validationError.toFixed(2)}% at ${best.epoch}), ` +
        `${((batches * a.batch) / seconds).toFixed(0)} samples/s, lr ${optimizer.learningRate.toExponential(2)}, ` +
        `${duration(left)} left`,
    );
  }
  if (last < a.epochs) {
    console.log(`stopped after epoch ${last} of ${a.epochs}: --resume goes on from ${a.checkpoint}`);
    tf.dispose([model.variables, (bestWeights ?? []).map(w => w.tensor)]);
    optimizer.dispose();
    return;
  }
  if (bestWeights) assignNamed(model, bestWeights);
  if (a.quantize) {
    // Every figure below is the stored (quantized) weights' own, as evaluate.mjs and the page load them.
    const {manifest, data} = await encodeModel(model, 'quantized.bin', {}, a.quantize);
    assignWeights(model, manifest, data);
  }
  const deterministic = errorOf(model, data.test);
  const sampled =
    a.samples > 0 && model.learnWhere === 'reinforce' ? errorOf(model, data.test, {samples: a.samples}) : null;
  fs.mkdirSync(a.out, {recursive: true});
  const name = runName(a);
  const title = `${a.model.toUpperCase()} on ${a.task}`;
  fs.writeFileSync(path.join(a.out, `${name}-curve.svg`), curveSvg(curve, title));
  if (model.learnWhere) {
    const {digits, paths} = pathsOf(model, data.test);
    fs.writeFileSync(path.join(a.out, `${name}-paths.svg`), pathsSvg(digits, paths, model.task));
  }
  await saveWeights(model, a, data.test, {
    epochs: curve.length,
    bestEpoch: best.epoch,
    validationError: best.validationError,
    testError: deterministic.error,
    ...(sampled ? {testErrorSampled: {samples: a.samples, error: sampled.error}} : {}),
    testDigits: deterministic.count,
    trainedSeconds: Math.round(trainedSeconds),
    backend,
  });
  if (a.json) console.log(JSON.stringify({curve}));
  console.log(`training time: ${duration(trainedSeconds)} on ${backend}, best epoch ${best.epoch}`);
  if (sampled)
    console.log(
      `test error with ${a.samples} sampled paths: ${sampled.error.toFixed(2)}% on ${sampled.count} test digits`,
    );
  console.log(`test error: ${deterministic.error.toFixed(2)}% on ${deterministic.count} test digits`);
  tf.dispose(model.variables);
  tf.dispose((bestWeights ?? []).map(w => w.tensor));
  optimizer.dispose();
}

main().catch(e => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
