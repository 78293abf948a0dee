// One training step of the example's models (loss, gradients clipped to a global norm, Adam),
// and the learning-rate schedule; train.mjs runs them, tools/ram_speed.mjs times them.
import * as tf from '@tensorflow/tfjs';

const CLIP_NORM = 5;
const FINAL_LR = 0.01;

/** The learning rate of `epoch` (from 0): a cosine from `lr` down to FINAL_LR of it. */
export const learningRate = (a, epoch) =>
  a.lr * (FINAL_LR + ((1 - FINAL_LR) * (1 + Math.cos((Math.PI * epoch) / a.epochs))) / 2);

/** One optimizer step on a batch; returns its classification loss and mean reward. */
export function trainStep(model, optimizer, images, labels, noise) {
  let parts = null;
  const {value, grads} = tf.variableGrads(() => {
    const l = model.loss(images, labels, noise);
    parts = {classification: tf.keep(l.classification), reward: l.reward ? tf.keep(tf.mean(l.reward)) : null};
    return l.total;
  }, model.variables);
  // Clipped to a global norm: REINFORCE's rare large steps stay bounded.
  const scale = tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(Object.values(grads).map(g => tf.sum(tf.square(g)))));
    return tf.div(CLIP_NORM, tf.maximum(norm, CLIP_NORM));
  });
  const clipped = tf.tidy(() => Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, tf.mul(g, scale)])));
  optimizer.applyGradients(clipped);
  const result = {
    classification: parts.classification.dataSync()[0],
    reward: parts.reward ? parts.reward.dataSync()[0] : null,
  };
  tf.dispose([value, scale, parts.classification, parts.reward, Object.values(grads), Object.values(clipped)]);
  return result;
}
