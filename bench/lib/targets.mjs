// The targets, checked on this run's medians: every ratio compares two figures of the same
// run (the TensorFlow figure excepted: TF is not part of this run).
import * as fs from 'node:fs';
import * as path from 'node:path';
import {BENCH, log} from './paths.mjs';
import {fmtMs} from './report.mjs';

/** The reference anchors' figure for TensorFlow 2.21's native CPU kernel on W3, ms per call. */
export const TF_NATIVE_W3_ANCHOR_MS = 26;

/** bench/tf_baseline.json (tools/tf_baseline.py), or null when absent or unreadable. */
export function readTfBaseline() {
  const file = path.join(BENCH, 'tf_baseline.json');
  if (!fs.existsSync(file)) return null;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    log(`bench/tf_baseline.json unreadable (${e.message}): ignored`);
    return null;
  }
}

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

/** The floors are plain JS, timed beside the first Node backend: cpu's, or wasm's alone. */
function floorMs(entry, key) {
  return method(entry, 'cpu', key) ?? method(entry, 'wasm', key);
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

/** Workloads on which `backend` was asked for (an entry exists, measured or not). */
const ran = (results, backend) => results.workloads.filter(e => e.backends[backend]);

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
  for (const e of ran(results, 'wasm')) {
    const k = method(e, 'wasm', 'kernel'),
      f = floorMs(e, 'floor');
    out.push(
      ratioTarget(
        `wasm kernel within ${LIMIT}x of the reused-buffer floor`,
        e,
        'wasm',
        k,
        f,
        LIMIT,
        (n, d) => `kernel ${ms(n)} / reused floor ${ms(d)}`,
        k != null && f == null ? 'no floor timed (cpu not run)' : null,
      ),
    );
  }
  const w3 = results.workloads.find(e => e.id === 'W3');
  if (w3 && w3.backends.cpu) {
    const tfb = results.meta.tfBaseline && results.meta.tfBaseline.results && results.meta.tfBaseline.results.W3;
    const tfMs = tfb ? tfb.medianMs : TF_NATIVE_W3_ANCHOR_MS;
    const source = tfb ? 'bench/tf_baseline.json' : 'the reference anchors';
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
  return out;
}
