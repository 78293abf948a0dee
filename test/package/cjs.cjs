const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const {extractGlimpse} = require('tfjs-extract-glimpse');
const out = extractGlimpse(tf.reshape(tf.range(0, 25), [1, 5, 5, 1]), [3, 3], [[1, 0]], false, false, 'zero');
console.log(JSON.stringify(Array.from(out.dataSync())), typeof tf.image.extractGlimpse);
