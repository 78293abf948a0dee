// An app that runs converted models: the full tfjs (its default backend) and the plugin's models entry.
import * as tf from '@tensorflow/tfjs';
import {extractGlimpse, glimpseSensor} from 'tfjs-extract-glimpse/converter';
import {checkModel, checkOps, report} from './checks.js';

report(
  (async () => {
    await tf.ready();
    return {ops: await checkOps(tf, {extractGlimpse, glimpseSensor}), model: await checkModel(tf, 'web_model')};
  })(),
);
