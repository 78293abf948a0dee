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
    const offsets = Array.isArray(c.offsets_shape) && c.offsets_shape.length === 2 ?
        tf.tensor(decode(c.offsets).flat(), c.offsets_shape, 'float32') :
        decode(c.offsets);
    const options = {version: c.op === 'ExtractGlimpse' ? 1 : 2, uniformNoise: c.attrs.uniform_noise};
    if (seed !== undefined) options.seed = seed;
    return [input, c.size, offsets, c.attrs.centered, c.attrs.normalized, c.attrs.noise, options];
  }

  /**
   * Returns {shape, values} (values encoded: NaN and infinities as strings, -0 kept as
   * {negZero: true} is not needed: TF's zero noise is +0 and copies keep the sign bit, so
   * `bits` carries the float32 bit patterns) or {error}.
   */
  function runCase(tf, c, seed) {
    const before = tf.memory().numTensors;
    const args = callArgs(tf, c, seed);
    let result;
    try {
      const out = tf.image.extractGlimpse.apply(null, args);
      const values = out.dataSync();
      const bits = Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
      result = {shape: out.shape, dtype: out.dtype, bits: bits};
      out.dispose();
    } catch (e) {
      result = {error: String(e && e.message || e)};
    }
    args.forEach(a => { if (a instanceof tf.Tensor) a.dispose(); });
    result.leaked = tf.memory().numTensors - before;
    return result;
  }

  const api = {decode: decode, encode: encode, runCase: runCase, callArgs: callArgs};
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.goldenRun = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
