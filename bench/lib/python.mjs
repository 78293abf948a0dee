// The Python peers, first and alone on the machine, so the targets compare figures of one run:
// tools/tf_baseline.py (TensorFlow's kernel; without TensorFlow the committed bench/tf_baseline.json,
// said so) and tools/sensor_peers.py (the sensor's peers, in .venv-peers; without it, no peers).
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {BENCH, ROOT, log} from './paths.mjs';
import {BILINEAR_WORKLOADS} from './workloads.mjs';

const venv = name => path.join(ROOT, name, 'bin', 'python');
const TF_PYTHON = [venv('.venv-tf'), venv('.venv-peers')].find(p => fs.existsSync(p)) ?? venv('.venv-tf');
const COMMITTED = path.join(BENCH, 'tf_baseline.json');
const ENV = {...process.env, TF_CPP_MIN_LOG_LEVEL: '2'};

/** A JSON file, or null when absent or unreadable. */
function readJson(file) {
  if (!fs.existsSync(file)) return null;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    log(`${path.relative(ROOT, file)} unreadable (${e.message}): ignored`);
    return null;
  }
}

/** Runs a tools/ script writing JSON to `out` (a temporary file unless given); its figures, or {failed}. */
function runScript(python, script, args, out) {
  const tmp = out ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const file = out ?? path.join(tmp, 'out.json');
  const shown = [path.relative(ROOT, python), `tools/${script}`, ...args].join(' ');
  log(shown);
  const options = {cwd: ROOT, encoding: 'utf8', env: ENV};
  const r = spawnSync(python, [path.join(ROOT, 'tools', script), ...args, '--out', file], options);
  for (const line of (r.stdout || '').split('\n').filter(l => l && !l.startsWith('{'))) log(`  ${line}`);
  const figures = r.status === 0 ? readJson(file) : null;
  if (tmp) fs.rmSync(tmp, {recursive: true, force: true});
  const err = (r.stderr || '').trim().split('\n').slice(-3).join(' | ');
  return figures ?? {failed: `tools/${script} failed (exit ${r.status}: ${err})`};
}

/** The committed TensorFlow figures, marked as not from this run (`why`: the reason), or null. */
function committed(why) {
  const tfb = readJson(COMMITTED);
  const note = tfb
    ? `${why}: TensorFlow's figures are bench/tf_baseline.json's of ${tfb.date}, NOT from this run`
    : null;
  log(note ?? `${why}; no bench/tf_baseline.json either: no TensorFlow figures`);
  return tfb && {...tfb, thisRun: false, note};
}

/** TensorFlow's figures on `ids` of `allIds`; bench/tf_baseline.json written by a full, writing run. */
export function runTfBaseline(opts, ids, allIds) {
  if (!opts.tfBaseline) return committed('--no-tf-baseline');
  if (!fs.existsSync(TF_PYTHON)) return committed('no .venv-tf/bin/python (nor .venv-peers)');
  const probe = spawnSync(TF_PYTHON, ['-c', 'import tensorflow'], {cwd: ROOT, env: ENV});
  if (probe.status !== 0) return committed('.venv-tf/bin/python cannot import tensorflow');
  const whole = opts.write && ids.length === allIds.length;
  const args = [...(whole ? [] : ['--only', ids.join(',')]), ...(opts.quick ? ['--target-ms', '150'] : [])];
  log("TensorFlow's own kernel:");
  const tfb = runScript(TF_PYTHON, 'tf_baseline.py', args, whole ? COMMITTED : null);
  return tfb.failed ? committed(tfb.failed) : {...tfb, thisRun: true};
}

/** The sensor peers' figures on `ids` ({thisRun, threads, versions, workloads}), or {note} when they did not run. */
export function runSensorPeers(opts, ids) {
  if (!opts.peers) return {note: '--no-peers'};
  if (!fs.existsSync(venv('.venv-peers'))) {
    const note = 'no .venv-peers/bin/python: no peers (tools/sensor_peers.py says how to set it up)';
    log(note);
    return {note};
  }
  // The bilinear peer only where the bench times the bilinear sensor (none: an empty list).
  const bilinear = ids.filter(id => BILINEAR_WORKLOADS.includes(id)).join(',');
  const args = ['--only', ids.join(','), `--bilinear=${bilinear}`, ...(opts.quick ? ['--target-ms', '200'] : [])];
  log("the sensor's peers:");
  const figures = runScript(venv('.venv-peers'), 'sensor_peers.py', args, null);
  if (figures.failed) log(figures.failed);
  return figures.failed ? {note: figures.failed} : {...figures, thisRun: true};
}
