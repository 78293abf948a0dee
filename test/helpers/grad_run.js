/*
 * Gradient runs of golden cases, for jest in Node and for pages in Chromium (loaded as a
 * classic script there: globalThis.gradRun). Needs golden_run.js (goldenRun.callArgs).
 */
(function (root) {
  'use strict';
  // Looked up at call time: in a page this script may load before golden_run.js.
  const golden = () => (typeof module === 'object' && module.exports ? require('./golden_run') : root.goldenRun);

  function bitsOf(values) {
    return Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
  }

  function gradSetup(tf, c) {
    const args = golden().callArgs(tf, c, 5);
    const [input, size, offsets] = args;
    const outShape = [c.input_shape[0], size[0], size[1], c.input_shape[3]];
    const count = outShape.reduce((a, b) => a * b, 1);
    const dy = tf.tensor(
      Array.from({length: count}, (_, k) => k + 1),
      outShape,
      'float32',
    );
    const f = (x, o) => tf.image.extractGlimpse(x, size, o, args[3], args[4], args[5], args[6]);
    return {args: args, input: input, offsets: offsets, dy: dy, f: f};
  }

  function finish(tf, args, before, result) {
    args.forEach(a => {
      if (a instanceof tf.Tensor) a.dispose();
    });
    result.leaked = tf.memory().numTensors - before;
    return result;
  }

  /**
   * d input and d offsets of the case's glimpse for an upstream gradient dy[k] = k + 1,
   * through tf.grads; returns plain data ({error} for cases that throw).
   */
  function runGradCase(tf, c) {
    const before = tf.memory().numTensors;
    const s = gradSetup(tf, c);
    let result;
    try {
      const [dx, dOffsets] = tf.grads(s.f)([s.input, s.offsets], s.dy);
      result = {
        shape: dx.shape,
        dtype: dx.dtype,
        bits: bitsOf(dx.dataSync()),
        offsetsGrad: Array.from(dOffsets.dataSync()),
        offsetsGradShape: dOffsets.shape,
      };
      tf.dispose([dx, dOffsets]);
    } catch (e) {
      result = {error: String((e && e.message) || e)};
    }
    s.dy.dispose();
    return finish(tf, s.args, before, result);
  }

  /** The same through tf.valueAndGrads, read with `await data()` (for GPU pages). */
  async function runGradCaseAsync(tf, c) {
    const before = tf.memory().numTensors;
    const s = gradSetup(tf, c);
    let result;
    try {
      const {value, grads} = tf.valueAndGrads(s.f)([s.input, s.offsets], s.dy);
      const [dx, dOffsets] = grads;
      result = {
        shape: dx.shape,
        dtype: dx.dtype,
        bits: bitsOf(await dx.data()),
        offsetsGrad: Array.from(await dOffsets.data()),
        offsetsGradShape: dOffsets.shape,
      };
      tf.dispose([value, dx, dOffsets]);
    } catch (e) {
      result = {error: String((e && e.message) || e)};
    }
    s.dy.dispose();
    return finish(tf, s.args, before, result);
  }

  const api = {runGradCase: runGradCase, runGradCaseAsync: runGradCaseAsync};
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.gradRun = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
