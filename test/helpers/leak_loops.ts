/**
 * Long loops of calls that must keep tf.memory() flat (tensors, bytes and, on webgl, GPU
 * bytes): forward in every noise mode, the gradient, and graph-model execution. For jest in
 * Node and for pages (bundled for them into `leakLoops`).
 */
import type {NamedTensorMap, Tensor, Tensor4D} from '@tensorflow/tfjs-core';
import {pluginOps, type Tf} from './page_tf';

export interface Flat {
  before: {numTensors: number; numBytes: number; numBytesInGPU: number};
  after: {numTensors: number; numBytes: number; numBytesInGPU: number};
}

/** What runModelLoops needs of a tfjs-converter GraphModel. */
export interface LoopedModel {
  execute(feeds: NamedTensorMap, outputs: string[]): Tensor | Tensor[];
  executeAsync(feeds: NamedTensorMap, outputs: string[]): Promise<Tensor | Tensor[]>;
}

function snapshot(tf: Tf) {
  const m = tf.memory() as ReturnType<Tf['memory']> & {numBytesInGPU?: number};
  return {numTensors: m.numTensors, numBytes: m.numBytes, numBytesInGPU: m.numBytesInGPU ?? 0};
}

/** Runs `step` once to warm up (uploads, compiles), then `n` times; returns memory before/after. */
async function flat(tf: Tf, n: number, step: (i: number) => Promise<void>): Promise<Flat> {
  await step(0);
  const before = snapshot(tf);
  for (let i = 1; i <= n; i++) await step(i);
  return {before, after: snapshot(tf)};
}

export async function runLoops(tf: Tf, n: number): Promise<{forward: Flat; gradient: Flat}> {
  const image = tf.randomUniform([3, 17, 13, 2], -1, 1, 'float32', 1) as Tensor4D;
  const offsets = tf.tensor2d([
    [0.2, -0.9],
    [1.3, 0.1],
    [NaN, 0],
  ]);
  const modes = ['zero', 'uniform', 'gaussian'] as const;
  const forward = await flat(tf, n, async i => {
    const g = pluginOps(tf).extractGlimpse(image, [6, 5], offsets, true, true, modes[i % 3], {
      version: (1 + (i % 2)) as 1 | 2,
      seed: i,
    });
    await g.data();
    g.dispose();
  });
  const gradient = await flat(tf, n, async i => {
    const dx = tf.grad(x =>
      pluginOps(tf).extractGlimpse(x as Tensor4D, [6, 5], offsets, i % 2 === 0, true, modes[i % 3]),
    )(image);
    await dx.data();
    dx.dispose();
  });
  tf.dispose([image, offsets]);
  return {forward, gradient};
}

/** `model.execute` and `executeAsync` on a graph model, `n` times each. */
export async function runModelLoops(
  tf: Tf,
  model: LoopedModel,
  feeds: NamedTensorMap,
  outputs: string[],
  n: number,
): Promise<{execute: Flat; executeAsync: Flat}> {
  return {
    execute: await flat(tf, n, async () => {
      const r = model.execute(feeds, outputs);
      await Promise.all(([] as Tensor[]).concat(r).map(t => t.data()));
      tf.dispose(r);
    }),
    executeAsync: await flat(tf, n, async () => {
      const r = await model.executeAsync(feeds, outputs);
      tf.dispose(r);
    }),
  };
}
