// Runs the RAM example's training loss on a case set up to be worked by hand (see
// test/ram_estimator.test.ts) and prints, as one JSON line, the loss parts and the gradients
// of the total loss with respect to the location and baseline networks.
import * as tf from '@tensorflow/tfjs';
import {createRam} from '../../examples/ram/model.mjs';

const {location, baseline, draws, labels, classifierBias, stateBias} = JSON.parse(process.argv[2]);
await tf.setBackend('cpu');
const model = createRam('mnist28', 0, {glimpses: draws.length});
for (const v of model.variables) v.assign(tf.zerosLike(v));
const fill = (name, value) => model.named[name].assign(tf.fill(model.named[name].shape, value));
model.named['location/bias'].assign(tf.tensor1d(location.bias));
fill('baseline/kernel', baseline.kernel);
fill('baseline/bias', baseline.bias);
fill('coreFromState/bias', stateBias);
model.named['classifier/bias'].assign(tf.tensor1d(classifierBias));

const images = tf.zeros([labels.length, 28, 28, 1]);
const labelTensor = tf.tensor1d(labels, 'int32');
const noise = draws.map(d => tf.tensor2d(d));
const wanted = ['location/bias', 'location/kernel', 'baseline/bias', 'baseline/kernel'];
let parts;
const {grads} = tf.variableGrads(
  () => {
    const l = model.loss(images, labelTensor, noise);
    parts = {
      policy: l.policy.dataSync()[0],
      baseline: l.baseline.dataSync()[0],
      reward: Array.from(l.reward.dataSync()),
    };
    return l.total;
  },
  wanted.map(n => model.named[n]),
);
const byName = Object.fromEntries(wanted.map(n => [n, grads[model.named[n].name].arraySync()]));
console.log(JSON.stringify({parts, grads: byName}));
