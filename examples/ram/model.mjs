// A recurrent attention model (Mnih et al. 2014, "Recurrent Models of Visual Attention") in
// plain tfjs, with the plugin's glimpseSensor as its retina, and the two-layer MLP baseline.
//
// RAM, T steps from h_0 = 0: the location network proposes a mean m_t = tanh(Wm h_t) (at
// t = 0 a learned first location, tanh of its bias), a location is drawn
// l_t = m_t + sigma * z_t (z_t standard normal) and clipped to [-1, 1] for the sensor; the
// glimpse network sees the sensor's patches at l_t and l_t itself
// (g_t = relu(W1 relu(Wp patches) + W2 relu(Wl l_t))), the core updates
// h_{t+1} = relu(Wh h_t + Wg g_t), and after the last glimpse a softmax classifies h_T.
//
// Training, per batch: cross-entropy for the classifier; REINFORCE for the location policy,
// with reward R = 1 for a right answer, 0 else, each action credited with its own advantage,
// -sum_t log pi(l_t | h_t) * stop(R - b(h_t)), the baseline b regressed on the state the
// action was drawn from (squared error); log pi is the Gaussian's density at the unclipped
// draw, whose gradient with respect to the mean is z_t / sigma. The location and baseline
// networks read a stopped copy of h (REINFORCE's noisy gradient trains them alone; the core
// learns from the classifier), as public re-implementations that reach the paper's figures do.
//
// The bilinear variant (`learnWhere: 'gradient'`) has no REINFORCE and no baseline: its sensor
// interpolates bilinearly, so the classifier's loss has a gradient with respect to every
// location, and it flows through the location network into the core, end to end. It looks
// where its means say, without noise.
import * as tf from '@tensorflow/tfjs';
import {glimpseSensor} from '../../dist/tfjs-extract-glimpse.mjs';

/**
 * The paper's sensor for each task (Table 1 and 2: 6 glimpses; 8x8 on 28x28; 12x12 at 3
 * scales on 60x60), and the policy's sigma in the sensor's [-1, 1] coordinates.
 */
export const TASKS = {
  mnist28: {side: 28, size: [8, 8], scales: 1, glimpses: 6, sigma: 0.17},
  translated60: {side: 60, size: [12, 12], scales: 3, glimpses: 6, sigma: 0.12},
  cluttered60: {side: 60, size: [12, 12], scales: 3, glimpses: 6, sigma: 0.12},
};

export const HIDDEN = 256;
export const GLIMPSE_HIDDEN = 128;

/** The gradient stops here: the value passes, the gradient is zero. */
export const stopGradient = tf.customGrad(x => ({value: tf.clone(x), gradFunc: dy => tf.zerosLike(dy)}));

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

/** Standard normal draws for one batch, one [batch, 2] tensor per glimpse, from `seed` (>= 0). */
export const drawNoise = (batch, glimpses, seed) =>
  // + 1: tfjs takes a seed of 0 for none.
  Array.from({length: glimpses}, (_, t) => tf.randomNormal([batch, 2], 0, 1, 'float32', seed + t + 1));

/**
 * The RAM of `task`; weights from `seed`. `learnWhere`: 'reinforce' (the paper's policy
 * gradient) or 'gradient' (bilinear glimpses, the location learned by backpropagation);
 * `scales`, `glimpses`: the sensor's scales and the number of glimpses, when not the task's.
 */
export function createRam(task, seed, {learnWhere = 'reinforce', scales, glimpses} = {}) {
  if (!TASKS[task]) throw new Error(`createRam: task must be one of ${Object.keys(TASKS).join(', ')}, got ${task}`);
  if (learnWhere !== 'reinforce' && learnWhere !== 'gradient')
    throw new Error(`createRam: learnWhere must be 'reinforce' or 'gradient', got ${learnWhere}`);
  const byGradient = learnWhere === 'gradient';
  const t = {...TASKS[task], ...(scales === undefined ? {} : {scales}), ...(glimpses === undefined ? {} : {glimpses})};
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
  // What the location and baseline networks read: REINFORCE keeps its gradient off the core.
  const policyInput = byGradient ? x => x : stopGradient;
  const sense = (images, where) => {
    const patches = glimpseSensor(images, where, {size: t.size, scales: t.scales, scaleFactor: 2, interpolation});
    const flat = tf.reshape(patches, [images.shape[0], patch]);
    const fromPatches = apply(layers.glimpseFromPatches, tf.relu(apply(layers.patches, flat)));
    const fromWhere = apply(layers.glimpseFromWhere, tf.relu(apply(layers.where, where)));
    return tf.relu(tf.add(fromPatches, fromWhere));
  };

  /**
   * One episode per image: `{logits, means, draws, baselines}`, per step the policy's mean,
   * the unclipped location drawn (a constant) and the baseline. `noise`: standard normal
   * draws per step (drawNoise), or null to look at the means.
   */
  function run(images, noise) {
    const batch = images.shape[0];
    let h = tf.zeros([batch, HIDDEN]);
    const means = [];
    const draws = [];
    const baselines = [];
    for (let step = 0; step < t.glimpses; step++) {
      const state = policyInput(h);
      const mean = tf.tanh(apply(layers.location, state));
      if (layers.baseline) baselines.push(tf.squeeze(apply(layers.baseline, state), [1]));
      const draw = noise && !byGradient ? tf.add(stopGradient(mean), tf.mul(noise[step], t.sigma)) : mean;
      means.push(mean);
      draws.push(draw);
      const g = sense(images, tf.clipByValue(draw, -1, 1));
      h = tf.relu(tf.add(apply(layers.coreFromState, h), apply(layers.coreFromGlimpse, g)));
    }
    return {logits: apply(layers.classifier, h), means, draws, baselines};
  }

  /**
   * The training loss of a batch (`labels` int32 [B]) and its parts (`{total, classification,
   * policy, baseline, reward}`, scalars but reward [B]); `noise` as for `run`.
   */
  function loss(images, labels, noise) {
    const {logits, means, draws, baselines} = run(images, noise);
    const classification = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 10), logits);
    // The reward is a constant, made from values off the tape (equal has no gradient).
    const predicted = tf.argMax(logits, 1).dataSync();
    const truth = labels.dataSync();
    const reward = tf.tensor1d(Float32Array.from(predicted, (c, i) => (c === truth[i] ? 1 : 0)));
    if (byGradient) return {total: classification, classification, reward};
    // log N(l; m, sigma^2) summed over both axes, less its constant.
    const logPi = draws.map((l, i) => tf.sum(tf.div(tf.neg(tf.square(tf.sub(l, means[i]))), 2 * t.sigma ** 2), 1));
    const advantages = baselines.map(b => stopGradient(tf.sub(reward, b)));
    const policy = tf.neg(tf.mean(tf.addN(logPi.map((lp, i) => tf.mul(lp, advantages[i])))));
    const baseline = tf.mean(tf.stack(baselines.map(b => tf.square(tf.sub(reward, b)))));
    return {total: tf.addN([classification, policy, baseline]), classification, policy, baseline, reward};
  }

  /**
   * Class probabilities and the glimpse locations (clipped, as the sensor saw them): with
   * `noise` null the policy's means; else one sampled path per image.
   */
  function look(images, noise = null) {
    return tf.tidy(() => {
      const {logits, draws} = run(images, noise);
      return {
        probabilities: tf.softmax(logits),
        locations: tf.stack(
          draws.map(d => tf.clipByValue(d, -1, 1)),
          1,
        ),
      };
    });
  }

  /** Predicted classes, probabilities and glimpse locations, deterministic (the means). */
  function predict(images) {
    const {probabilities, locations} = look(images);
    const classes = tf.argMax(probabilities, 1);
    return {classes, probabilities, locations};
  }

  const named = namedVariables(layers);
  return {task: t, learnWhere, loss, look, predict, named, variables: Object.values(named)};
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
  const look = images => tf.tidy(() => ({probabilities: tf.softmax(logitsOf(images))}));
  const predict = images => {
    const {probabilities} = look(images);
    return {classes: tf.argMax(probabilities, 1), probabilities};
  };
  const named = namedVariables(layers);
  return {task: t, loss, look, predict, named, variables: Object.values(named)};
}
