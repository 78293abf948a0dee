// An app without the converter: tfjs-core, the cpu backend and the plugin's main entry.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {extractGlimpse, glimpseSensor} from 'tfjs-extract-glimpse';
import {checkOps, report} from './checks.js';

report(
  (async () => {
    await tf.setBackend('cpu');
    return {ops: await checkOps(tf, {extractGlimpse, glimpseSensor})};
  })(),
);
