// The "main job" demo: a converted TensorFlow multi-scale glimpse sensor
// (examples/model/demo_sensor, three ExtractGlimpseV2 nodes) runs in Node on the cpu
// backend with tf.loadGraphModel, on examples/assets/scene.png, at three locations.
//
//   npm start                                  # builds dist/, then runs this
//   node examples/demo.mjs [--out <path.png>] [--runs <n>] [--update-docs]
//
// Writes examples/output/demo.png (or --out): the scene with the 16, 32 and 64 px glimpse
// windows of each location, then per location its three glimpses (nearest-neighbour
// upscaled), the model's sensor (9 channels) as three RGB tiles, and the same three scales
// from one glimpseSensor call ("FUSED"). --update-docs also copies the picture to
// docs/demo.png (the README's). No network: the model is read from disk.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {loadGraphModel} from '@tensorflow/tfjs-converter';
// The plugin's models entry registers its kernels and the converter's ExtractGlimpse and
// ExtractGlimpseV2 ops when imported: before loadGraphModel runs (static imports all run first).
import {glimpseSensor, windowCorner} from '../dist/converter.mjs';
import pngjs from 'pngjs';

const {PNG} = pngjs;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODEL_DIR = path.join(ROOT, 'examples', 'model', 'demo_sensor');
const SCENE = path.join(ROOT, 'examples', 'assets', 'scene.png');
const DOCS_PNG = path.join(ROOT, 'docs', 'demo.png');

function parseArgs(argv) {
  const args = {out: path.join(ROOT, 'examples', 'output', 'demo.png'), runs: 20, updateDocs: false};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--update-docs') args.updateDocs = true;
    else if (a === '--out' && i + 1 < argv.length) args.out = path.resolve(argv[++i]);
    else if (a === '--runs' && i + 1 < argv.length) args.runs = Math.max(1, parseInt(argv[++i], 10) || 1);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node examples/demo.mjs [--out <path.png>] [--runs <n>] [--update-docs]');
      process.exit(0);
    } else {
      console.error(`demo: unknown or incomplete argument '${a}' (try --help)`);
      process.exit(2);
    }
  }
  return args;
}

/** An IOHandler that reads model.json and its weight files from `dir`. */
function fileHandler(dir) {
  return {
    load: async () => {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
      return tf.io.getModelArtifactsForJSON(json, async manifest => {
        const specs = manifest.flatMap(group => group.weights);
        const bytes = Buffer.concat(
          manifest.flatMap(group => group.paths.map(p => fs.readFileSync(path.join(dir, p)))),
        );
        return [specs, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)];
      });
    },
  };
}

/** scene.png as float32 [H, W, 3] in [0, 1]. */
function readImage(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const {width, height, data} = png;
  const values = new Float32Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    for (let k = 0; k < 3; k++) values[3 * p + k] = data[4 * p + k] / 255;
  }
  return {width, height, values};
}

/** How a float in [0, 1] becomes a byte (the web demo draws the same way). */
const toByte = v => Math.round(Math.min(1, Math.max(0, v)) * 255);

// ---------------------------------------------------------------- a tiny RGB canvas

const FONT = {
  // 5x7 glyphs, rows top to bottom, bit 4 = leftmost column
  0: [14, 17, 19, 21, 25, 17, 14],
  1: [4, 12, 4, 4, 4, 4, 14],
  2: [14, 17, 1, 2, 4, 8, 31],
  3: [31, 2, 4, 2, 1, 17, 14],
  4: [2, 6, 10, 18, 31, 2, 2],
  5: [31, 16, 30, 1, 1, 17, 14],
  6: [6, 8, 16, 30, 17, 17, 14],
  7: [31, 1, 2, 4, 8, 8, 8],
  8: [14, 17, 17, 14, 17, 17, 14],
  9: [14, 17, 17, 15, 1, 2, 12],
  x: [0, 0, 17, 10, 4, 10, 17],
  '-': [0, 0, 0, 31, 0, 0, 0],
  ' ': [0, 0, 0, 0, 0, 0, 0],
  S: [15, 16, 16, 14, 1, 1, 30],
  E: [31, 16, 16, 30, 16, 16, 31],
  N: [17, 25, 21, 19, 17, 17, 17],
  O: [14, 17, 17, 17, 17, 17, 14],
  R: [30, 17, 17, 30, 20, 18, 17],
  C: [14, 17, 16, 16, 16, 17, 14],
  H: [17, 17, 17, 31, 17, 17, 17],
  G: [14, 17, 16, 23, 17, 17, 15],
  L: [16, 16, 16, 16, 16, 16, 31],
  I: [14, 4, 4, 4, 4, 4, 14],
  M: [17, 27, 21, 21, 17, 17, 17],
  P: [30, 17, 17, 30, 16, 16, 16],
  F: [31, 16, 16, 30, 16, 16, 16],
  U: [17, 17, 17, 17, 17, 17, 14],
  D: [28, 18, 17, 17, 17, 18, 28],
};

class Canvas {
  constructor(width, height, background) {
    this.width = width;
    this.height = height;
    this.data = new Uint8Array(width * height * 3);
    /** Drawing is clipped to this rectangle ({x, y, w, h}) when set. */
    this.clip = null;
    this.fill(0, 0, width, height, background);
  }
  set(x, y, c) {
    const k = this.clip ?? {x: 0, y: 0, w: this.width, h: this.height};
    if (x < k.x || y < k.y || x >= k.x + k.w || y >= k.y + k.h) return;
    const o = 3 * (y * this.width + x);
    this.data[o] = c[0];
    this.data[o + 1] = c[1];
    this.data[o + 2] = c[2];
  }
  fill(x, y, w, h, c) {
    for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) this.set(i, j, c);
  }
  /** Draws a [h, w, 3] byte image at (x, y), each pixel as a scale x scale block (nearest). */
  blit(x, y, bytes, w, h, scale) {
    for (let j = 0; j < h * scale; j++) {
      for (let i = 0; i < w * scale; i++) {
        const o = 3 * (Math.floor(j / scale) * w + Math.floor(i / scale));
        this.set(x + i, y + j, [bytes[o], bytes[o + 1], bytes[o + 2]]);
      }
    }
  }
  /** A rectangle outline `t` pixels thick, drawn inside (x, y, w, h); clipped to the canvas. */
  outline(x, y, w, h, t, c) {
    this.fill(x, y, w, t, c);
    this.fill(x, y + h - t, w, t, c);
    this.fill(x, y, t, h, c);
    this.fill(x + w - t, y, t, h, c);
  }
  text(x, y, s, scale, c) {
    for (const ch of s) {
      const rows = FONT[ch] ?? FONT[' '];
      rows.forEach((bits, j) => {
        for (let i = 0; i < 5; i++) if (bits & (16 >> i)) this.fill(x + i * scale, y + j * scale, scale, scale, c);
      });
      x += 6 * scale;
    }
  }
  png() {
    const png = new PNG({width: this.width, height: this.height, colorType: 2});
    for (let p = 0; p < this.width * this.height; p++) {
      png.data.set(this.data.subarray(3 * p, 3 * p + 3), 4 * p);
      png.data[4 * p + 3] = 255;
    }
    return PNG.sync.write(png, {colorType: 2, inputColorType: 6, inputHasAlpha: true});
  }
}

// ---------------------------------------------------------------- the demo

const LOCATIONS = [
  // (y, x), centered and normalized: pixel centre = (loc + 1) / 2 * size
  {name: "the sun's rim", loc: [-0.64, 0.475], color: [235, 30, 40]},
  {name: 'the house', loc: [0.35, 0], color: [20, 70, 235]},
  {name: 'the bottom-right corner, partly outside the image', loc: [0.9, 0.92], color: [255, 225, 0]},
];
const SIZES = [16, 32, 64];
const OUTPUTS = ['glimpse16', 'glimpse32', 'glimpse64', 'sensor'];

function medianOf(times) {
  const t = [...times].sort((a, b) => a - b);
  return t.length % 2 ? t[(t.length - 1) / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  await tf.setBackend('cpu');
  await tf.ready();
  const backend = tf.getBackend();
  const tensorsBefore = tf.memory().numTensors;

  const model = await loadGraphModel(fileHandler(MODEL_DIR));
  const scene = readImage(SCENE);
  const B = LOCATIONS.length;
  // One batch of 3: the same image 3 times, one location each.
  const image = tf.tidy(() => tf.tile(tf.tensor4d(scene.values, [1, scene.height, scene.width, 3]), [B, 1, 1, 1]));
  const location = tf.tensor2d(
    LOCATIONS.map(l => l.loc),
    [B, 2],
  );

  const run = () => model.execute({image, location}, OUTPUTS);
  // Warm up, then time: execute is synchronous on cpu, so the outputs are computed on return.
  for (let i = 0; i < 3; i++) tf.dispose(run());
  const times = [];
  for (let i = 0; i < args.runs; i++) {
    const t0 = performance.now();
    const outs = run();
    times.push(performance.now() - t0);
    tf.dispose(outs);
  }
  const median = medianOf(times);

  const outputs = run();
  const byName = Object.fromEntries(OUTPUTS.map((n, i) => [n, outputs[i]]));
  const values = Object.fromEntries(OUTPUTS.map(n => [n, byName[n].dataSync()]));

  // The same three scales in one call of the fused sensor: 16, 32 and 64 px windows, each
  // averaged down to 16x16 (the model resizes bilinearly instead).
  const SENSOR = {size: [16, 16], scales: SIZES.length, scaleFactor: 2};
  const sense = () => glimpseSensor(image, location, SENSOR);
  for (let i = 0; i < 3; i++) tf.dispose(sense());
  const sensorTimes = [];
  for (let i = 0; i < args.runs; i++) {
    const t0 = performance.now();
    const out = sense();
    sensorTimes.push(performance.now() - t0);
    tf.dispose(out);
  }
  const sensorOut = sense();
  const sensorValues = sensorOut.dataSync();

  console.log(`tfjs-extract-glimpse demo: converted TF model examples/model/demo_sensor on backend '${backend}'`);
  console.log(`  input  image    [${image.shape}] ${image.dtype}  (examples/assets/scene.png x ${B})`);
  console.log(`  input  location [${location.shape}] ${location.dtype}`);
  LOCATIONS.forEach((l, b) => console.log(`    location ${b}: (y, x) = (${l.loc.join(', ')})  ${l.name}`));
  for (const n of OUTPUTS) console.log(`  output ${n.padEnd(9)} [${byName[n].shape}] ${byName[n].dtype}`);
  console.log(
    `  time: ${median.toFixed(2)} ms per call ` +
      `(median of ${args.runs} model.execute calls, batch ${B}, after 3 warm-up calls)`,
  );
  console.log(
    `  glimpseSensor [${sensorOut.shape}] ${sensorOut.dtype}: the three scales in one call, ` +
      `${medianOf(sensorTimes).toFixed(2)} ms per call (median of ${args.runs})`,
  );

  // ---- the picture
  const BG = [245, 245, 242],
    INK = [40, 40, 40],
    M = 16,
    GAP = 8,
    TILE = 128,
    LABEL = 20;
  const rowWidth = 14 + GAP + 3 * (TILE + GAP) + 2 * GAP + 3 * (TILE + GAP) + 2 * GAP + 3 * (TILE + GAP);
  const width = Math.max(2 * scene.width, rowWidth) + 2 * M;
  const sceneTop = M,
    sceneLeft = Math.floor((width - 2 * scene.width) / 2);
  const rowsTop = sceneTop + 2 * scene.height + M;
  const rowHeight = LABEL + TILE + M;
  const canvas = new Canvas(width, rowsTop + B * rowHeight, BG);

  // The scene at 2x, with each location's 16, 32 and 64 px windows (outlines just outside
  // the window, as placed by the op's own geometry: windowCorner), clipped to the scene.
  const sceneBytes = Uint8Array.from(scene.values, toByte);
  canvas.blit(sceneLeft, sceneTop, sceneBytes, scene.width, scene.height, 2);
  canvas.clip = {x: sceneLeft, y: sceneTop, w: 2 * scene.width, h: 2 * scene.height};
  LOCATIONS.forEach(({loc, color}) => {
    for (const s of SIZES) {
      const c = windowCorner(loc[0], loc[1], {
        version: 2,
        centered: true,
        normalized: true,
        imageHeight: scene.height,
        imageWidth: scene.width,
        glimpseHeight: s,
        glimpseWidth: s,
      });
      canvas.outline(sceneLeft + 2 * (c.x - 1), sceneTop + 2 * (c.y - 1), 2 * (s + 2), 2 * (s + 2), 2, color);
    }
  });
  canvas.clip = null;

  // Per location: a colour swatch, glimpse16/32/64 upscaled to 128 px, the sensor's 9 channels.
  LOCATIONS.forEach(({color}, b) => {
    const top = rowsTop + b * rowHeight;
    let x = M;
    canvas.fill(x, top + LABEL, 14, TILE, color);
    x += 14 + GAP;
    for (const s of SIZES) {
      const v = values[`glimpse${s}`];
      const n = s * s * 3;
      canvas.text(x, top + 3, `${s}x${s}`, 2, INK);
      canvas.blit(x, top + LABEL, Uint8Array.from(v.subarray(b * n, (b + 1) * n), toByte), s, s, TILE / s);
      x += TILE + GAP;
    }
    x += 2 * GAP;
    const sensor = values.sensor;
    for (let t = 0; t < 3; t++) {
      const tile = new Uint8Array(16 * 16 * 3);
      for (let p = 0; p < 256; p++) {
        for (let k = 0; k < 3; k++) tile[3 * p + k] = toByte(sensor[(b * 256 + p) * 9 + 3 * t + k]);
      }
      canvas.text(x, top + 3, `SENSOR ${3 * t}-${3 * t + 2}`, 2, INK);
      canvas.blit(x, top + LABEL, tile, 16, 16, TILE / 16);
      x += TILE + GAP;
    }
    // glimpseSensor's output for the same location: scale i averages a (16 * 2^i) px window.
    x += 2 * GAP;
    const n = 16 * 16 * 3;
    for (let i = 0; i < SIZES.length; i++) {
      const start = (b * SIZES.length + i) * n;
      canvas.text(x, top + 3, `FUSED ${16 << i}`, 2, INK);
      canvas.blit(x, top + LABEL, Uint8Array.from(sensorValues.subarray(start, start + n), toByte), 16, 16, TILE / 16);
      x += TILE + GAP;
    }
  });

  const bytes = canvas.png();
  fs.mkdirSync(path.dirname(args.out), {recursive: true});
  fs.writeFileSync(args.out, bytes);
  console.log(`  wrote ${path.relative(process.cwd(), args.out) || args.out} (${canvas.width}x${canvas.height} PNG)`);
  if (args.updateDocs) {
    fs.mkdirSync(path.dirname(DOCS_PNG), {recursive: true});
    fs.copyFileSync(args.out, DOCS_PNG);
    console.log(`  copied to ${path.relative(process.cwd(), DOCS_PNG)}`);
  }

  tf.dispose([...outputs, sensorOut, image, location]);
  model.dispose();
  const left = tf.memory().numTensors - tensorsBefore;
  console.log(`  tensors left after dispose: ${left}`);
  if (left !== 0) process.exitCode = 1;
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
