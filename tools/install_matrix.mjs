#!/usr/bin/env node
/**
 * The install matrix: the packed package added, as a user adds it, to fresh apps that already
 * have tfjs, by npm, pnpm, yarn (classic and berry) and bun, from a package cache that is empty
 * when the run starts (one cache folder for the whole run: each manager fetches a package once),
 * then a Node check in each app:
 *   - the main entry, by require() and by import: extractGlimpse on the cpu backend gives the
 *     hand-worked value of a 1x2x2x1 case, on the app's own tfjs-core at the app's version;
 *   - full apps (@tensorflow/tfjs): the `/converter` entry loads, by require() and by import,
 *     and registers the glimpse ops in the app's converter;
 *   - core-only apps (tfjs-core and the cpu backend): no converter was installed, so the
 *     `/converter` entry fails to find one.
 * npm is the one on PATH; the other managers are pinned in .ci/install-matrix, which this script
 * sets up (npm ci) when its lockfile changed. Needs the build (dist/) and the npm registry.
 *
 * usage: node tools/install_matrix.mjs [--only <regexp>] [--jobs <n>] [--json <file>] [--tarball <file>] [--keep]
 *   --only     run the cases whose label (e.g. "pnpm tfjs 4.10.0 core-only") matches
 *   --jobs     cases installed at once (default 4: installs mostly wait on the network and the disk)
 *   --json     also write the results there
 *   --tarball  add this tarball instead of packing the checkout
 *   --keep     keep the apps and the cache (the temp folder is printed)
 * Prints one line per case and exits 1 if any case failed, 2 if the matrix could not run.
 */
import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS_DIR = path.join(root, '.ci', 'install-matrix');
const TOOLS = path.join(TOOLS_DIR, 'node_modules');
const STAMP = path.join(TOOLS, '.setup-install-matrix.lock-sha256');

const {values: opts} = parseArgs({
  options: {
    only: {type: 'string'},
    jobs: {type: 'string', default: '4'},
    json: {type: 'string'},
    tarball: {type: 'string'},
    keep: {type: 'boolean', default: false},
  },
});

/** Thrown for what stops the whole matrix (exit 2), not one case. */
class MatrixError extends Error {}

// The managers' own settings come from the app and the cache below, never from the npm script
// that may have started us (npm exports its config and the package's fields as npm_* variables).
const KEEP_NPM_CONFIG = new Set(['registry', 'userconfig', 'proxy', 'https_proxy', 'noproxy', 'cafile', 'strict_ssl']);
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => {
    const npmConfig = key.match(/^npm_config_(.*)$/i);
    if (npmConfig) return KEEP_NPM_CONFIG.has(npmConfig[1].toLowerCase());
    return !/^(npm_(package|lifecycle)_|npm_execpath$|npm_node_execpath$|pnpm_config_|yarn_|bun_)/i.test(key);
  }),
);

/**
 * How each manager adds packages to an app. `cache` gives its cache folders inside the run's
 * cache; `exclusive` managers run one case at a time (yarn classic's cache is not safe to share
 * between concurrent installs).
 */
const node = process.execPath;
const MANAGERS = {
  npm: {
    version: () => ['npm', ['--version']],
    add: specs => ['npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...specs]],
    cache: dir => ({npm_config_cache: path.join(dir, 'npm')}),
  },
  pnpm: {
    bin: path.join(TOOLS, 'pnpm', 'bin', 'pnpm.cjs'),
    version: () => [node, [MANAGERS.pnpm.bin, '--version']],
    add: specs => [node, [MANAGERS.pnpm.bin, 'add', ...specs]],
    // pnpm 10 reads its settings from npm_config_*, later ones from pnpm_config_*.
    cache: dir =>
      Object.fromEntries(
        ['store', 'cache', 'state'].flatMap(name => [
          [`npm_config_${name}_dir`, path.join(dir, 'pnpm', name)],
          [`pnpm_config_${name}_dir`, path.join(dir, 'pnpm', name)],
        ]),
      ),
  },
  yarn: {
    bin: path.join(TOOLS, 'yarn', 'bin', 'yarn.js'),
    version: () => [node, [MANAGERS.yarn.bin, '--version']],
    add: specs => [node, [MANAGERS.yarn.bin, 'add', '--non-interactive', '--no-progress', ...specs]],
    cache: dir => ({YARN_CACHE_FOLDER: path.join(dir, 'yarn')}),
    exclusive: true,
  },
  'yarn berry': {
    bin: path.join(TOOLS, '@yarnpkg', 'cli-dist', 'bin', 'yarn.js'),
    version: () => [node, [MANAGERS['yarn berry'].bin, '--version']],
    add: specs => [node, [MANAGERS['yarn berry'].bin, 'add', ...specs]],
    tarballSpec: file => `tfjs-extract-glimpse@file:${file}`,
    cache: dir => ({
      YARN_GLOBAL_FOLDER: path.join(dir, 'yarn-berry'),
      YARN_ENABLE_TELEMETRY: '0',
      // CI=true makes berry refuse any lockfile change, and adding a package is one.
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    }),
    // Plug'n'Play: Node resolves packages through the app's .pnp.cjs, which `yarn node` loads.
    runNode: file => [node, [MANAGERS['yarn berry'].bin, 'node', file]],
    // Plug'n'Play gives a package its peers only from its parent's own dependencies: a full app
    // lists the tfjs packages that its plugins name as peers beside @tensorflow/tfjs.
    fullPeers: true,
    // The app's settings: Plug'n'Play's loader for import(), which berry writes only where an app
    // asks for it or holds ESM packages; and the dependencies that @tensorflow/tfjs requires
    // without declaring them (long, seedrandom), which Plug'n'Play refuses otherwise.
    files: {
      '.yarnrc.yml': [
        'pnpEnableEsmLoader: true',
        'packageExtensions:',
        "  '@tensorflow/tfjs@*':",
        '    dependencies:',
        "      long: '4.0.0'",
        "      seedrandom: '^3.0.5'",
        '',
      ].join('\n'),
    },
    exclusive: true,
  },
  bun: {
    bin: path.join(TOOLS, 'bun', 'bin', 'bun.exe'),
    version: () => [MANAGERS.bun.bin, ['--version']],
    add: specs => [MANAGERS.bun.bin, ['add', ...specs]],
    cache: dir => ({BUN_INSTALL_CACHE_DIR: path.join(dir, 'bun')}),
    exclusive: true,
  },
};

/** The cases: [manager, tfjs version, kind]. core-only: tfjs-core and backend-cpu; full: @tensorflow/tfjs. */
const CASES = [
  ['npm', '4.0.0', 'core-only'],
  ['npm', '4.0.0', 'full'],
  ['npm', '4.10.0', 'core-only'],
  ['npm', '4.10.0', 'full'],
  ['npm', '4.22.0', 'core-only'],
  ['npm', '4.22.0', 'full'],
  ['pnpm', '4.10.0', 'core-only'],
  ['pnpm', '4.22.0', 'full'],
  ['yarn', '4.10.0', 'core-only'],
  ['yarn', '4.22.0', 'full'],
  ['yarn berry', '4.10.0', 'core-only'],
  ['yarn berry', '4.22.0', 'full'],
  ['bun', '4.10.0', 'core-only'],
  ['bun', '4.22.0', 'full'],
].map(([manager, version, kind]) => ({manager, version, kind, label: `${manager} tfjs ${version} ${kind}`}));

const baseSpecs = ({manager, version, kind}) =>
  kind === 'full'
    ? [
        `@tensorflow/tfjs@${version}`,
        ...(MANAGERS[manager].fullPeers ? ['core', 'converter'].map(p => `@tensorflow/tfjs-${p}@${version}`) : []),
      ]
    : [`@tensorflow/tfjs-core@${version}`, `@tensorflow/tfjs-backend-cpu@${version}`];

// The checks each app runs, by require() (check.cjs) and by import (check.mjs), from checks.cjs.
const CHECKS_CJS = `const assert = require('node:assert/strict');
const {full, version} = require('./case.json');

// A converted model of one ExtractGlimpseV2 node, as tfjs-converter writes it: glimpse = the op
// on (image, [2, 2], offsets), not centered, not normalized, 'zero' noise.
const MODEL = {
  modelTopology: {
    node: [
      {name: 'image', op: 'Placeholder', attr: {dtype: {type: 'DT_FLOAT'}}},
      {name: 'offsets', op: 'Placeholder', attr: {dtype: {type: 'DT_FLOAT'}}},
      {
        name: 'size',
        op: 'Const',
        attr: {value: {tensor: {dtype: 'DT_INT32', tensorShape: {dim: [{size: '2'}]}}}, dtype: {type: 'DT_INT32'}},
      },
      {
        name: 'glimpse',
        op: 'ExtractGlimpseV2',
        input: ['image', 'size', 'offsets'],
        attr: {centered: {b: false}, normalized: {b: false}, uniform_noise: {b: false}, noise: {s: 'emVybw=='}},
      },
    ],
    versions: {producer: 1},
  },
  weightSpecs: [{name: 'size', shape: [2], dtype: 'int32'}],
  weightData: new Int32Array([2, 2]).buffer,
};

/** Throws unless the app's tfjs, the plugin's main entry and its /converter entry behave. */
exports.check = async (tf, main, loadConverterEntry) => {
  assert.equal(tf.version_core, version, 'the app kept its tfjs-core');
  await tf.setBackend('cpu');
  // A 2x2 window with its top-left corner at pixel (1, 0) of the 2x2 image [[1, 2], [3, 4]]: its
  // first row is the image's second row, its second lies below the image and gets 'zero' noise.
  const image = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
  const offsets = tf.tensor2d([[1, 0]]);
  const glimpse = main.extractGlimpse(image, [2, 2], offsets, false, false, 'zero');
  assert.deepEqual(glimpse.shape, [1, 2, 2, 1]);
  assert.deepEqual(Array.from(await glimpse.data()), [3, 4, 0, 0]);
  if (full) {
    // The app's converter runs the model once the /converter entry has registered the op in it
    // (a model looks its ops up as it loads).
    const load = () => tf.loadGraphModel(tf.io.fromMemory(MODEL));
    const before = await load();
    const unknown = /ExtractGlimpseV2/;
    assert.throws(() => before.execute({image, offsets}), unknown, 'the main entry registers no converter op');
    const models = await loadConverterEntry();
    assert.equal(models.extractGlimpse, main.extractGlimpse, 'the /converter entry shares the main entry');
    const after = await load();
    assert.deepEqual(Array.from(await after.execute({image, offsets}).data()), [3, 4, 0, 0]);
  } else {
    await assert.rejects(loadConverterEntry, /@tensorflow\\/tfjs-converter/, 'no converter was installed');
  }
};
`;
const CHECK_CJS = `const {full} = require('./case.json');
const tf = require(full ? '@tensorflow/tfjs' : '@tensorflow/tfjs-core');
if (!full) require('@tensorflow/tfjs-backend-cpu');
require('./checks.cjs')
  .check(tf, require('tfjs-extract-glimpse'), async () => require('tfjs-extract-glimpse/converter'))
  .then(() => console.log('require: ok'));
`;
const CHECK_MJS = `import {createRequire} from 'node:module';
const require = createRequire(import.meta.url);
const {full} = require('./case.json');
const tf = await import(full ? '@tensorflow/tfjs' : '@tensorflow/tfjs-core');
if (!full) await import('@tensorflow/tfjs-backend-cpu');
await require('./checks.cjs').check(
  tf.setBackend ? tf : tf.default,
  await import('tfjs-extract-glimpse'),
  () => import('tfjs-extract-glimpse/converter'),
);
console.log('import: ok');
`;

/** Runs a command; resolves with its output, rejects with an error holding the output and the command. */
function run(command, args, {cwd, env = baseEnv, timeout = 300000} = {}) {
  return new Promise((resolve, reject) => {
    execFile(command, args, {cwd, env, timeout, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim();
      if (!error) return resolve(output);
      const how = error.killed ? `killed after ${timeout / 1000}s` : `exit ${error.code ?? error.signal}`;
      const shown = [path.basename(command), ...args].join(' ').replaceAll(root, '.');
      reject(Object.assign(new Error(`${shown}: ${how}`), {output}));
    });
  });
}

const seconds = start => (performance.now() - start) / 1000;

async function checkRegistry() {
  const registry = (await run('npm', ['config', 'get', 'registry'])).trim();
  try {
    await run('npm', ['ping', '--loglevel=error', '--fetch-retries=1'], {timeout: 60000});
  } catch (e) {
    throw new MatrixError(
      `the npm registry (${registry}) cannot be reached: the install matrix installs every app from it, ` +
        `so it cannot run offline.\n${e.message}\n${e.output ?? ''}`.trim(),
    );
  }
}

/** `npm ci` in .ci/install-matrix when its lockfile is not the one installed there. */
async function setupManagers() {
  const lock = fs.readFileSync(path.join(TOOLS_DIR, 'package-lock.json'));
  const sha = createHash('sha256').update(lock).digest('hex');
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === sha) return;
  console.log('setting up the package managers: npm ci in .ci/install-matrix');
  fs.rmSync(STAMP, {force: true});
  try {
    await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {cwd: TOOLS_DIR, timeout: 600000});
  } catch (e) {
    throw new MatrixError(`setting up .ci/install-matrix failed: ${e.message}\n${e.output}`);
  }
  fs.writeFileSync(STAMP, `${sha}\n`);
}

async function pack(dir) {
  if (!fs.existsSync(path.join(root, 'dist', 'tfjs-extract-glimpse.cjs'))) {
    throw new MatrixError('dist/ is missing: run `npm run build` first');
  }
  const out = await run('npm', ['pack', '--silent', '--pack-destination', dir], {cwd: root});
  return path.join(dir, out.trim().split('\n').pop());
}

/** One case: a fresh app with tfjs, then the tarball added to it, then the checks. Never throws. */
async function runCase(c, {apps, cache, tarball}) {
  const manager = MANAGERS[c.manager];
  const dir = path.join(apps, c.label.replace(/\W+/g, '-'));
  const env = {...baseEnv, ...manager.cache(cache)};
  const start = performance.now();
  let step = 'write the app';
  const timings = {};
  try {
    fs.mkdirSync(dir, {recursive: true});
    const files = {
      'package.json': JSON.stringify({name: 'app', version: '1.0.0', private: true}, null, 2),
      'case.json': JSON.stringify({full: c.kind === 'full', version: c.version}),
      'checks.cjs': CHECKS_CJS,
      'check.cjs': CHECK_CJS,
      'check.mjs': CHECK_MJS,
      ...manager.files,
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);

    let t = performance.now();
    step = `add ${baseSpecs(c).join(' ')}`;
    await run(...manager.add(baseSpecs(c)), {cwd: dir, env});
    step = 'add the tarball';
    await run(...manager.add([manager.tarballSpec ? manager.tarballSpec(tarball) : tarball]), {cwd: dir, env});
    timings.install = seconds(t);

    t = performance.now();
    for (const file of ['check.cjs', 'check.mjs']) {
      step = `node ${file}`;
      const [command, args] = manager.runNode ? manager.runNode(file) : [node, [file]];
      await run(command, args, {cwd: dir, env, timeout: 120000});
    }
    timings.check = seconds(t);
    return {...c, ok: true, seconds: seconds(start), timings, dir};
  } catch (e) {
    const output = e.output ?? e.stack;
    return {...c, ok: false, seconds: seconds(start), timings, dir, step, error: e.message, output};
  }
}

/**
 * Runs the cases `jobs` at a time, an exclusive manager's one at a time, the full apps (the longest
 * installs) first; reports each as it ends and hands its app to `done` (to delete it meanwhile).
 */
async function runAll(cases, jobs, context, report, done) {
  const pending = [...cases].sort((a, b) => (b.kind === 'full') - (a.kind === 'full'));
  const busy = new Set();
  const results = [];
  const waiting = [];
  const wake = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  const next = () => pending.findIndex(c => !(MANAGERS[c.manager].exclusive && busy.has(c.manager)));
  async function worker() {
    while (pending.length > 0) {
      const i = next();
      if (i < 0) {
        await new Promise(resolve => waiting.push(resolve));
        continue;
      }
      const [c] = pending.splice(i, 1);
      busy.add(c.manager);
      const result = await runCase(c, context);
      busy.delete(c.manager);
      wake();
      results.push(result);
      report(result);
      done(result);
    }
  }
  await Promise.all(Array.from({length: Math.max(1, jobs)}, worker));
  return cases.map(c => results.find(r => r.label === c.label));
}

function formatResult(r, width) {
  const time = `${r.seconds.toFixed(1)}s`.padStart(7);
  if (r.ok) {
    const {install, check} = r.timings;
    return `ok    ${r.label.padEnd(width)} ${time}  (install ${install.toFixed(1)}s, checks ${check.toFixed(1)}s)`;
  }
  const output = (r.output ?? '').split('\n').slice(-40);
  return `FAIL  ${r.label.padEnd(width)} ${time}  ${r.step}: ${r.error}\n${output.map(l => `        ${l}`).join('\n')}`;
}

async function main() {
  const start = performance.now();
  const only = opts.only ? new RegExp(opts.only) : null;
  const cases = CASES.filter(c => !only || only.test(c.label));
  if (cases.length === 0) throw new MatrixError(`no case matches --only ${opts.only}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'glimpse-install-matrix-'));
  const cache = path.join(work, 'cache');
  const apps = path.join(work, 'apps');
  fs.mkdirSync(cache);
  try {
    const managers = [...new Set(cases.map(c => c.manager))];
    const [tarball] = await Promise.all([
      opts.tarball ? path.resolve(opts.tarball) : pack(work),
      checkRegistry(),
      managers.some(m => m !== 'npm') ? setupManagers() : null,
    ]);
    const versions = await Promise.all(managers.map(m => run(...MANAGERS[m].version(), {cwd: work})));
    const versionOf = Object.fromEntries(managers.map((m, i) => [m, versions[i].trim().split('\n').pop()]));
    console.log(`install matrix: ${managers.map(m => `${m} ${versionOf[m]}`).join(', ')}`);
    console.log(`tarball ${path.basename(tarball)}, ${cases.length} cases, an empty cache at ${cache}`);

    const width = Math.max(...cases.map(c => c.label.length));
    const jobs = Number(opts.jobs);
    // A finished app is deleted while the others install: deleting thousands of files is slow on some disks.
    const deleting = [];
    const done = r => opts.keep || deleting.push(fs.promises.rm(r.dir, {recursive: true, force: true}));
    const results = await runAll(cases, jobs, {apps, cache, tarball}, r => console.log(formatResult(r, width)), done);
    await Promise.all(deleting);
    if (!opts.keep) fs.rmSync(work, {recursive: true, force: true});
    const wall = seconds(start);
    const failed = results.filter(r => !r.ok);
    console.log(
      `${results.length - failed.length} of ${results.length} cases passed in ${wall.toFixed(1)}s (${jobs} at a time)` +
        (failed.length ? `; failed: ${failed.map(r => r.label).join(', ')}` : ''),
    );
    if (opts.json) {
      // A failed case keeps the end of its command's output.
      const tail = output => output.split('\n').slice(-40).join('\n');
      const summary = {
        wall,
        jobs,
        managers: versionOf,
        results: results.map(({output, dir, ...r}) => (r.ok ? r : {...r, output: tail(output ?? '')})),
      };
      fs.writeFileSync(opts.json, JSON.stringify(summary, null, 2));
    }
    return failed.length ? 1 : 0;
  } finally {
    if (opts.keep) console.log(`kept ${work}`);
    else fs.rmSync(work, {recursive: true, force: true});
  }
}

main().then(
  code => (process.exitCode = code),
  e => {
    console.error(`install matrix: ${e instanceof MatrixError ? e.message : e.stack}`);
    process.exitCode = 2;
  },
);
