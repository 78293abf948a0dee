// A recurrent attention model (Mnih et al. 2014, "Recurrent Models of Visual Attention") in
// plain tfjs, with the plugin's glimpseSensor as its retina, and the two-layer MLP baseline.
//
// RAM: at each of T steps the glimpse network sees the sensor's patches at location l and l
// itself (g = relu(W1 relu(Wp patches) + W2 relu(Wl l))), the core RNN updates
// h = relu(Wh h + Wg g), and the location network proposes the next location's mean
// tanh(Wm h), from which l is drawn with a fixed sigma (a Gaussian policy). After the last
// step a softmax classifies h. Training: cross-entropy for the classifier, REINFORCE for the
// location policy (reward 1 for a right answer, minus a learned baseline b_t = Wb h_t), and a
// squared error for the baseline. The location itself is a constant: the gradient reaches the
// policy's mean only through the log-probability of the drawn location. The location and
// baseline networks read a stopped copy of h, so REINFORCE's noisy gradient trains them alone
// and the core learns from the classifier (about three times faster to learn here than
// letting it reach the core).
//
// The bilinear variant (`learnWhere: 'gradient'`) has no REINFORCE and no baseline: its sensor
// interpolates bilinearly, so the classifier's loss has a gradient with respect to every
// location, and it flows through the location network into the core, end to end. It looks
// where its means say, without noise (with sigma as above it learned more slowly here).
import * as tf from '@tensorflow/tfjs';
import {glimpseSensor} from '../../dist/tfjs-extract-glimpse.mjs';

/** The paper's settings for each task (Table 1: 6 glimpses; 8x8 on 28x28; 12x12 at 3 scales on 60x60). */
export const TASKS = {
  mnist28: {side: 28, size: [8, 8], scales: 1, glimpses: 6},
  translated60: {side: 60, size: [12, 12], scales: 3, glimpses: 6},
};

const HIDDEN = 256;
const GLIMPSE_HIDDEN = 128;
const SIGMA = 0.17;

/** The gradient stops here: the value passes, the gradient is zero. */
const stopGradient = tf.customGrad(x => ({value: tf.clone(x), gradFunc: dy => tf.zerosLike(dy)}));

// Variables go unnamed (tfjs names must be unique per process, and a page may load one model
// after another); `named` gives each its name in the saved weights.
function dense(inputs, units, seed) {
  const init = tf.initializers.glorotUniform({seed});
  // tidy: the initial values go, the variables (which hold their own reference) stay.
  return tf.tidy(() => ({kernel: tf.variable(init.apply([inputs, units])), bias: tf.variable(tf.zeros([units]))}));
}

/** Every variable of `layers` by its saved name ('<layer>/kernel', '<layer>/bias'). */
const namedVariables = layers =>
  Object.fromEntries(
    Object.entries(layers).flatMap(([name, l]) => [
      [`${name}/kernel`, l.kernel],
      [`${name}/bias`, l.bias],
    ]),
  );

const apply = (layer, x) => tf.add(tf.matMul(x, layer.kernel), layer.bias);

/**
 * The RAM of `task`; weights from `seed`. `learnWhere`: 'reinforce' (the paper's policy
 * gradient) or 'gradient' (bilinear glimpses, the location learned by backpropagation);
 * `scales`: the sensor's scales, when not the task's.
 */
export function createRam(task, seed, {learnWhere = 'reinforce', scales} = {}) {
  if (learnWhere !== 'reinforce' && learnWhere !== 'gradient')
    throw new Error(`createRam: learnWhere must be 'reinforce' or 'gradient', got ${learnWhere}`);
  const byGradient = learnWhere === 'gradient';
  const t = {...TASKS[task], ...(scales === undefined ? {} : {scales})};
  const patch = t.scales * t.size[0] * t.size[1];
  const layers = {
    patches: dense(patch, GLIMPSE_HIDDEN, seed + 1),
    where: dense(2, GLIMPSE_HIDDEN, seed + 2),
    glimpseFromPatches: dense(GLIMPSE_HIDDEN, HIDDEN, seed + 3),
    glimpseFromWhere: dense(GLIMPSE_HIDDEN, HIDDEN, seed + 4),
    coreFromState: dense(HIDDEN, HIDDEN, seed + 5),
    coreFromGlimpse: dense(HIDDEN, HIDDEN, seed + 6),
    location: dense(HIDDEN, 2, seed + 7),
    classifier: dense(HIDDEN, 10, seed + 9),
    ...(byGradient ? {} : {baseline: dense(HIDDEN, 1, seed + 8)}),
  };
  const interpolation = byGradient ? 'bilinear' : 'nearest';
  // Where the policy's gradient may flow: REINFORCE keeps it off the location and the core.
  const policyInput = byGradient ? x => x : stopGradient;
  const sense = (images, where) => {
    const patches = glimpseSensor(images, where, {size: t.size, scales: t.scales, scaleFactor: 2, interpolation});
    const flat = tf.reshape(patches, [images.shape[0], patch]);
    const fromPatches = apply(layers.glimpseFromPatches, tf.relu(apply(layers.patches, flat)));
    const fromWhere = apply(layers.glimpseFromWhere, tf.relu(apply(layers.where, where)));
    return tf.relu(tf.add(fromPatches, fromWhere));
  };

  /**
   * One episode per image: `{logits, means, locations, baselines}` (per step), the locations
   * drawn with noise from `noiseSeed` (or the means themselves when `noiseSeed` is null).
   */
  function run(images, noiseSeed) {
    const batch = images.shape[0];
    let h = tf.zeros([batch, HIDDEN]);
    // The first location: drawn around the centre.
    let mean = tf.zeros([batch, 2]);
    const means = [];
    const locations = [];
    const baselines = [];
    for (let step = 0; step < t.glimpses; step++) {
      const noise =
        noiseSeed === null || byGradient
          ? tf.zeros([batch, 2])
          : tf.randomNormal([batch, 2], 0, SIGMA, 'float32', noiseSeed + step);
      const where = tf.clipByValue(tf.add(policyInput(mean), noise), -1, 1);
      means.push(mean);
      locations.push(where);
      const g = sense(images, where);
      h = tf.relu(tf.add(apply(layers.coreFromState, h), apply(layers.coreFromGlimpse, g)));
      if (layers.baseline) baselines.push(tf.squeeze(apply(layers.baseline, stopGradient(h)), [1]));
      mean = tf.tanh(apply(layers.location, policyInput(h)));
    }
    return {logits: apply(layers.classifier, h), means, locations, baselines};
  }

  /** The training loss of a batch (`labels` int32 [B]) and its parts, for the progress line. */
  function loss(images, labels, noiseSeed) {
    const {logits, means, locations, baselines} = run(images, noiseSeed);
    const classification = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 10), logits);
    // The reward is a constant: made from values, off the tape (equal has no gradient).
    const predicted = tf.argMax(logits, 1).dataSync();
    const truth = labels.dataSync();
    const reward = tf.tensor1d(Array.from(predicted, (c, i) => (c === truth[i] ? 1 : 0)));
    if (byGradient) return {total: classification, classification, reward};
    // log N(l; mean, sigma), up to a constant, summed over the steps and both axes.
    const logProb = tf.addN(
      locations.map((l, i) => tf.sum(tf.div(tf.neg(tf.square(tf.sub(l, means[i]))), 2 * SIGMA * SIGMA), 1)),
    );
    const advantage = tf.addN(baselines.map(b => stopGradient(tf.sub(reward, b))));
    const reinforce = tf.neg(tf.mean(tf.mul(advantage, logProb)));
    const baseline = tf.mean(tf.addN(baselines.map(b => tf.square(tf.sub(reward, b)))));
    return {total: tf.addN([classification, tf.mul(reinforce, 1 / t.glimpses), baseline]), classification, reward};
  }

  /** Predicted classes, their probabilities and the glimpse locations (the policy's means, no noise). */
  function predict(images) {
    return tf.tidy(() => {
      const {logits, locations} = run(images, null);
      return {classes: tf.argMax(logits, 1), probabilities: tf.softmax(logits), locations: tf.stack(locations, 1)};
    });
  }

  const named = namedVariables(layers);
  return {task: t, loss, predict, named, variables: Object.values(named)};
}

/** The baseline: a two-layer MLP (256 hidden units each, relu) on the whole image. */
export function createMlp(task, seed) {
  const t = TASKS[task];
  const layers = {
    hidden1: dense(t.side * t.side, HIDDEN, seed + 1),
    hidden2: dense(HIDDEN, HIDDEN, seed + 2),
    output: dense(HIDDEN, 10, seed + 3),
  };
  const logitsOf = images => {
    let x = tf.reshape(images, [images.shape[0], t.side * t.side]);
    x = tf.relu(apply(layers.hidden1, x));
    x = tf.relu(apply(layers.hidden2, x));
    return apply(layers.output, x);
  };
  function loss(images, labels) {
    const classification = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 10), logitsOf(images));
    return {total: classification, classification};
  }
  const predict = images =>
    tf.tidy(() => {
      const logits = logitsOf(images);
      return {classes: tf.argMax(logits, 1), probabilities: tf.softmax(logits)};
    });
  const named = namedVariables(layers);
  return {task: t, loss, predict, named, variables: Object.values(named)};
}
