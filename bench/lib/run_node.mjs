// The Node backends (cpu; wasm when installed and the plugin registers it; tensorflow, tfjs-node's
// backend, when it loads): per workload, the op, the composite, the JS copy floors, the backward
// kernel and its floors, tf.grad.
import * as crypto from 'node:crypto';
import {performance} from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {
  checkBoxesPickWindow,
  effectiveNoise,
  generateChecked,
  itemsNeedingStats,
  pixelExactBoxes,
  windowGeometry,
} from './workloads.mjs';
import {
  BILINEAR_WORKLOADS,
  bilinearCall,
  compareBits,
  compositeCall,
  installPeakTracker,
  kernelCall,
  unseededCall,
  measureInterleaved,
  repetitionPolicy,
  verifyOutputs,
  withWasmPaths,
} from './methods.mjs';
import {COPY_STRATEGIES, backwardFloor, forwardFloor} from './floor.mjs';
import {log} from './paths.mjs';
import {loadTfjsNode} from '../../tools/tfjs_node.mjs';

export const NODE_BACKENDS = ['cpu', 'wasm', 'tensorflow'];

/**
 * tfjs-node keeps results in TensorFlow's memory until read: each timed call there ends with
 * dataSync() of its results, as a user reading them pays (cpu's results already are in JS).
 */
export function readBack(backend, call) {
  if (backend !== 'tensorflow') return call;
  return () => {
    const r = call();
    for (const t of [].concat(r)) t.dataSync();
    return r;
  };
}

export const nodeDigest = bytes => crypto.createHash('sha256').update(bytes).digest('hex');

/** Times each copy strategy of a floor briefly and keeps the faster: the floor must be tight. */
async function pickStrategy(make, w) {
  const trial = {};
  const minReps = w.derived.inputBytes >= 128 << 20 ? 2 : 5;
  for (const s of COPY_STRATEGIES) {
    const f = make(s);
    const r = await measureInterleaved(
      [{key: s, run: () => f.run(), bytes: f.bytes}],
      {warmup: 1, rounds: 1, targetMs: 150, minReps, maxReps: 300},
      () => performance.now(),
      null,
    );
    trial[s] = r[s].medianMs;
  }
  const best = COPY_STRATEGIES.reduce((a, b) => (trial[b] < trial[a] ? b : a));
  return {best, trial};
}

async function tryWasm(plugin) {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
  } catch (e) {
    return {ok: false, note: '@tensorflow/tfjs-backend-wasm is not installed: wasm skipped'};
  }
  if (tf.getKernel('ExtractGlimpseV2', 'wasm') == null) {
    return {
      ok: false,
      note:
        'the plugin registers no wasm kernel ' +
        "(tf.getKernel('ExtractGlimpseV2', 'wasm') is undefined): wasm skipped",
    };
  }
  try {
    if (!(await tf.setBackend('wasm'))) {
      return {ok: false, note: "tf.setBackend('wasm') returned false: wasm skipped"};
    }
    await tf.ready();
  } catch (e) {
    return {ok: false, note: `the wasm backend failed to start (${e.message}): wasm skipped`};
  }
  // The path its plain rows take; the -scalar and -js rows force the others.
  return {ok: true, kernelPath: await plugin.wasmKernelPath()};
}

async function tryTensorflow() {
  const r = loadTfjsNode(tf, {log});
  if (!r.ok) return r;
  try {
    if (!(await tf.setBackend('tensorflow'))) {
      return {ok: false, note: "tf.setBackend('tensorflow') returned false: tensorflow skipped"};
    }
    await tf.ready();
  } catch (e) {
    return {ok: false, note: `the tensorflow backend failed to start (${e.message}): tensorflow skipped`};
  }
  return r;
}

/**
 * Starts the requested Node backends and records them in the run's metadata; returns those
 * that run, in order (the floors are timed beside the first).
 */
export async function startNodeBackends(opts, results, plugin) {
  const wanted = opts.backends.filter(b => NODE_BACKENDS.includes(b));
  const started = [];
  for (const backend of wanted) {
    let r = {ok: true};
    if (backend === 'wasm') r = await tryWasm(plugin);
    if (backend === 'tensorflow') r = await tryTensorflow();
    await tf.setBackend('cpu');
    if (!r.ok) log(r.note);
    const {ok, note, ...info} = r;
    results.meta.backends[backend] = ok ? {status: 'measured', ...info} : {status: 'skipped', note};
    if (ok) started.push(backend);
  }
  return started;
}

/**
 * The floors compute what the kernels compute: checks them (and the backward kernel and
 * tf.grad against the backward floor) before anything is timed. The forward floor draws no
 * noise, so its output is the zero-noise glimpse everywhere.
 */
function checkFloors(w, backend, floors, expected, dy, gradKernel, gradOf, input, hasGrad) {
  for (const f of [floors.forward, floors.forwardFresh]) {
    const r = compareBits(f.run(), expected);
    if (r.mismatches) {
      throw new Error(`${w.id}: BENCH BUG: the forward floor differs from the expected glimpse: ${r.first}`);
    }
  }
  const verified = {floor: {compared: expected.length, mismatches: 0}};
  if (!hasGrad) return verified;
  const g = gradKernel();
  const gb = compareBits(g.dataSync(), floors.backward.run());
  g.dispose();
  if (gb.mismatches) {
    throw new Error(
      `${w.id} on ${backend}: WRONG BACKWARD KERNEL OUTPUT (or bench bug): ` +
        `the backward floor differs from the backward kernel: ${gb.first}`,
    );
  }
  const viaGrad = gradOf(input, dy);
  const gg = compareBits(viaGrad.dataSync(), floors.backward.run());
  viaGrad.dispose();
  if (gg.mismatches) {
    throw new Error(`${w.id} on ${backend}: WRONG GRADIENT: tf.grad differs from the backward floor: ${gg.first}`);
  }
  verified.backward = {compared: gb.compared, mismatches: 0};
  return verified;
}

async function runNodeBackend(backend, w, gen, geometry, boxes, expected, plugin, floors, opts) {
  await tf.setBackend(backend);
  await tf.ready();
  const tracker = installPeakTracker(tf);
  const batch = w.inputShape[0];
  const mode = effectiveNoise(w);
  const t = {
    input: tf.tensor4d(gen.input, w.inputShape),
    offsets: tf.tensor2d(gen.offsets, [batch, 2]),
    boxes: tf.tensor2d(boxes, [batch, 4]),
    boxInd: tf.tensor1d(
      Int32Array.from({length: batch}, (_, i) => i),
      'int32',
    ),
  };
  const out = {backend, notes: []};
  try {
    out.verified = await verifyOutputs(tf, plugin, w, geometry, t, expected);
    if (out.verified.composite.mismatches) {
      const c = out.verified.composite;
      if (backend === 'cpu') {
        throw new Error(
          `${w.id}: BENCH BUG: the cpu composite differs from the expected glimpse at ` +
            `${c.mismatches} positions (${c.first}): the pixel-exact boxes are wrong`,
        );
      }
      out.notes.push(
        `the ${backend} composite is NOT pixel-exact: ${c.mismatches} of ${c.compared} positions ` +
          `differ from the expected glimpse (first ${c.first}), a tfjs ${backend} CropAndResize bug ` +
          '(see bench/README.md); timed anyway',
      );
    }
    const kernel = () => kernelCall(plugin, w, t.input, t.offsets);
    const dy = kernel(); // the backward kernel's dy: a real forward output
    const timed = call => readBack(backend, call);
    const gradAttrs = {
      inputShape: w.inputShape,
      version: w.op === 'ExtractGlimpse' ? 1 : 2,
      centered: w.centered,
      normalized: w.normalized,
    };
    const gradKernel = () => tf.engine().runKernel(plugin.ExtractGlimpseGrad, {dy, offsets: t.offsets}, gradAttrs);
    const gradOf = tf.grad(x => kernelCall(plugin, w, x, t.offsets));
    const hasGrad = tf.getKernel(plugin.ExtractGlimpseGrad, backend) != null;

    if (floors) {
      const kv = dy.dataSync();
      floors.backward = backwardFloor(geometry, kv, floors.strategy.backward.best, false);
      floors.backwardFresh = backwardFloor(geometry, kv, floors.strategy.backward.best, true);
      Object.assign(out.verified, checkFloors(w, backend, floors, expected, dy, gradKernel, gradOf, t.input, hasGrad));
    }

    const methods = [
      {key: 'kernel', run: timed(kernel), dispose: r => r.dispose()},
      {
        key: 'composite',
        run: timed(() => compositeCall(tf, w, mode, t.input, t.boxes, t.boxInd)),
        dispose: r => tf.dispose(r),
      },
    ];
    // The op alone, its result left in TensorFlow: what tools/tf_baseline.py times.
    if (backend === 'tensorflow') methods.push({key: 'kernel-nrb', run: kernel, dispose: r => r.dispose()});
    // Without a seed tfjs-node draws TensorFlow's own noise: like with like with tools/tf_baseline.py.
    if (backend === 'tensorflow' && mode !== 'zero') {
      const unseeded = () => unseededCall(plugin, w, t.input, t.offsets);
      methods.push({key: 'kernel-unseeded-nrb', run: unseeded, dispose: r => r.dispose()});
    }
    const floorMethod = (key, f) => ({key, run: () => f.run(), bytes: f.bytes});
    if (floors) methods.push(floorMethod('floor', floors.forward), floorMethod('floor-fresh', floors.forwardFresh));
    if (hasGrad) {
      methods.push({key: 'grad-kernel', run: timed(gradKernel), dispose: r => r.dispose()});
      if (floors) {
        const fresh = floorMethod('grad-floor-fresh', floors.backwardFresh);
        methods.push(floorMethod('grad-floor', floors.backward), fresh);
      }
      methods.push({key: 'tf.grad', run: timed(() => gradOf(t.input, dy)), dispose: r => r.dispose()});
    } else {
      out.notes.push(`no ExtractGlimpseGrad kernel on ${backend}: backward not timed`);
    }
    if (BILINEAR_WORKLOADS.includes(w.id)) {
      // A bilinear glimpse is a one-scale sensor between two reshapes, whose gradients
      // @tensorflow/tfjs registers (on the same tfjs-core).
      await import('@tensorflow/tfjs');
      const bilinear = () => bilinearCall(plugin, w, t.input, t.offsets);
      methods.push({key: 'kernel-bilinear', run: timed(bilinear), dispose: r => r.dispose()});
      if (hasGrad) {
        // d input and d offsets: the bilinear gradient reaches both.
        const grads = tf.grads((x, o) => bilinearCall(plugin, w, x, o));
        methods.push({key: 'tf.grad-bilinear', run: timed(() => grads([t.input, t.offsets], dy)), dispose: tf.dispose});
      }
    }
    const policy = repetitionPolicy(w, opts.quick);
    out.policy = policy;
    const timedMethods =
      backend === 'wasm' ? withWasmPaths(methods, plugin, ['kernel', 'grad-kernel', 'kernel-bilinear']) : methods;
    out.methods = await measureInterleaved(timedMethods, policy, () => performance.now(), tracker);
    if (floors) out.floorStrategy = {forward: floors.strategy.forward, backward: floors.strategy.backward};
    dy.dispose();
  } finally {
    tf.dispose(Object.values(t));
    tracker.uninstall();
  }
  const leaked = tf.memory().numTensors;
  if (leaked) out.notes.push(`${leaked} tensors still held after the workload`);
  return out;
}

/** Generates and checks a workload's inputs, and builds its geometry, boxes and floors. */
async function prepare(w, plugin, entry) {
  const t0 = performance.now();
  const gen = await generateChecked(w, nodeDigest);
  const geometry = windowGeometry(w, gen.offsets, plugin.windowCorner, plugin.insideSpan);
  const boxes = pixelExactBoxes(geometry);
  const badBox = checkBoxesPickWindow(geometry, boxes);
  if (badBox) throw new Error(`${w.id}: pixel-exact boxes fail the replay of cropAndResize: ${badBox}`);
  const statItems = itemsNeedingStats(w, geometry);
  Object.assign(entry, {
    inputSha256: gen.inputSha,
    offsetsSha256: gen.offsetsSha,
    windows: geometry.counts,
    imagesNeedingStats: statItems.length,
    generateMs: performance.now() - t0,
  });
  log(`${w.id} ${w.name}: inputs generated and checked (sha256 ok) in ${(performance.now() - t0).toFixed(0)} ms`);
  const mode = effectiveNoise(w);
  const strategy = {
    forward: await pickStrategy(s => forwardFloor(geometry, gen.input, mode, statItems, s, false), w),
  };
  // The backward floor copies from a glimpse-shaped dy; its strategy is timed on zeros.
  const dyProbe = new Float32Array(geometry.batch * geometry.h * geometry.w * geometry.channels);
  strategy.backward = await pickStrategy(s => backwardFloor(geometry, dyProbe, s, false), w);
  const expected = forwardFloor(geometry, gen.input, 'zero', [], 'set', true).run();
  const floors = {
    forward: forwardFloor(geometry, gen.input, mode, statItems, strategy.forward.best, false),
    forwardFresh: forwardFloor(geometry, gen.input, mode, statItems, strategy.forward.best, true),
    strategy,
  };
  return {gen, geometry, boxes, expected, floors};
}

/**
 * Measures every workload on the Node backends started (startNodeBackends). The floors are
 * plain JS, timed once per workload beside the first of them (cpu's kernel, unless cpu is not run).
 */
export async function runNode(workloads, plugin, opts, results, started) {
  const backends = opts.backends.filter(b => NODE_BACKENDS.includes(b));
  if (!backends.length) return;
  for (const w of workloads) {
    const entry = results.workloads.find(r => r.id === w.id);
    const p = await prepare(w, plugin, entry);
    for (const backend of backends) {
      if (!started.includes(backend)) {
        entry.backends[backend] = {skipped: results.meta.backends[backend].note};
        continue;
      }
      log(`${w.id}: measuring on ${backend}`);
      try {
        const floors = backend === started[0] ? p.floors : null;
        entry.backends[backend] = await runNodeBackend(
          backend,
          w,
          p.gen,
          p.geometry,
          p.boxes,
          p.expected,
          plugin,
          floors,
          opts,
        );
      } catch (e) {
        if (/BENCH BUG/.test(e.message)) throw e;
        log(`${w.id} on ${backend} failed: ${e.stack}`);
        entry.backends[backend] = {error: e.message};
        if (/WRONG/.test(e.message)) results.correctnessFailures.push(e.message);
      }
    }
  }
  await tf.setBackend('cpu');
}
