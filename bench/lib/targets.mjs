// The targets, checked on this run's medians: every ratio compares two figures of the same
// run. TensorFlow's own figures come from tools/tf_baseline.py run by this run, or, without
// the .venv-tf environment, from the committed bench/tf_baseline.json: the line then says so.
import {BILINEAR_WORKLOADS} from './methods.mjs';
import {fmtMs} from './report.mjs';

/** The reference anchors' figure for TensorFlow 2.21's native CPU kernel on W3, ms per call. */
export const TF_NATIVE_W3_ANCHOR_MS = 26;

function method(entry, backend, key) {
  const b = entry.backends[backend];
  return b && b.methods && b.methods[key] ? b.methods[key].medianMs : null;
}

/** Why a backend has no figures for a workload, or null when it has them. */
function missing(entry, backend) {
  const b = entry.backends[backend];
  if (!b) return 'not measured';
  if (b.skipped) return `skipped: ${b.skipped}`;
  if (b.error) return `error: ${b.error}`;
  return null;
}

/** The floors are plain JS, timed beside the first Node backend run (cpu's unless cpu is not run). */
function floorMs(entry, key) {
  return method(entry, 'cpu', key) ?? method(entry, 'wasm', key) ?? method(entry, 'tensorflow', key);
}

const x = r => `${r.toFixed(2)}x`;
const ms = v => `${fmtMs(v)} ms`;

/**
 * One target on one workload: `value` = num / den must be at most `limit`. Missing figures
 * give holds = null (printed "n/a") with the reason.
 */
function ratioTarget(target, entry, backend, num, den, limit, describe, why) {
  const base = {target, workload: entry.id, backend, limit};
  if (num == null || den == null || !(den > 0)) {
    return {...base, value: null, holds: null, detail: why || missing(entry, backend) || 'figures missing'};
  }
  const value = num / den;
  return {...base, value, holds: value <= limit, detail: `${x(value)} (${describe(num, den)})`};
}

/**
 * `value` = composite / fused must be at least `limit` (a speed-up). A fused op the backend
 * lacks gives "n/a" with the reason.
 */
function speedupTarget(target, entry, backend, fused, composite, limit, what) {
  const base = {target, workload: entry.id, backend, limit, atLeast: true};
  if (fused == null || composite == null || !(fused > 0)) {
    const b = entry.backends[backend];
    const lacking = b && b.methods && (b.notes || []).find(n => /not available/.test(n));
    return {...base, value: null, holds: null, detail: missing(entry, backend) || lacking || 'figures missing'};
  }
  const value = composite / fused;
  const detail = `${x(value)} (composite ${what} ${ms(composite)} / fused ${ms(fused)})`;
  return {...base, value, holds: value >= limit, detail};
}

/** Workloads on which `backend` was asked for (an entry exists, measured or not). */
const ran = (results, backend, list = results.workloads) => list.filter(e => e.backends[backend]);

/** TensorFlow's own figure for a workload, with where it comes from. */
function tfNative(results, id) {
  const tfb = results.meta.tfBaseline;
  const r = tfb && tfb.results && tfb.results[id];
  if (!r) return null;
  const source = tfb.thisRun ? 'tools/tf_baseline.py, this run' : `bench/tf_baseline.json of ${tfb.date}, NOT this run`;
  return {...r, source};
}

export function evaluateTargets(results) {
  const out = [];
  const LIMIT = 1.25;
  for (const e of ran(results, 'cpu')) {
    const k = method(e, 'cpu', 'kernel'),
      ff = floorMs(e, 'floor-fresh'),
      f = floorMs(e, 'floor');
    const reused = f ? `; reused-buffer floor ${ms(f)}: ${x(k / f)}, no target` : '';
    out.push(
      ratioTarget(
        `cpu kernel within ${LIMIT}x of the fresh-output floor`,
        e,
        'cpu',
        k,
        ff,
        LIMIT,
        (n, d) => `kernel ${ms(n)} / fresh floor ${ms(d)}${reused}`,
      ),
    );
  }
  for (const e of ran(results, 'cpu')) {
    const k = method(e, 'cpu', 'grad-kernel'),
      ff = floorMs(e, 'grad-floor-fresh'),
      f = floorMs(e, 'grad-floor');
    const reused = f ? `; reused-buffer floor ${ms(f)}: ${x(k / f)}, no target` : '';
    out.push(
      ratioTarget(
        `cpu backward kernel within ${LIMIT}x of its fresh-output floor`,
        e,
        'cpu',
        k,
        ff,
        LIMIT,
        (n, d) => `backward ${ms(n)} / fresh floor ${ms(d)}${reused}`,
      ),
    );
  }
  // wasm's compiled kernels against the memory floor: forward within 1.5x, backward within 2x.
  for (const [key, floor, limit, what] of [
    ['kernel', 'floor', 1.5, 'kernel'],
    ['grad-kernel', 'grad-floor', 2, 'backward kernel'],
  ]) {
    for (const e of ran(results, 'wasm')) {
      const k = method(e, 'wasm', key),
        f = floorMs(e, floor);
      out.push(
        ratioTarget(
          `wasm ${what} within ${limit}x of the reused-buffer floor`,
          e,
          'wasm',
          k,
          f,
          limit,
          (n, d) => `${what} ${ms(n)} / reused floor ${ms(d)}`,
          k != null && f == null ? 'no floor timed (cpu not run)' : null,
        ),
      );
    }
  }
  const w3 = results.workloads.find(e => e.id === 'W3');
  if (w3 && w3.backends.cpu) {
    const tfb = tfNative(results, 'W3');
    const tfMs = tfb ? tfb.medianMs : TF_NATIVE_W3_ANCHOR_MS;
    const source = tfb ? tfb.source : 'the reference anchors';
    const k = method(w3, 'cpu', 'kernel');
    const anchor =
      tfb && k != null ? `; reference anchors' ${ms(TF_NATIVE_W3_ANCHOR_MS)}: ${x(k / TF_NATIVE_W3_ANCHOR_MS)}` : '';
    out.push(
      ratioTarget(
        "cpu kernel at most 0.8x TensorFlow's native time",
        w3,
        'cpu',
        k,
        tfMs,
        0.8,
        (n, d) => `kernel ${ms(n)} / TF native ${ms(d)}, ${source}${anchor}`,
      ),
    );
  }
  // Like with like: tools/tf_baseline.py times TF's eager op, whose result stays in TensorFlow;
  // so is the kernel without dataSync. Copying the result into JS (dataSync, or .numpy() in
  // Python) is printed beside it.
  for (const e of ran(results, 'tensorflow').filter(e => ['W2', 'W4', 'W5'].includes(e.id))) {
    const k = method(e, 'tensorflow', 'kernel'),
      kn = method(e, 'tensorflow', 'kernel-nrb');
    const tfb = tfNative(results, e.id);
    const tfMs = tfb ? tfb.medianMs : null;
    const beside = [];
    if (k != null && tfb && tfb.withNumpyMedianMs) {
      beside.push(
        `with dataSync ${ms(k)} / TF with .numpy() ${ms(tfb.withNumpyMedianMs)}: ${x(k / tfb.withNumpyMedianMs)}`,
      );
    }
    out.push(
      ratioTarget(
        "tensorflow kernel within 1.2x of TensorFlow's own kernel",
        e,
        'tensorflow',
        kn,
        tfMs,
        1.2,
        (n, d) => `kernel ${ms(n)} / TF ${ms(d)} (${tfb.source})${beside.map(b => `; ${b}`).join('')}`,
        kn != null && !tfb
          ? 'no TensorFlow figure (tools/tf_baseline.py did not run, no bench/tf_baseline.json)'
          : null,
      ),
    );
  }
  for (const e of ran(results, 'tensorflow').filter(e => ['W1', 'W3'].includes(e.id))) {
    const kn = method(e, 'tensorflow', 'kernel-unseeded-nrb');
    const tfb = tfNative(results, e.id);
    out.push(
      ratioTarget(
        "tensorflow kernel with unseeded noise within 1.2x of TensorFlow's own kernel",
        e,
        'tensorflow',
        kn,
        tfb ? tfb.medianMs : null,
        1.2,
        (n, d) => `kernel, no seed ${ms(n)} / TF ${ms(d)} (${tfb.source})`,
        kn != null && !tfb
          ? 'no TensorFlow figure (tools/tf_baseline.py did not run, no bench/tf_baseline.json)'
          : null,
      ),
    );
  }
  for (const e of ran(results, 'tensorflow').filter(e => ['W1', 'W3'].includes(e.id))) {
    const k = method(e, 'tensorflow', 'kernel'),
      wk = method(e, 'wasm', 'kernel');
    out.push(
      ratioTarget(
        'tensorflow kernel no slower than the wasm kernel',
        e,
        'tensorflow',
        k,
        wk,
        1,
        (n, d) => `tensorflow ${ms(n)} / wasm ${ms(d)}`,
        k != null && wk == null ? `wasm: ${missing(e, 'wasm') || 'no kernel figure'}` : null,
      ),
    );
  }
  for (const backend of ['webgl', 'webgpu']) {
    for (const e of ran(results, backend)) {
      // The zero-noise kernel: the workload's own call when its noise is zero.
      const key = e.noise === 'zero' ? 'kernel' : 'kernel-zero';
      const k = method(e, backend, key),
        s = method(e, backend, 'slice');
      const kn = method(e, backend, `${key}-nrb`),
        sn = method(e, backend, 'slice-nrb');
      const nrb = kn != null && sn != null ? `; without the read ${ms(kn)} / ${ms(sn)} = ${x(kn / sn)}` : '';
      out.push(
        ratioTarget(
          `${backend} zero-noise kernel within 1.5x of tf.slice (with the read)`,
          e,
          backend,
          k,
          s,
          1.5,
          (n, d) => `kernel ${ms(n)} / slice ${ms(d)}${nrb}`,
        ),
      );
    }
  }
  sensorTargets(results, out);
  peerTargets(results, out);
  bilinearTargets(results, out);
  return out;
}

/**
 * Bilinear interpolation against nearest on the same workload and backend: forward within 2x,
 * backward (tf.grad, which also differentiates the locations) within 3x.
 */
function bilinearTargets(results, out) {
  const pairs = [
    {list: results.workloads || [], forward: ['kernel-bilinear', 'kernel'], backward: ['tf.grad-bilinear', 'tf.grad']},
    {
      list: results.sensorWorkloads || [],
      forward: ['sensor-bilinear', 'sensor'],
      backward: ['sensor-grad-bilinear', 'sensor-grad'],
    },
  ];
  for (const backend of ['cpu', 'wasm', 'tensorflow', 'webgl', 'webgpu']) {
    for (const {list, forward, backward} of pairs) {
      for (const e of ran(results, backend, list)) {
        if (!BILINEAR_WORKLOADS.includes(e.id)) continue;
        for (const [[num, den], limit, what] of [
          [forward, 2, 'forward'],
          [backward, 3, 'backward'],
        ]) {
          const b = method(e, backend, num);
          const n = method(e, backend, den);
          const why = b == null && n != null ? `no ${what} bilinear figures on ${backend}` : undefined;
          out.push(
            ratioTarget(
              `${backend} bilinear ${what} within ${limit}x of nearest`,
              e,
              backend,
              b,
              n,
              limit,
              (x1, x2) => `bilinear ${ms(x1)} / nearest ${ms(x2)}`,
              why,
            ),
          );
        }
      }
    }
  }
}

/** The peers with nearest interpolation (results of format 1 have no other, and no mark). */
const nearestPeers = peers => Object.values(peers).filter(p => (p.interpolation ?? 'nearest') === 'nearest');

/**
 * The glimpse sensor against what users would use instead (tools/sensor_peers.py, same run):
 * cpu at least 2x and wasm at least 3x faster than the fastest peer; tensorflow at least as fast as
 * TensorFlow's own composite. The bilinear sensor (where timed) at least as fast as PyTorch's
 * grid_sample on cpu, wasm and tensorflow.
 */
function peerTargets(results, out) {
  const fastest = peers => Math.min(...nearestPeers(peers).map(p => p.ms));
  const rules = [
    ['cpu', 2, 'the fastest peer', 'sensor', fastest],
    ['wasm', 3, 'the fastest peer', 'sensor', fastest],
    ['tensorflow', 1, "TensorFlow's composite", 'sensor', peers => peers['tf-composite']?.ms],
  ];
  for (const backend of ['cpu', 'wasm', 'tensorflow']) {
    rules.push([backend, 1, "PyTorch's grid_sample", 'sensor-bilinear', peers => peers['torch-grid-sample']?.ms]);
  }
  for (const [backend, limit, whom, key, pick] of rules) {
    for (const e of ran(results, backend, results.sensorWorkloads || [])) {
      const bilinear = key === 'sensor-bilinear';
      if (bilinear && method(e, backend, key) == null && !e.peers?.['torch-grid-sample']) continue;
      const target = bilinear
        ? `${backend} bilinear fused sensor at least ${limit}x faster than ${whom}`
        : `${backend} fused sensor at least ${limit}x faster than ${whom} (PyTorch, TensorFlow)`;
      const base = {target, workload: e.id, backend, limit, atLeast: true};
      const fused = method(e, backend, key);
      const peer = e.peers ? pick(e.peers) : null;
      if (fused == null || peer == null || !Number.isFinite(peer)) {
        const why = missing(e, backend) || (e.peers ? 'figures missing' : results.meta.sensorPeers?.note || 'no peers');
        out.push({...base, value: null, holds: null, detail: why});
        continue;
      }
      const value = peer / fused;
      const name = bilinear ? 'fused bilinear' : 'fused';
      out.push({
        ...base,
        value,
        holds: value >= limit,
        detail: `${x(value)} (peer ${ms(peer)} / ${name} ${ms(fused)})`,
      });
    }
  }
}

/** The glimpse sensor: fused against the composite, forward and backward, on every backend. */
function sensorTargets(results, out) {
  const list = results.sensorWorkloads || [];
  const forward = {cpu: 3, wasm: 3, tensorflow: 3, webgl: 2, webgpu: 2};
  for (const [backend, limit] of Object.entries(forward)) {
    for (const e of ran(results, backend, list)) {
      const f = method(e, backend, 'sensor'),
        c = method(e, backend, 'sensor-composite');
      const target = `${backend} fused sensor at least ${limit}x faster than the composite`;
      out.push(speedupTarget(target, e, backend, f, c, limit, 'forward'));
    }
  }
  for (const backend of Object.keys(forward)) {
    for (const e of ran(results, backend, list)) {
      const f = method(e, backend, 'sensor-grad'),
        c = method(e, backend, 'sensor-composite-grad');
      const target = `${backend} sensor backward (tf.grad) at least 2x faster than the composite's`;
      out.push(speedupTarget(target, e, backend, f, c, 2, 'tf.grad'));
    }
  }
}
