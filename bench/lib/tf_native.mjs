// TensorFlow's own kernel (tools/tf_baseline.py in the .venv-tf virtualenv, or .venv-peers,
// which holds TensorFlow too), run at the start of the bench so the targets that use it
// compare figures of the same run. Without either the committed bench/tf_baseline.json is
// used, and the output says so.
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {BENCH, ROOT, log} from './paths.mjs';

const PYTHON =
  ['.venv-tf', '.venv-peers'].map(venv => path.join(ROOT, venv, 'bin', 'python')).find(p => fs.existsSync(p)) ??
  path.join(ROOT, '.venv-tf', 'bin', 'python');
const COMMITTED = path.join(BENCH, 'tf_baseline.json');

/** A tf_baseline.json, or null when absent or unreadable. */
export function readTfBaseline(file = COMMITTED) {
  if (!fs.existsSync(file)) return null;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    log(`${path.relative(ROOT, file)} unreadable (${e.message}): ignored`);
    return null;
  }
}

/** The committed file, marked as not from this run (`why`: the reason), or null. */
function committed(why) {
  const tfb = readTfBaseline();
  if (!tfb) {
    log(`${why}; no bench/tf_baseline.json either: no TensorFlow figures`);
    return null;
  }
  const note = `${why}: TensorFlow's figures are bench/tf_baseline.json's of ${tfb.date}, NOT from this run`;
  log(note);
  return {...tfb, thisRun: false, note};
}

/**
 * Runs tools/tf_baseline.py on the run's workloads and returns its figures with thisRun true.
 * It writes bench/tf_baseline.json only when the run writes its files and covers every
 * workload (a partial file would lose the other figures); else a temporary file.
 */
export function runTfBaseline(opts, ids, allIds) {
  if (!opts.tfBaseline) return committed('--no-tf-baseline');
  if (!fs.existsSync(PYTHON)) return committed('no .venv-tf/bin/python (nor .venv-peers)');
  const probe = spawnSync(PYTHON, ['-c', 'import tensorflow'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {...process.env, TF_CPP_MIN_LOG_LEVEL: '2'},
  });
  if (probe.status !== 0) return committed('.venv-tf/bin/python cannot import tensorflow');
  const whole = opts.write && ids.length === allIds.length;
  const tmp = whole ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'tf-baseline-'));
  const out = whole ? COMMITTED : path.join(tmp, 'tf_baseline.json');
  const args = [path.join(ROOT, 'tools', 'tf_baseline.py'), '--out', out];
  if (!whole) args.push('--only', ids.join(','));
  if (opts.quick) args.push('--target-ms', '150');
  const shown = args.map(a => (a.startsWith(ROOT + path.sep) ? path.relative(ROOT, a) : a));
  log(`TensorFlow's own kernel: ${path.relative(ROOT, PYTHON)} ${shown.join(' ')}`);
  const r = spawnSync(PYTHON, args, {cwd: ROOT, encoding: 'utf8', env: {...process.env, TF_CPP_MIN_LOG_LEVEL: '2'}});
  for (const line of (r.stdout || '').split('\n').filter(Boolean)) log(`  ${line}`);
  const tfb = r.status === 0 ? readTfBaseline(out) : null;
  if (tmp) fs.rmSync(tmp, {recursive: true, force: true});
  if (!tfb) {
    const err = (r.stderr || '').trim().split('\n').slice(-3).join(' | ');
    return committed(`tools/tf_baseline.py failed (exit ${r.status}: ${err})`);
  }
  return {...tfb, thisRun: true};
}
