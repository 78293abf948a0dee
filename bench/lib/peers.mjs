// The glimpse sensor's peers: tools/sensor_peers.py (PyTorch's batched gather and per-sample
// loop, TensorFlow's composite in a tf.function; PyTorch's bilinear grid_sample on the
// workloads that also time the bilinear sensor) in the .venv-peers virtualenv, run at the
// start of the bench, alone on the machine, so the targets that use them compare figures of
// the same run. Without that environment the sensor tables and targets go without peers.
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {ROOT, log} from './paths.mjs';
import {BILINEAR_SENSOR_WORKLOADS} from './sensor.mjs';

const PYTHON = path.join(ROOT, '.venv-peers', 'bin', 'python');

/** The peers' figures on `ids` ({thisRun, threads, versions, workloads}), or {note} when they did not run. */
export function runSensorPeers(opts, ids) {
  if (!opts.peers) return {note: '--no-peers'};
  if (!fs.existsSync(PYTHON)) {
    const note = 'no .venv-peers/bin/python: no peers (tools/sensor_peers.py says how to set it up)';
    log(note);
    return {note};
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sensor-peers-'));
  const out = path.join(tmp, 'peers.json');
  // The bilinear peer only where the bench times the bilinear sensor (none: an empty list).
  const bilinear = ids.filter(id => BILINEAR_SENSOR_WORKLOADS.includes(id));
  const args = ['--only', ids.join(','), `--bilinear=${bilinear.join(',')}`];
  if (opts.quick) args.push('--target-ms', '200');
  log(`the sensor's peers: .venv-peers/bin/python tools/sensor_peers.py ${args.join(' ')}`);
  const script = path.join(ROOT, 'tools', 'sensor_peers.py');
  const r = spawnSync(PYTHON, [script, ...args, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {...process.env, TF_CPP_MIN_LOG_LEVEL: '2'},
  });
  for (const line of (r.stdout || '').split('\n').filter(l => l && !l.startsWith('{'))) log(`  ${line}`);
  const figures = r.status === 0 && fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : null;
  fs.rmSync(tmp, {recursive: true, force: true});
  if (!figures) {
    const note = `tools/sensor_peers.py failed (exit ${r.status}: ${(r.stderr || '').trim().split('\n').pop()})`;
    log(note);
    return {note};
  }
  return {...figures, thisRun: true};
}
