// The main entry registers no converter op; the models entry does, and shares the main entry's code.
import {readFileSync} from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {loadGraphModel} from '@tensorflow/tfjs-converter';
import * as main from 'tfjs-extract-glimpse';

function loadModel() {
  const json = JSON.parse(readFileSync('web_model/model.json', 'utf8'));
  const bytes = Buffer.concat(json.weightsManifest.flatMap(g => g.paths).map(p => readFileSync(`web_model/${p}`)));
  const weightSpecs = json.weightsManifest.flatMap(g => g.weights);
  return loadGraphModel(tf.io.fromMemory({...json, weightSpecs, weightData: new Uint8Array(bytes).buffer}));
}

function execute(model) {
  try {
    return model.execute({image: tf.zeros([1, 10, 12, 3]), offsets: tf.tensor2d([[0.25, -0.5]])}).shape;
  } catch (e) {
    return e.message;
  }
}

const mainOnly = execute(await loadModel());
const models = await import('tfjs-extract-glimpse/converter');
const withModels = execute(await loadModel());
console.log(JSON.stringify({mainOnly, withModels, same: models.extractGlimpse === main.extractGlimpse}));
