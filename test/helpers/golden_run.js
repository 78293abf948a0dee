/*
 * Runs one golden case (test/fixtures/*_cases.json) through the public op and returns
 * plain data, so the same runner serves jest in Node and the pages in Chromium (loaded
 * there as a classic script: it sets `globalThis.goldenRun`). Comparison happens in
 * test/helpers/golden_check.ts, on the Node side.
 */
(function (root) {
  'use strict';

  function decode(v) {
    if (v === 'NaN') return NaN;
    if (v === 'Infinity') return Infinity;
    if (v === '-Infinity') return -Infinity;
    if (Array.isArray(v)) return v.map(decode);
    return v;
  }

  function encode(v) {
    if (Number.isNaN(v)) return 'NaN';
    if (v === Infinity) return 'Infinity';
    if (v === -Infinity) return '-Infinity';
    return v;
  }

  /** The op call a case describes: positional arguments as TF2's API, the rest in options. */
  function callArgs(tf, c, seed) {
    const input = tf.tensor(decode(c.input), c.input_shape, 'float32');
    const offsets =
      Array.isArray(c.offsets_shape) && c.offsets_shape.length === 2
        ? tf.tensor(decode(c.offsets).flat(), c.offsets_shape, 'float32')
        : decode(c.offsets);
    const options = {version: c.op === 'ExtractGlimpse' ? 1 : 2, uniformNoise: c.attrs.uniform_noise};
    if (seed !== undefined) options.seed = seed;
    return [input, c.size, offsets, c.attrs.centered, c.attrs.normalized, c.attrs.noise, options];
  }

  function resultOf(out, values) {
    const bits = Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
    return {shape: out.shape, dtype: out.dtype, bits: bits};
  }

  function finish(tf, args, before, result) {
    args.forEach(a => {
      if (a instanceof tf.Tensor) a.dispose();
    });
    result.leaked = tf.memory().numTensors - before;
    return result;
  }

  /**
   * Returns {shape, dtype, bits} (the float32 bit patterns, so NaN payloads and -0 survive
   * the trip to Node) or {error}, and how many tensors the call leaked.
   */
  function runCase(tf, c, seed) {
    const before = tf.memory().numTensors;
    const args = callArgs(tf, c, seed);
    let result;
    try {
      const out = tf.image.extractGlimpse.apply(null, args);
      result = resultOf(out, out.dataSync());
      out.dispose();
    } catch (e) {
      result = {error: String((e && e.message) || e)};
    }
    return finish(tf, args, before, result);
  }

  /** The same, reading with `await data()`: webgpu's dataSync is a canvas round trip. */
  async function runCaseAsync(tf, c, seed) {
    const before = tf.memory().numTensors;
    const args = callArgs(tf, c, seed);
    let result;
    try {
      const out = tf.image.extractGlimpse.apply(null, args);
      result = resultOf(out, await out.data());
      out.dispose();
    } catch (e) {
      result = {error: String((e && e.message) || e)};
    }
    return finish(tf, args, before, result);
  }

  const api = {decode: decode, encode: encode, runCase: runCase, runCaseAsync: runCaseAsync, callArgs: callArgs};
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.goldenRun = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
