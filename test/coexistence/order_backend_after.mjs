// The plugin first, then the backend, then setBackend.
import * as tf from '@tensorflow/tfjs-core';
import {extractGlimpse} from '../../dist/tfjs-extract-glimpse.mjs';
await import('@tensorflow/tfjs-backend-wasm');
await tf.setBackend('wasm');
const out = extractGlimpse(tf.reshape(tf.range(0, 25), [1, 5, 5, 1]), [3, 3], [[1, 0]], false, false, 'zero');
console.log(JSON.stringify({backend: tf.getBackend(), values: Array.from(out.dataSync())}));
