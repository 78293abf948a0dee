// Error of a model on a part of the data: deterministic (the policy's means), or with M
// sampled glimpse paths per digit, their class probabilities averaged (Monte Carlo).
import * as tf from '@tensorflow/tfjs';
import {digitsOf} from './data.mjs';
import {drawNoise} from './model.mjs';

const CHUNK = 500;

/**
 * `{error (%), wrong, count}` of `model` on `part` (canvases of the model's side); `samples`
 * 0 for the deterministic result, M > 0 for M sampled paths from `seed`.
 */
export function errorOf(model, part, {samples = 0, seed = 1} = {}) {
  if (part.side !== model.task.side)
    throw new Error(
      `errorOf: the model reads ${model.task.side}x${model.task.side} images, got ${part.side}x${part.side}`,
    );
  const n = part.labels.length;
  let wrong = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    const indices = Int32Array.from({length: to - from}, (_, i) => from + i);
    const classes = tf.tidy(() => {
      const images = tf.tensor4d(digitsOf(part, indices), [to - from, part.side, part.side, 1]);
      if (samples === 0) return tf.argMax(model.look(images).probabilities, 1);
      let sum = tf.zeros([to - from, 10]);
      for (let m = 0; m < samples; m++) {
        const noise = drawNoise(to - from, model.task.glimpses, seed + 7919 * (m * 1000 + from / CHUNK));
        sum = tf.add(sum, model.look(images, noise).probabilities);
      }
      return tf.argMax(sum, 1);
    });
    const predicted = classes.dataSync();
    classes.dispose();
    for (let i = 0; i < predicted.length; i++) if (predicted[i] !== part.labels[from + i]) wrong++;
  }
  return {error: (100 * wrong) / n, wrong, count: n};
}
