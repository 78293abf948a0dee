// The measuring loop on tinybench, shared by Node and the browser page: warm-up, then the methods
// take turns in rounds (drift and other load hit them alike); tinybench's statistics over all.
import {Bench} from 'tinybench';

/**
 * tf.memory().numBytes peak: wraps the engine's trackTensor (every tensor passes through it,
 * intermediates too) and the GPU backends' texture or buffer acquisition. `start()` takes the
 * baseline (inputs already held), `stop()` returns the peaks above it.
 */
export function installPeakTracker(tf) {
  const [eng, be] = [tf.engine(), tf.backend()];
  const s = {bytes: 0, base: 0, gpu: 0, gpuBase: 0};
  const undo = [];
  const watch = (obj, name, field, read) => {
    const original = obj[name];
    obj[name] = function (...args) {
      const r = original.apply(this, args);
      s[field] = Math.max(s[field], read());
      return r;
    };
    undo.push(() => (obj[name] = original));
  };
  const bm = be.bufferManager;
  let gpuBytes = null;
  if (typeof be.numBytesInGPU === 'number' && typeof be.acquireTexture === 'function') {
    watch(be, 'acquireTexture', 'gpu', (gpuBytes = () => be.numBytesInGPU));
  } else if (typeof bm?.numBytesUsed === 'number' && typeof bm.acquireBuffer === 'function') {
    watch(bm, 'acquireBuffer', 'gpu', (gpuBytes = () => bm.numBytesUsed));
  }
  watch(eng, 'trackTensor', 'bytes', () => eng.state.numBytes);
  return {
    start() {
      s.bytes = s.base = eng.state.numBytes;
      if (gpuBytes) s.gpu = s.gpuBase = gpuBytes();
    },
    stop: () => ({bytes: s.bytes - s.base, gpuBytes: gpuBytes ? s.gpu - s.gpuBase : null}),
    uninstall: () => undo.forEach(f => f()),
  };
}

/** Per-workload repetition policy: warm-up, then interleaved rounds until time and count suffice. */
export function repetitionPolicy(w, quick = false) {
  const large = w.derived && w.derived.inputBytes >= 128 * 1024 * 1024;
  return {
    warmup: large ? 1 : 2,
    rounds: 3,
    targetMs: quick ? 150 : 1000,
    minReps: large || quick ? 3 : 10,
    maxReps: 2000,
  };
}

/** Calls `m.run` for `time` ms and `iterations` calls, at most `max`; its samples (ms), peaks into `peaks`. */
async function sample(m, {time, iterations, max}, tracker, peaks) {
  const stop = new AbortController();
  let result;
  let calls = 0;
  const async = m.run.constructor.name === 'AsyncFunction';
  const run = async ? async () => void (result = await m.run()) : () => void (result = m.run());
  const bench = new Bench({time, iterations, warmup: false, retainSamples: true, throws: true});
  bench.add(m.key, run, {
    async, // said, so tinybench does not call run() once more to find out
    signal: stop.signal,
    beforeEach: () => tracker?.start(),
    afterEach: () => {
      const peak = tracker ? tracker.stop() : {bytes: null, gpuBytes: null};
      if (m.bytes == null && peak.bytes != null) peaks.peakBytes = Math.max(peaks.peakBytes, peak.bytes);
      if (peak.gpuBytes != null) peaks.peakGpuBytes = Math.max(peaks.peakGpuBytes ?? 0, peak.gpuBytes);
      m.dispose?.(result);
      if (++calls >= max) stop.abort();
    },
  });
  await bench.run();
  return [...bench.tasks[0].result.latency.samples];
}

/** tinybench's statistics of samples already taken (replayed as overridden durations). */
async function statistics(samples) {
  let i = 0;
  const bench = new Bench({time: 0, iterations: samples.length, warmup: false, retainSamples: true, throws: true});
  bench.add('replay', () => ({overriddenDuration: samples[i++]}), {async: false});
  await bench.run();
  return bench.tasks[0].result.latency;
}

/**
 * Runs every method `warmup` times (once when a call takes half of `targetMs`: it then runs once
 * per round), then `rounds` rounds. A method: {key, run(), dispose?(result), bytes? (the floors'
 * fixed allocation)}. Per method: samples (ms), median, minimum, spread and peak bytes.
 */
export async function measureInterleaved(methods, policy, tracker) {
  const out = {};
  const slowMs = policy.targetMs / 2;
  for (const m of methods) {
    const o = (out[m.key] = {samples: [], peakBytes: m.bytes ?? 0, peakGpuBytes: null, warmupMs: [], slow: false});
    const sink = {peakBytes: 0, peakGpuBytes: null};
    for (let i = 0; i < policy.warmup && !o.slow; i++) {
      o.warmupMs.push(...(await sample(m, {time: 0, iterations: 1, max: 1}, tracker, sink)));
      o.slow = o.warmupMs.at(-1) >= slowMs;
    }
  }
  const perRound = {
    time: policy.targetMs / policy.rounds,
    iterations: Math.ceil(policy.minReps / policy.rounds),
    max: Math.ceil(policy.maxReps / policy.rounds),
  };
  for (let round = 0; round < policy.rounds; round++) {
    for (const m of methods) {
      const o = out[m.key];
      o.samples.push(...(await sample(m, o.slow ? {time: 0, iterations: 1, max: 1} : perRound, tracker, o)));
    }
  }
  for (const o of Object.values(out)) {
    const s = await statistics(o.samples);
    Object.assign(o, {reps: o.samples.length, medianMs: s.p50, minMs: s.min, madMs: s.mad, p75Ms: s.p75});
    o.samples = o.samples.map(x => Math.round(x * 1e4) / 1e4);
  }
  return out;
}
