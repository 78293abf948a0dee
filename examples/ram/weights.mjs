// A trained model's weights in tfjs's weights format (one manifest, one binary file), so that
// the web page (examples/web/ram.html) runs what Node trained. Runs in Node and in browsers.
//
// The manifest is `{format, model, task, testError, testDigits, samples, weightsManifest}`:
// weightsManifest as tfjs writes it (tf.io.encodeWeights), samples a few test digits (bytes,
// base64) with their labels and what Node's model made of each (class; RAM: glimpse locations),
// for the page to offer and its test to check against.
import * as tf from '@tensorflow/tfjs';

export const FORMAT = 'tfjs-extract-glimpse/ram-example';

/** A float32 as IEEE half-precision bits, rounded to nearest even (tfjs decodes 'float16'). */
function toHalf(value) {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0];
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent >= 0x1f) return sign | 0x7c00;
  if (exponent <= 0) {
    if (exponent < -10) return sign;
    const m = (mantissa | 0x800000) >>> (1 - exponent);
    return sign | ((m + 0xfff + ((m >>> 13) & 1)) >>> 13);
  }
  // Rounding may carry into the exponent, which is the right result.
  return (sign | (exponent << 10) | (mantissa >>> 13)) + (((mantissa & 0x1fff) + ((mantissa >>> 13) & 1) > 0x1000) | 0);
}

/** One float32 tensor's bytes and spec, stored as `quantize` ('float16', 'uint8' or null for float32). */
function encodeTensor(name, values, shape, quantize) {
  if (!quantize)
    return {spec: {name, shape, dtype: 'float32'}, bytes: new Uint8Array(Float32Array.from(values).buffer)};
  if (quantize === 'float16') {
    const half = Uint16Array.from(values, toHalf);
    return {
      spec: {name, shape, dtype: 'float32', quantization: {dtype: 'float16'}},
      bytes: new Uint8Array(half.buffer),
    };
  }
  if (quantize !== 'uint8')
    throw new Error(`encodeModel: quantize must be 'float16', 'uint8' or null, got ${quantize}`);
  // Affine 8-bit: value = min + q * scale, as tfjs's converter writes it.
  let [min, max] = [Infinity, -Infinity];
  for (const v of values) [min, max] = [Math.min(min, v), Math.max(max, v)];
  const scale = max > min ? (max - min) / 255 : 1;
  const q = Uint8Array.from(values, v => Math.round((v - min) / scale));
  return {spec: {name, shape, dtype: 'float32', quantization: {dtype: 'uint8', scale, min}}, bytes: q};
}

/**
 * `{manifest, data}` for `model` (its `named` variables), `binName` the binary's file name;
 * `quantize`: 'float16', 'uint8' or null (float32).
 */
export async function encodeModel(model, binName, about, quantize = null) {
  const parts = Object.entries(model.named).map(([name, v]) => encodeTensor(name, v.dataSync(), v.shape, quantize));
  const data = new Uint8Array(parts.reduce((n, p) => n + p.bytes.length, 0));
  let offset = 0;
  for (const p of parts) {
    data.set(p.bytes, offset);
    offset += p.bytes.length;
  }
  const specs = parts.map(p => p.spec);
  return {
    manifest: {format: FORMAT, ...about, weightsManifest: [{paths: [binName], weights: specs}]},
    data: data.buffer,
  };
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
