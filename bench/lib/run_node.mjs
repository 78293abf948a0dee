// The Node backends (cpu; wasm when installed and the plugin registers it; tensorflow, tfjs-node's
// backend, when it loads): every workload and sensor workload through lib/runner.mjs, with the JS
// floors (timed beside the first backend run) and the checks of those floors.
import * as crypto from 'node:crypto';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {COPY_STRATEGIES, backwardFloor, forwardFloor} from './floor.mjs';
import {installPeakTracker, measureInterleaved} from './measure.mjs';
import {compareBits} from './methods.mjs';
import {log} from './paths.mjs';
import {prepareSensor, prepareWorkload, runSensorWorkload, runWorkload} from './runner.mjs';
import {BILINEAR_WORKLOADS, effectiveNoise, itemsNeedingStats} from './workloads.mjs';
import {loadTfjsNode} from '../../tools/tfjs_node.mjs';

export const NODE_BACKENDS = ['cpu', 'wasm', 'tensorflow'];
const digest = bytes => crypto.createHash('sha256').update(bytes).digest('hex');

// tfjs-node keeps results in TensorFlow's memory until read: each timed call there ends with
// dataSync() of its results, as a user reading them pays (cpu's results already are in JS).
const dataSynced = call => () => [].concat(call()).map(t => (t.dataSync(), t));
const readBack = backend => (backend === 'tensorflow' ? dataSynced : call => call);

async function startBackend(backend, plugin) {
  if (backend === 'wasm') {
    if (!(await import('@tensorflow/tfjs-backend-wasm').catch(() => null)))
      return {ok: false, note: '@tensorflow/tfjs-backend-wasm is not installed: wasm skipped'};
    if (tf.getKernel('ExtractGlimpseV2', 'wasm') == null) {
      const note = "the plugin registers no wasm kernel (tf.getKernel('ExtractGlimpseV2', 'wasm') is undefined)";
      return {ok: false, note: `${note}: wasm skipped`};
    }
  }
  const r = backend === 'tensorflow' ? loadTfjsNode(tf, {log}) : {ok: true};
  if (!r.ok) return r;
  try {
    if (!(await tf.setBackend(backend)))
      return {ok: false, note: `tf.setBackend('${backend}') returned false: ${backend} skipped`};
    await tf.ready();
  } catch (e) {
    return {ok: false, note: `the ${backend} backend failed to start (${e.message}): ${backend} skipped`};
  }
  // wasm: the path its plain rows take; the -scalar and -js rows force the others.
  return backend === 'wasm' ? {ok: true, kernelPath: await plugin.wasmKernelPath()} : r;
}

/** Starts the requested Node backends, records them in the run's metadata, returns those that run. */
export async function startNodeBackends(opts, results, plugin) {
  const started = [];
  for (const backend of opts.backends.filter(b => NODE_BACKENDS.includes(b))) {
    const {ok, note, ...info} = backend === 'cpu' ? {ok: true} : await startBackend(backend, plugin);
    await tf.setBackend('cpu');
    if (!ok) log(note);
    results.meta.backends[backend] = ok ? {status: 'measured', ...info} : {status: 'skipped', note};
    if (ok) started.push(backend);
  }
  return started;
}

/** Times each copy strategy of a floor briefly and keeps the faster: the floor must be tight. */
async function pickStrategy(make, w) {
  const minReps = w.derived.inputBytes >= 128 << 20 ? 2 : 5;
  const policy = {warmup: 1, rounds: 1, targetMs: 150, minReps, maxReps: 300};
  const trial = {};
  for (const s of COPY_STRATEGIES) {
    const f = make(s);
    trial[s] = (await measureInterleaved([{key: s, run: () => f.run(), bytes: f.bytes}], policy, null))[s].medianMs;
  }
  return {best: COPY_STRATEGIES.reduce((a, b) => (trial[b] < trial[a] ? b : a)), trial};
}

/**
 * The JS floors of a workload, on the faster copy strategy; `check` checks them, and the backward
 * kernel and tf.grad against the backward floor (built from dy), before anything is timed. The
 * forward floor draws no noise: its output is the zero-noise glimpse everywhere.
 */
async function prepareFloors(w, {geometry: g, gen, expected}) {
  const [mode, stats] = [effectiveNoise(w), itemsNeedingStats(w, g)];
  const forward = await pickStrategy(s => forwardFloor(g, gen.input, mode, stats, s, false), w);
  // The backward floor copies from a glimpse-shaped dy; its strategy is timed on zeros.
  const dyProbe = new Float32Array(g.batch * g.h * g.w * g.channels);
  const backward = await pickStrategy(s => backwardFloor(g, dyProbe, s, false), w);
  const floors = {
    forward: forwardFloor(g, gen.input, mode, stats, forward.best, false),
    forwardFresh: forwardFloor(g, gen.input, mode, stats, forward.best, true),
    strategy: {forward, backward},
    statItems: stats.length,
  };
  floors.check = (dy, gradKernel, viaGrad, hasGrad) => {
    for (const f of [floors.forward, floors.forwardFresh]) {
      const r = compareBits(f.run(), expected);
      if (r.mismatches)
        throw new Error(`${w.id}: BENCH BUG: the forward floor differs from the expected glimpse: ${r.first}`);
    }
    const kv = dy.dataSync();
    floors.backward = backwardFloor(g, kv, backward.best, false);
    floors.backwardFresh = backwardFloor(g, kv, backward.best, true);
    const verified = {floor: {compared: expected.length, mismatches: 0}};
    for (const [what, call] of Object.entries(hasGrad ? {'the backward kernel': gradKernel, 'tf.grad': viaGrad} : {})) {
      const grad = call();
      const r = compareBits(grad.dataSync(), floors.backward.run());
      grad.dispose();
      const wrong = `${w.id} on ${tf.getBackend()}: WRONG GRADIENT: ${what} differs from the backward floor`;
      if (r.mismatches) throw new Error(`${wrong}: ${r.first}`);

      verified.backward = {compared: r.compared, mismatches: 0};
    }
    return verified;
  };
  return floors;
}

/** Runs `run(backend)` on each backend asked for, recording skips and errors in `entry`. */
async function eachBackend(opts, results, started, w, entry, run) {
  for (const backend of opts.backends.filter(b => NODE_BACKENDS.includes(b))) {
    if (!started.includes(backend)) {
      entry.backends[backend] = {skipped: results.meta.backends[backend].note};
      continue;
    }
    log(`${w.id}: measuring on ${backend}`);
    await tf.setBackend(backend);
    await tf.ready();
    const held = tf.memory().numTensors;
    const tracker = installPeakTracker(tf);
    try {
      const out = (entry.backends[backend] = await run(backend, tracker));
      const leaked = tf.memory().numTensors - held;
      if (leaked) out.notes.push(`${leaked} more tensors held after the workload than before`);
    } catch (e) {
      if (/BENCH BUG/.test(e.message)) throw e;
      log(`${w.id} on ${backend} failed: ${e.stack}`);
      entry.backends[backend] = {error: e.message};
      if (/WRONG/.test(e.message)) results.correctnessFailures.push(e.message);
    } finally {
      tracker.uninstall();
    }
  }
  await tf.setBackend('cpu');
}

/** Every workload, then every sensor workload, on the Node backends started (startNodeBackends). */
export async function runNode(workloads, sensorWorkloads, plugin, opts, results, started) {
  if (!opts.backends.some(b => NODE_BACKENDS.includes(b))) return;
  // tf.grad of tfjs ops (the bilinear glimpse's reshapes; sum, avgPool, stack, tile) needs their
  // gradients: @tensorflow/tfjs registers them (on the same tfjs-core).
  if (sensorWorkloads.length || workloads.some(w => BILINEAR_WORKLOADS.includes(w.id)))
    await import('@tensorflow/tfjs');
  const env = {tf, plugin, digest};
  const prepared = async (w, prepare) => {
    const t0 = performance.now();
    const p = await prepare(w, plugin, digest);
    const generateMs = performance.now() - t0;
    log(`${w.id} ${w.name}: inputs generated and checked (sha256 ok) in ${generateMs.toFixed(0)} ms`);
    return {p, generateMs};
  };
  for (const w of workloads) {
    const entry = results.workloads.find(r => r.id === w.id);
    const {p, generateMs} = await prepared(w, prepareWorkload);
    const floors = await prepareFloors(w, p);
    const {inputSha: inputSha256, pairsSha: offsetsSha256} = p.gen;
    const windows = p.geometry.counts;
    Object.assign(entry, {inputSha256, offsetsSha256, windows, imagesNeedingStats: floors.statItems, generateMs});
    await eachBackend(opts, results, started, w, entry, (backend, tracker) => {
      const first = backend === started[0] ? {floors} : {};
      return runWorkload({...env, ...first, tracker, read: readBack(backend)}, w, p, opts);
    });
  }
  for (const w of sensorWorkloads) {
    const entry = results.sensorWorkloads.find(r => r.id === w.id);
    const {p} = await prepared(w, prepareSensor);
    Object.assign(entry, {inputSha256: p.gen.inputSha, locationsSha256: p.gen.pairsSha, windows: p.counts});
    await eachBackend(opts, results, started, w, entry, (backend, tracker) =>
      runSensorWorkload({...env, tracker, read: readBack(backend)}, w, p, opts),
    );
  }
}
