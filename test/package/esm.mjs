import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {extractGlimpse} from 'tfjs-extract-glimpse';
const out = extractGlimpse(tf.reshape(tf.range(0, 25), [1, 5, 5, 1]), [3, 3], [[1, 0]], false, false, 'zero');
console.log(JSON.stringify(Array.from(out.dataSync())), typeof tf.image.extractGlimpse);
