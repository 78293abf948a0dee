// A trained model's weights in tfjs's weights format (one manifest, one binary file), so that
// the web page (examples/web/ram.html) runs what Node trained. Runs in Node and in browsers.
//
// The manifest is `{format, model, task, testError, testDigits, samples, weightsManifest}`:
// weightsManifest as tfjs writes it (tf.io.encodeWeights), samples a few test digits (bytes,
// base64) with their labels and what Node's model made of each (class; RAM: glimpse locations),
// for the page to offer and its test to check against.
import * as tf from '@tensorflow/tfjs';

export const FORMAT = 'tfjs-extract-glimpse/ram-example';

/** `{manifest, data}` for `model` (its `named` variables), `binName` the binary's file name. */
export async function encodeModel(model, binName, about) {
  const {data, specs} = await tf.io.encodeWeights(model.named);
  return {manifest: {format: FORMAT, ...about, weightsManifest: [{paths: [binName], weights: specs}]}, data};
}

/** Assigns the weights of `manifest` (its binary's bytes in `data`) to `model`'s variables. */
export function assignWeights(model, manifest, data) {
  if (manifest.format !== FORMAT) throw new Error(`weights: expected format ${FORMAT}, got ${manifest.format}`);
  const specs = manifest.weightsManifest.flatMap(group => group.weights);
  const values = tf.io.decodeWeights(data, specs);
  try {
    for (const [name, variable] of Object.entries(model.named)) {
      const value = values[name];
      if (!value) throw new Error(`weights: ${name} is missing`);
      if (!tf.util.arraysEqual(value.shape, variable.shape))
        throw new Error(`weights: ${name} has shape [${value.shape}], the model needs [${variable.shape}]`);
      variable.assign(value);
    }
  } finally {
    tf.dispose(Object.values(values));
  }
}

/** Digits (`side` x `side` floats in [0, 1] each) as base64 bytes, and back. */
export function digitsToBase64(images, count, side) {
  const bytes = Uint8Array.from(images.subarray(0, count * side * side), v => Math.round(v * 255));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

export function digitsFromBase64(text) {
  const bytes = Uint8Array.from(atob(text), c => c.charCodeAt(0));
  return Float32Array.from(bytes, b => b / 255);
}
