// A small example: one V2 glimpse (TF2's defaults) of a test image, printed.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {extractGlimpse} from '../dist/tfjs-extract-glimpse.mjs';

await tf.setBackend('cpu');
// A 9x9 image whose pixel (y, x) is 10*y + x.
const image = tf.tidy(() => tf.reshape(tf.add(tf.reshape(tf.mul(tf.range(0, 9), 10), [9, 1]), tf.range(0, 9)), [1, 9, 9, 1]));
console.log('image [1, 9, 9, 1], pixel (y, x) = 10*y + x');
const cases = [
  ['centred 3x3, TF2 defaults', () => extractGlimpse(image, [3, 3], [[0, 0]])],
  ['5x5 at the top-left corner, zero noise', () => extractGlimpse(image, [5, 5], [[-1, -1]], true, true, 'zero')],
  ['5x5 at the top-left corner, seeded uniform noise', () => extractGlimpse(image, [5, 5], [[-1, -1]], true, true, 'uniform', {seed: 1})],
];
for (const [title, run] of cases) {
  const glimpse = run();
  console.log(`\n${title}: shape [${glimpse.shape}]`);
  const rows = tf.reshape(glimpse, glimpse.shape.slice(1, 3)).arraySync();
  for (const row of rows) console.log(row.map(v => v.toFixed(1).padStart(6)).join(''));
  glimpse.dispose();
}
image.dispose();
