// The benchmark: `npm run bench` (= npm run build && node bench/run.mjs); bench/README.md says what
// it measures and how, and what each option does. TensorFlow's kernel and the sensor's peers run
// first (lib/python.mjs), then every backend in Node (lib/run_node.mjs) and in Chromium
// (lib/run_browser.mjs), both through lib/runner.mjs; then the tables, the targets and the files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {performance} from 'node:perf_hooks';
import {setTimeout as sleep} from 'node:timers/promises';
import {pathToFileURL} from 'node:url';
import {collectMeta, finishMeta} from './lib/meta.mjs';
import {parseArgs} from 'node:util';
import {BENCH, DIST_ESM, DIST_UMD, log} from './lib/paths.mjs';
import {runSensorPeers, runTfBaseline} from './lib/python.mjs';
import {formatText, tableRows} from './lib/report.mjs';
import {runBrowser} from './lib/run_browser.mjs';
import {runNode, startNodeBackends} from './lib/run_node.mjs';
import {evaluateTargets} from './lib/targets.mjs';
import {checkPrngSelfTest, effectiveNoise} from './lib/workloads.mjs';
import {writeResults} from './lib/write.mjs';

const USAGE =
  'node bench/run.mjs [--only=W1,S2] [--backends=cpu,wasm,tensorflow,webgl,webgpu] [--quick] [--no-write] ' +
  '[--no-tf-baseline] [--no-peers]';

function options(argv) {
  const flag = {type: 'boolean', default: false};
  const flags = Object.fromEntries(['quick', 'no-write', 'no-tf-baseline', 'no-peers'].map(f => [f, flag]));
  const backends = {type: 'string', default: 'cpu,wasm,tensorflow,webgl,webgpu'};
  const spec = {only: {type: 'string'}, backends, ...flags, help: {...flag, short: 'h'}};
  const {values: v} = parseArgs({args: argv, options: spec});
  const list = s => s.split(',').filter(Boolean);
  const [write, tfBaseline, peers] = [!v['no-write'], !v['no-tf-baseline'], !v['no-peers']];
  const only = v.only === undefined ? null : list(v.only);
  return {only, backends: list(v.backends), quick: v.quick, write, help: v.help, tfBaseline, peers};
}

/**
 * The plugin's ESM build, and the UMD bundle's bytes for the browser pages, read together so
 * both sides measure the same build. dist/ may be mid-rebuild: retry for a while.
 */
async function loadBuild() {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!fs.existsSync(DIST_ESM)) throw new Error(`${DIST_ESM} is missing`);
      // A failed import stays cached under its URL: a fresh URL per attempt.
      const plugin = await import(`${pathToFileURL(DIST_ESM).href}?attempt=${attempt}`);
      return {plugin, bundle: fs.readFileSync(DIST_UMD)};
    } catch (e) {
      if (attempt >= 10) throw new Error(`${e.message}: run \`npm run build\` (npm run bench does)`);
      log(`dist/ not loadable (${e.message.split('\n')[0]}): retrying in 3 s`);
      await sleep(3000);
    }
  }
}

const pluck = (w, keys) => Object.fromEntries(keys.split(' ').map(k => [k, w[k]]));

async function main() {
  const opts = options(process.argv.slice(2));
  if (opts.help) return console.log(USAGE);
  const started = performance.now();
  const spec = JSON.parse(fs.readFileSync(path.join(BENCH, 'workloads.json'), 'utf8'));
  checkPrngSelfTest(spec.prng);
  const pick = list => list.filter(w => !opts.only || opts.only.includes(w.id));
  const workloads = pick(spec.workloads);
  const sensorWorkloads = pick(spec.sensorWorkloads.workloads);
  if (!workloads.length && !sensorWorkloads.length) throw new Error(`no workload matches --only=${opts.only}`);
  const {plugin, bundle} = await loadBuild();
  const meta = collectMeta(spec, opts, bundle);
  // TensorFlow's own kernel first, alone on the machine, for the targets that compare with it.
  const ids = list => list.map(w => w.id);
  if (workloads.length) meta.tfBaseline = runTfBaseline(opts, ids(workloads), ids(spec.workloads));
  if (sensorWorkloads.length) meta.sensorPeers = runSensorPeers(opts, ids(sensorWorkloads));
  const results = {
    format: 'tfjs-extract-glimpse-bench/2', // 2: the tensorflow backend, sensorWorkloads
    date: new Date().toISOString(),
    meta,
    workloads: workloads.map(w => ({...pluck(w, 'id name inputShape size'), noise: effectiveNoise(w), backends: {}})),
    sensorWorkloads: sensorWorkloads.map(w => ({
      ...pluck(w, 'id name imagesShape locationsShape size scales scaleFactor padding'),
      backends: {},
      peers: meta.sensorPeers?.workloads?.[w.id] ?? null,
    })),
    correctnessFailures: [],
  };
  const nodeBackends = await startNodeBackends(opts, results, plugin);
  await runNode(workloads, sensorWorkloads, plugin, opts, results, nodeBackends);
  await runBrowser(workloads, sensorWorkloads, bundle, opts, results);
  finishMeta(meta, started, performance.now());
  results.targets = evaluateTargets(results);

  const rows = tableRows(results);
  console.log(formatText(results, rows));
  await writeResults(results, rows, opts.write);
  log(`done in ${meta.totalSeconds} s`);
  const failures = results.correctnessFailures;
  if (failures.length) {
    console.error(
      `bench: ${failures.length} kernel output(s) WRONG, their timings were skipped:\n  ${failures.join('\n  ')}`,
    );
    process.exitCode = 1;
  }
}

main().catch(e => {
  console.error(`bench: ${e.stack || e.message}`);
  process.exit(1);
});
