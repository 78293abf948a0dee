/*
 * Long loops of calls that must keep tf.memory() flat (tensors, bytes and, on webgl, GPU
 * bytes): forward in every noise mode, the gradient, and graph-model execution. For jest in
 * Node and for pages (globalThis.leakLoops).
 */
(function (root) {
  'use strict';

  function snapshot(tf) {
    const m = tf.memory();
    return {numTensors: m.numTensors, numBytes: m.numBytes, numBytesInGPU: m.numBytesInGPU || 0};
  }

  /** Runs `step` once to warm up (uploads, compiles), then `n` times; returns memory before/after. */
  async function flat(tf, n, step) {
    await step(0);
    const before = snapshot(tf);
    for (let i = 1; i <= n; i++) await step(i);
    return {before: before, after: snapshot(tf)};
  }

  async function runLoops(tf, n) {
    const image = tf.randomUniform([3, 17, 13, 2], -1, 1, 'float32', 1);
    const offsets = tf.tensor2d([
      [0.2, -0.9],
      [1.3, 0.1],
      [NaN, 0],
    ]);
    const modes = ['zero', 'uniform', 'gaussian'];
    const out = {};
    out.forward = await flat(tf, n, async i => {
      const g = tf.image.extractGlimpse(image, [6, 5], offsets, true, true, modes[i % 3], {
        version: 1 + (i % 2),
        seed: i,
      });
      await g.data();
      g.dispose();
    });
    out.gradient = await flat(tf, n, async i => {
      const dx = tf.grad(x => tf.image.extractGlimpse(x, [6, 5], offsets, i % 2 === 0, true, modes[i % 3]))(image);
      await dx.data();
      dx.dispose();
    });
    tf.dispose([image, offsets]);
    return out;
  }

  /** `model.execute` and `executeAsync` on a graph model, `n` times each. */
  async function runModelLoops(tf, model, feeds, outputs, n) {
    return {
      execute: await flat(tf, n, async () => {
        const r = model.execute(feeds, outputs);
        await Promise.all([].concat(r).map(t => t.data()));
        tf.dispose(r);
      }),
      executeAsync: await flat(tf, n, async () => {
        const r = await model.executeAsync(feeds, outputs);
        tf.dispose(r);
      }),
    };
  }

  const api = {runLoops: runLoops, runModelLoops: runModelLoops};
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.leakLoops = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
