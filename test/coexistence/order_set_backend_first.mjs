// The backend chosen and started first, the plugin imported afterwards.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
await tf.setBackend('wasm');
await tf.ready();
const {extractGlimpse} = await import('../../dist/tfjs-extract-glimpse.mjs');
const out = extractGlimpse(tf.reshape(tf.range(0, 25), [1, 5, 5, 1]), [3, 3], [[1, 0]], false, false, 'zero');
console.log(JSON.stringify({backend: tf.getBackend(), values: Array.from(out.dataSync())}));
