// Web demo (see ram.html): the recurrent attention model of examples/ram with the weights
// Node trained (examples/ram/weights/), on the webgl backend (`?backend=cpu` for cpu).
//
// A drawing becomes a digit as MNIST made its digits: the ink's bounding box scaled to fit
// 20x20 (area-averaged), then placed in a 28x28 tile with its centre of mass at the middle.
// For the 60x60 tasks (translated, cluttered) that tile goes where it was drawn on the canvas.
//
// For tests, window.ramDemo = {state, classify(pixels), useModel(stem), showSample(i),
// tensorsInMemory()}, where state = {ready, backend, model (the weights' file stem in
// examples/ram/weights), task, runs, input (the side*side floats the model was given), predicted,
// probabilities, locations ([steps][2], centred and normalized), testError, samples
// ({labels, predicted, locations}, as Node saved them), error}.
import * as tf from '@tensorflow/tfjs';
import {glimpseSensor, windowCorner} from '../../dist/tfjs-extract-glimpse.mjs';
import {createRam} from '../ram/model.mjs';
import {assignWeights, digitsFromBase64} from '../ram/weights.mjs';

// The models the select offers are the stems of trained weights (examples/ram/train.mjs
// names them); the first loads first.
const MNIST_BOX = 20; // MNIST's digits fit a 20x20 box ...
const MNIST_SIDE = 28; // ... centred by mass in 28x28.
const BRUSH = 22; // pad pixels; about MNIST's stroke for a digit drawn the pad's height
const COLORS = ['#eb1e28', '#f5a000', '#1446eb', '#18a058', '#a020c0', '#00a0b0'];

const state = {
  ready: false,
  backend: null,
  model: null,
  task: null,
  runs: 0,
  input: [],
  predicted: null,
  probabilities: [],
  locations: [],
  testError: null,
  samples: null,
  error: null,
};
const $ = id => document.getElementById(id);
const pad = $('pad');
const padContext = pad.getContext('2d', {willReadFrequently: true});
let model = null;
let manifest = null;
let sampleIndex = -1;

function setStatus(text, isError) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

function fail(err) {
  state.error = String((err && err.stack) || err);
  setStatus('error: ' + ((err && err.message) || err), true);
  console.error(err);
}

/** The pad's ink (white on black) as floats in [0, 1], row-major. */
function padInk() {
  const {data} = padContext.getImageData(0, 0, pad.width, pad.height);
  const ink = new Float32Array(pad.width * pad.height);
  for (let p = 0; p < ink.length; p++) ink[p] = data[4 * p] / 255;
  return ink;
}

/** Area-averaged resampling of the `bh` x `bw` box of `ink` at (top, left) to `h` x `w`. */
function resample(ink, inkWidth, top, left, bh, bw, h, w) {
  const out = new Float32Array(h * w);
  for (let y = 0; y < h; y++) {
    const y0 = top + Math.floor((y * bh) / h);
    const y1 = Math.max(y0 + 1, top + Math.floor(((y + 1) * bh) / h));
    for (let x = 0; x < w; x++) {
      const x0 = left + Math.floor((x * bw) / w);
      const x1 = Math.max(x0 + 1, left + Math.floor(((x + 1) * bw) / w));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += ink[yy * inkWidth + xx];
      out[y * w + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

/**
 * The drawing as the model's input (side*side floats), or null when the pad is empty: an
 * MNIST-style 28x28 tile, placed on the 60x60 canvas where the ink was for the 60x60 tasks.
 */
function drawingToInput(side) {
  const ink = padInk();
  let [top, left, bottom, right] = [pad.height, pad.width, -1, -1];
  for (let y = 0; y < pad.height; y++) {
    for (let x = 0; x < pad.width; x++) {
      if (ink[y * pad.width + x] > 0) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  if (bottom < 0) return null;
  const [bh, bw] = [bottom - top + 1, right - left + 1];
  const scale = MNIST_BOX / Math.max(bh, bw);
  const [h, w] = [Math.max(1, Math.round(bh * scale)), Math.max(1, Math.round(bw * scale))];
  const box = resample(ink, pad.width, top, left, bh, bw, h, w);
  let [mass, my, mx] = [0, 0, 0];
  box.forEach((v, p) => {
    mass += v;
    my += v * Math.floor(p / w);
    mx += v * (p % w);
  });
  // The box's offset in the tile that puts its centre of mass (pixel centres) at the tile's.
  const oy = Math.round(MNIST_SIDE / 2 - 0.5 - my / mass);
  const ox = Math.round(MNIST_SIDE / 2 - 0.5 - mx / mass);
  // Where the tile goes: the middle for 28x28; for 60x60, centred on the drawn ink's box.
  const clampTile = v => Math.min(side - MNIST_SIDE, Math.max(0, v));
  const ty = clampTile(Math.round((((top + bottom + 1) / 2) * side) / pad.height - MNIST_SIDE / 2));
  const tx = clampTile(Math.round((((left + right + 1) / 2) * side) / pad.width - MNIST_SIDE / 2));
  const input = new Float32Array(side * side);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [iy, ix] = [oy + y, ox + x];
      if (iy >= 0 && iy < MNIST_SIDE && ix >= 0 && ix < MNIST_SIDE)
        input[(ty + iy) * side + tx + ix] = Math.min(1, box[y * w + x]);
    }
  }
  return input;
}

/** Runs the model on `pixels` (side*side floats in [0, 1]) and shows what it did. */
async function classify(pixels) {
  const {side, size, scales} = model.task;
  const images = tf.tensor4d(Float32Array.from(pixels), [1, side, side, 1]);
  const out = model.predict(images);
  // What each glimpse saw: the sensor again, at the locations the model chose.
  const patches = glimpseSensor(images, out.locations, {size, scales, scaleFactor: 2});
  const [classes, probabilities, locations, seen] = await Promise.all(
    [out.classes, out.probabilities, out.locations, patches].map(t => t.data()),
  );
  tf.dispose([images, patches, ...Object.values(out)]);
  const steps = locations.length / 2;
  Object.assign(state, {
    input: Array.from(pixels),
    predicted: classes[0],
    probabilities: Array.from(probabilities),
    locations: Array.from({length: steps}, (_, i) => [locations[2 * i], locations[2 * i + 1]]),
  });
  drawSeen(pixels, side, size, scales);
  drawSteps(seen, size, scales);
  drawDecision();
  state.runs++;
  setStatus(
    `backend ${state.backend} | model: RAM on ${state.task} (${model.task.size.join('x')} glimpses, ` +
      `${model.task.scales} scale(s)), ${(+state.testError).toFixed(2)}% test error on ` +
      `${manifest.testDigits} test digits | tensors in memory: ${tf.memory().numTensors}`,
  );
  return {predicted: state.predicted, probabilities: state.probabilities, locations: state.locations};
}

/** An h x w canvas of `values` (floats in [0, 1], row-major) in grey, one pixel each. */
function greyCanvas(values, h, w) {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(w, h);
  values.forEach((v, p) => {
    image.data.fill(Math.round(Math.min(1, Math.max(0, v)) * 255), 4 * p, 4 * p + 3);
    image.data[4 * p + 3] = 255;
  });
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/** The input, upscaled, with each glimpse's smallest window numbered and the path between them. */
function drawSeen(pixels, side, size, scales) {
  const canvas = $('seen');
  const ctx = canvas.getContext('2d');
  const k = canvas.width / side;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(greyCanvas(pixels, side, side), 0, 0, canvas.width, canvas.height);
  ctx.font = '13px sans-serif';
  ctx.lineWidth = 2;
  const centres = state.locations.map(([ly, lx]) => [((lx + 1) / 2) * canvas.width, ((ly + 1) / 2) * canvas.height]);
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.6)';
  ctx.beginPath();
  centres.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  ctx.stroke();
  const params = {version: 2, centered: true, normalized: true, imageHeight: side, imageWidth: side};
  state.locations.forEach(([ly, lx], i) => {
    // The window exactly where the sensor reads it (the plugin's own placement).
    for (let s = 0; s < scales; s++) {
      const [gh, gw] = size.map(v => v * 2 ** s);
      const c = windowCorner(ly, lx, {...params, glimpseHeight: gh, glimpseWidth: gw});
      if (!c) continue;
      ctx.strokeStyle = COLORS[i % COLORS.length];
      ctx.globalAlpha = s === 0 ? 1 : 0.25;
      ctx.strokeRect(c.x * k, c.y * k, gw * k, gh * k);
    }
    ctx.globalAlpha = 1;
    ctx.fillStyle = COLORS[i % COLORS.length];
    ctx.fillText(String(i + 1), centres[i][0] + 3, centres[i][1] - 3);
  });
}

/** One row per glimpse: its scales, each [h, w], upscaled. */
function drawSteps(seen, size, scales) {
  const holder = $('steps');
  holder.textContent = '';
  const [h, w] = size;
  state.locations.forEach((_, i) => {
    const row = document.createElement('div');
    row.className = 'step';
    const label = document.createElement('span');
    label.textContent = `glimpse ${i + 1}`;
    label.style.color = COLORS[i % COLORS.length];
    row.appendChild(label);
    for (let s = 0; s < scales; s++) {
      const from = (i * scales + s) * h * w;
      row.appendChild(greyCanvas(seen.subarray(from, from + h * w), h, w));
    }
    holder.appendChild(row);
  });
}

function drawDecision() {
  $('decision').textContent = String(state.predicted);
  const bars = $('bars');
  bars.textContent = '';
  state.probabilities.forEach((p, digit) => {
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.style.width = `${(160 * p).toFixed(1)}px`;
    if (digit === state.predicted) bar.style.background = '#d0301f';
    const [name, value] = [document.createElement('span'), document.createElement('span')];
    name.textContent = String(digit);
    value.textContent = `${(100 * p).toFixed(1)}%`;
    const track = document.createElement('div');
    track.appendChild(bar);
    bars.append(name, track, value);
  });
}

/** Loads the trained model `stem` (replacing the one before). */
async function useModel(stem) {
  state.ready = false;
  setStatus(`loading ${stem}…`);
  const url = `/examples/ram/weights/${stem}`;
  const [json, bin] = await Promise.all([fetch(`${url}.json`), fetch(`${url}.bin`)]);
  if (!json.ok || !bin.ok) throw new Error(`could not load ${url}.json / .bin (${json.status}, ${bin.status})`);
  const saved = await json.json();
  const next = createRam(saved.task, 0, {scales: saved.scales});
  try {
    assignWeights(next, saved, await bin.arrayBuffer());
  } catch (err) {
    tf.dispose(next.variables);
    throw err;
  }
  if (model) tf.dispose(model.variables);
  model = next;
  manifest = saved;
  Object.assign(state, {
    model: stem,
    task: saved.task,
    testError: manifest.testError,
    samples: {
      labels: manifest.samples.labels,
      predicted: manifest.samples.predicted,
      locations: manifest.samples.locations,
    },
  });
  $('model').value = stem;
  sampleIndex = -1;
  await showSample(0);
  state.ready = true;
}

/** Shows test digit `i` of the saved samples (the pad is cleared). */
async function showSample(i) {
  const {side, pixels, labels} = manifest.samples;
  sampleIndex = ((i % labels.length) + labels.length) % labels.length;
  padContext.fillStyle = '#000';
  padContext.fillRect(0, 0, pad.width, pad.height);
  const digits = digitsFromBase64(pixels);
  return classify(digits.subarray(sampleIndex * side * side, (sampleIndex + 1) * side * side));
}

function listenToPad() {
  let last = null;
  let drawn = false;
  const at = e => {
    const r = pad.getBoundingClientRect();
    return [((e.clientX - r.left) * pad.width) / r.width, ((e.clientY - r.top) * pad.height) / r.height];
  };
  pad.addEventListener('pointerdown', e => {
    if (!drawn) {
      // A fresh drawing replaces the test digit shown.
      padContext.fillStyle = '#000';
      padContext.fillRect(0, 0, pad.width, pad.height);
      drawn = true;
    }
    pad.setPointerCapture(e.pointerId);
    last = at(e);
    padContext.fillStyle = '#fff';
    padContext.beginPath();
    padContext.arc(last[0], last[1], BRUSH / 2, 0, 2 * Math.PI);
    padContext.fill();
  });
  pad.addEventListener('pointermove', e => {
    if (!last) return;
    const next = at(e);
    Object.assign(padContext, {strokeStyle: '#fff', lineWidth: BRUSH, lineCap: 'round'});
    padContext.beginPath();
    padContext.moveTo(last[0], last[1]);
    padContext.lineTo(next[0], next[1]);
    padContext.stroke();
    last = next;
  });
  const end = () => {
    if (!last) return;
    last = null;
    const input = drawingToInput(model.task.side);
    if (input) classify(input).catch(fail);
  };
  pad.addEventListener('pointerup', end);
  pad.addEventListener('pointercancel', end);
  $('clear').addEventListener('click', () => {
    padContext.fillStyle = '#000';
    padContext.fillRect(0, 0, pad.width, pad.height);
    drawn = true;
  });
  $('sample').addEventListener('click', () => {
    drawn = false;
    showSample(sampleIndex + 1).catch(fail);
  });
  $('model').addEventListener('change', e => {
    drawn = false;
    useModel(e.target.value).catch(fail);
  });
}

async function main() {
  const wanted = new URLSearchParams(location.search).get('backend') || 'webgl';
  if (!(await tf.setBackend(wanted))) throw new Error(`tf.setBackend('${wanted}') failed`);
  await tf.ready();
  state.backend = tf.getBackend();
  window.ramDemo = {state, classify, useModel, showSample, tensorsInMemory: () => tf.memory().numTensors};
  listenToPad();
  await useModel($('model').options[0].value);
}

main().catch(fail);
