// The test error of trained weights: the committed ones (examples/ram/weights/) by default, on
// the task's own 10,000 test canvases or on IDX files of your own.
//
//   npm run example:ram:evaluate -- --task mnist28|translated60|cluttered60 [--weights DIR]
//       [--model ram|ram-bilinear|mlp] [--samples M] [--seed S] [--backend B]
//       [--test-images FILE --test-labels FILE]
//
// --weights: a folder of weights as train.mjs writes them; it takes <model>-<task>.json there
// (default examples/ram/weights, and its mlp/ folder for --model mlp).
// --samples M: M sampled glimpse paths per digit, their class probabilities averaged (RAM);
// 0, the default, looks where the policy's means say. --test-images: unsigned-byte IDX
// images [n, side, side] of the task's side (0..255 for 0..1), --test-labels: [n] classes.
// Runs on the fastest Node backend; its last line is `test error: X.XX% on N test digits`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import * as tf from '@tensorflow/tfjs';
import {pickBackend} from './backend.mjs';
import {fixedCanvases, loadMnist, partFromIdx} from './data.mjs';
import {errorOf} from './evaluation.mjs';
import {TASKS, createMlp, createRam} from './model.mjs';
import {assignWeights} from './weights.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

const {values: v} = parseArgs({
  options: {
    task: {type: 'string'},
    model: {type: 'string', default: 'ram'},
    weights: {type: 'string'},
    samples: {type: 'string', default: '0'},
    seed: {type: 'string', default: '1'},
    backend: {type: 'string'},
    'test-images': {type: 'string'},
    'test-labels': {type: 'string'},
  },
});

function fail(message) {
  console.error(`evaluate: ${message}`);
  process.exit(1);
}

if (!TASKS[v.task]) fail(`--task must be one of ${Object.keys(TASKS).join(', ')}, got ${v.task}`);
const samples = Number(v.samples);
if (!Number.isInteger(samples) || samples < 0) fail(`--samples must be an integer >= 0, got ${v.samples}`);
if (!v['test-images'] !== !v['test-labels']) fail('--test-images and --test-labels go together');

const folder = v.weights ?? path.join(HERE, 'weights', ...(v.model === 'mlp' ? ['mlp'] : []));
const stem = path.join(path.resolve(folder), `${v.model}-${v.task}`);
if (!fs.existsSync(`${stem}.json`)) fail(`no weights ${stem}.json`);
const manifest = JSON.parse(fs.readFileSync(`${stem}.json`, 'utf8'));

const backend = await pickBackend(v.backend);
const model =
  v.model === 'mlp'
    ? createMlp(v.task, 0)
    : createRam(v.task, 0, {
        scales: manifest.scales,
        learnWhere: v.model === 'ram-bilinear' ? 'gradient' : 'reinforce',
      });
const bytes = fs.readFileSync(path.join(path.dirname(stem), manifest.weightsManifest[0].paths[0]));
assignWeights(model, manifest, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));

let test;
try {
  test = v['test-images']
    ? partFromIdx(fs.readFileSync(v['test-images']), fs.readFileSync(v['test-labels']), v['test-images'])
    : fixedCanvases(v.task, loadMnist().test, 'test');
} catch (e) {
  fail(e.message);
}
if (test.side !== model.task.side)
  fail(`${v.task} reads ${model.task.side}x${model.task.side} images, got ${test.side}x${test.side}`);

const {error, count} = errorOf(model, test, {samples: v.model === 'mlp' ? 0 : samples, seed: Number(v.seed)});
tf.dispose(model.variables);
const how = samples > 0 && v.model !== 'mlp' ? `${samples} sampled paths averaged` : 'deterministic';
console.log(`${v.model} on ${v.task}, weights ${stem}.json, ${how}, backend ${backend}`);
console.log(`test error: ${error.toFixed(2)}% on ${count} test digits`);
