// What a run records about itself: machine, versions, the code measured, the options.
import {execFileSync} from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import {createRequire} from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import {DIST_ESM, ROOT} from './paths.mjs';
import {TF_NATIVE_W3_ANCHOR_MS} from './targets.mjs';

const require = createRequire(import.meta.url);
const digest = bytes => crypto.createHash('sha256').update(bytes).digest('hex');
const loadAvg = () => os.loadavg().map(x => +x.toFixed(2));

/** The code measured: the commit, uncommitted changes to it, and the bundles' hashes. */
function provenance(bundle) {
  const out = {};
  try {
    const git = args =>
      execFileSync('git', args, {cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
    out.commit = git(['rev-parse', '--short=12', 'HEAD']);
    const status = git(['status', '--porcelain', '--', 'src', 'kernels']);
    out.uncommittedFilesInSrcKernels = status.split('\n').filter(Boolean).length;
  } catch (e) {
    out.commit = null;
  }
  if (fs.existsSync(DIST_ESM)) out.distEsmSha256 = digest(fs.readFileSync(DIST_ESM)).slice(0, 16);
  out.distUmdSha256 = digest(bundle).slice(0, 16);
  return out;
}

/** `bundle`: the UMD bundle's bytes the browser pages get. */
export function collectMeta(spec, opts, bundle) {
  const [cpus, {created, producedBy}] = [os.cpus(), spec];

  return {
    machine: {
      cpu: cpus[0] ? cpus[0].model : 'unknown',
      cores: cpus.length,
      totalMemGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      loadAvgAtStart: loadAvg(),
    },
    node: process.version,
    // glibc's malloc settings change the fresh-output figures (see bench/README.md).
    mallocEnv: Object.fromEntries(
      Object.entries(process.env).filter(([k]) => k === 'GLIBC_TUNABLES' || k.startsWith('MALLOC_')),
    ),
    tfjs: require('@tensorflow/tfjs-core/package.json').version,
    plugin: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
    code: provenance(bundle),
    workloadsFile: {path: 'bench/workloads.json', created, producedBy, sensorFormat: spec.sensorWorkloads.format},
    options: {quick: opts.quick, only: opts.only, backends: opts.backends},
    backends: {},
    tfBaseline: null, // lib/tf_native.mjs
    tfNativeW3AnchorMs: TF_NATIVE_W3_ANCHOR_MS,
  };
}

export function finishMeta(meta, startedMs, nowMs) {
  meta.machine.loadAvgAtEnd = loadAvg();
  meta.totalSeconds = +((nowMs - startedMs) / 1000).toFixed(1);
}
