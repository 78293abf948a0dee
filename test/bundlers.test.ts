/**
 * Web apps as people build them: each one a fresh app outside this repository, its
 * dependencies from a lockfile (test/bundlers/models: the full tfjs; test/bundlers/ops: tfjs-core
 * and the cpu backend, no converter) plus the packed tarball, bundled by a real tool at its
 * default settings (pinned in .ci/bundlers, set up by tools/setup_bundlers.sh), then loaded in
 * headless Chromium: the op's values, the sensor's shape and, with the converter, a converted
 * model's output against TensorFlow's, bit for bit (test/bundlers/app/checks.js).
 * Needs the build (`npm test` runs it first) and the npm registry for the apps' installs.
 */
import {execFile, spawn, type ChildProcess} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {promisify} from 'util';
import type {Browser} from 'playwright-core';
import {launchBrowser, watchPage, type StaticServer} from './browser/harness';

const root = path.join(__dirname, '..');
const TOOLS = path.join(root, '.ci', 'bundlers', 'node_modules');
const APP = path.join(__dirname, 'bundlers', 'app');
const MODEL = path.join(__dirname, 'fixtures', 'models', 'v2_zero');
const staticServer = require('../examples/web/static_server.cjs') as {
  startServer(options: {root: string; port?: number}): Promise<StaticServer>;
};
const execFileAsync = promisify(execFile);

type Kind = 'models' | 'ops';

/** How a tool builds an app: its command (run in the app's folder) and where the page is. */
interface Bundler {
  /** The page's source: an index.html that the tool builds from, or one written beside its output. */
  html: 'source' | 'output';
  /** The entry module's path in the app. */
  entry: string;
  command: string[];
  /** The folder to serve: the tool's output. */
  out: string;
  /** Only models apps: where the model's files go so that the page finds them at web_model/. */
  modelDir: string;
  /** How the output page loads the bundle (html 'output' only). */
  script?: string;
  /** The tool's config file, from test/bundlers/app, if the tool needs one. */
  config?: string;
}

const node = (...args: string[]) => [process.execPath, ...args];
const vite = (bin: string): Bundler => ({
  html: 'source',
  entry: 'src/main.js',
  command: node(path.join(TOOLS, bin, 'bin', 'vite.js'), 'build'),
  out: 'dist',
  modelDir: 'public/web_model',
});

const BUNDLERS: Record<string, Bundler> = {
  'vite 8': vite('vite'),
  'vite 5': vite('vite5'),
  'webpack 5': {
    html: 'output',
    entry: 'src/index.js',
    command: node(path.join(TOOLS, 'webpack-cli', 'bin', 'cli.js')),
    out: 'dist',
    modelDir: 'dist/web_model',
    script: '<script src="main.js"></script>',
  },
  'esbuild (iife)': {
    html: 'output',
    entry: 'src/main.js',
    command: [path.join(TOOLS, 'esbuild', 'bin', 'esbuild'), 'src/main.js', '--bundle', '--outfile=dist/main.js'],
    out: 'dist',
    modelDir: 'dist/web_model',
    script: '<script src="main.js"></script>',
  },
  'parcel 2': {
    html: 'source',
    entry: 'src/main.js',
    command: node(path.join(TOOLS, 'parcel', 'lib', 'bin.js'), 'build', 'index.html'),
    // Parcel writes to dist/ in the project's root: the folder of the lockfile, above the app's.
    out: '../dist',
    modelDir: '../dist/web_model',
  },
  'rollup 4 (output.file)': {
    html: 'output',
    entry: 'src/main.js',
    command: node(path.join(TOOLS, 'rollup', 'dist', 'bin', 'rollup'), '-c'),
    config: 'rollup.config.mjs',
    out: 'dist',
    modelDir: 'dist/web_model',
    script: '<script type="module" src="main.js"></script>',
  },
};

const page = (script: string) =>
  `<!doctype html>\n<html><head><meta charset="utf-8"><title>app</title><link rel="icon" href="data:,"></head>\n` +
  `<body>${script}</body></html>\n`;

let workspace: string;
let tarball: string;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(TOOLS, '.setup-bundlers.lock-sha256'))) {
    throw new Error('the bundlers are not set up in .ci/bundlers: run tools/setup_bundlers.sh (npm test does)');
  }
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'glimpse-apps-'));
  const {stdout} = await execFileAsync('npm', ['pack', '--silent', '--pack-destination', workspace], {cwd: root});
  tarball = path.join(workspace, stdout.trim().split('\n').pop()!);
  browser = await launchBrowser();
}, 120000);

afterAll(async () => {
  await browser?.close();
  if (workspace) fs.rmSync(workspace, {recursive: true, force: true});
});

/** A fresh folder of apps of one kind: their dependencies from the lockfile, then the tarball. */
async function installApps(kind: Kind): Promise<string> {
  const dir = path.join(workspace, kind);
  fs.mkdirSync(dir);
  for (const f of ['package.json', 'package-lock.json']) {
    fs.copyFileSync(path.join(__dirname, 'bundlers', kind, f), path.join(dir, f));
  }
  const flags = ['--no-audit', '--no-fund', '--loglevel=error'];
  await execFileAsync('npm', ['ci', '--prefer-offline', ...flags], {cwd: dir});
  // As a user adds it: saved in the app's package.json. Resolving its peers needs tfjs-core's registry metadata,
  // which `npm ci` does not cache: with a cold cache `--offline` fails (ERESOLVE), `--prefer-offline` fetches it once.
  await execFileAsync('npm', ['install', '--prefer-offline', ...flags, tarball], {cwd: dir});
  // Rollup's config imports its plugins from the app's node_modules, as in any Rollup app.
  for (const plugin of ['plugin-node-resolve', 'plugin-commonjs']) {
    fs.mkdirSync(path.join(dir, 'node_modules', '@rollup'), {recursive: true});
    fs.symlinkSync(path.join(TOOLS, '@rollup', plugin), path.join(dir, 'node_modules', '@rollup', plugin), 'dir');
  }
  return dir;
}

/** Writes an app's files: the shared app code under the tool's entry name, its page and the model. */
function writeApp(appsDir: string, kind: Kind, name: string, bundler: Bundler): string {
  const dir = path.join(appsDir, name.replace(/\W+/g, '-'));
  fs.mkdirSync(path.join(dir, 'src'), {recursive: true});
  fs.copyFileSync(path.join(APP, `${kind}.js`), path.join(dir, bundler.entry));
  fs.copyFileSync(path.join(APP, 'checks.js'), path.join(dir, 'src', 'checks.js'));
  if (bundler.config) fs.copyFileSync(path.join(APP, bundler.config), path.join(dir, bundler.config));
  if (bundler.html === 'source') {
    fs.writeFileSync(path.join(dir, 'index.html'), page(`<script type="module" src="./${bundler.entry}"></script>`));
  }
  if (kind === 'models' && !inOutput(bundler)) fs.cpSync(MODEL, path.join(dir, bundler.modelDir), {recursive: true});
  return dir;
}

const inOutput = (bundler: Bundler) => bundler.modelDir.startsWith(`${bundler.out}/`);

/** After a build: the page beside the output if the tool writes none, and the model's files if it copies none. */
function finishOutput(dir: string, kind: Kind, bundler: Bundler): void {
  if (bundler.html === 'output') fs.writeFileSync(path.join(dir, bundler.out, 'index.html'), page(bundler.script!));
  if (kind === 'models' && inOutput(bundler)) fs.cpSync(MODEL, path.join(dir, bundler.modelDir), {recursive: true});
}

interface AppResult {
  error?: string;
  ops?: {backend: string; glimpse: number[]; sensorShape: number[]; imageOps: string[]};
  model?: Array<{name: string; shape: number[]; sameBits: boolean}>;
}

/** Opens the app's page and returns what it found, with every console error or failed request. */
async function openApp(url: string): Promise<{result: AppResult; errors: string[]}> {
  const context = await browser.newContext();
  const errors: string[] = [];
  try {
    const tab = await context.newPage();
    watchPage(tab, errors);
    await tab.goto(url);
    // A page that fails to load its code never reports: stop at its first error, not at the timeout.
    let poll: NodeJS.Timeout | undefined;
    const broken = new Promise<never>((_, reject) => {
      poll = setInterval(() => {
        if (errors.some(e => /^(pageerror|requestfailed|HTTP 5)/.test(e))) reject(new Error('the page failed'));
      }, 250);
    });
    try {
      await Promise.race([
        tab.waitForFunction(() => (window as any).appResult !== undefined, null, {timeout: 120000}),
        broken,
      ]);
    } catch (e) {
      throw new Error(`${url} gave no result: ${(e as Error).message}\npage errors:\n  ${errors.join('\n  ')}`);
    } finally {
      clearInterval(poll);
    }
    return {result: await tab.evaluate(() => (window as any).appResult), errors};
  } finally {
    await context.close();
  }
}

function expectWorks(kind: Kind, {result, errors}: {result: AppResult; errors: string[]}): void {
  expect(result.error).toBeUndefined();
  expect(errors).toEqual([]);
  expect(result.ops).toEqual({
    backend: kind === 'ops' ? 'cpu' : expect.any(String),
    glimpse: [5, 6, 7, 10, 11, 12, 15, 16, 17],
    sensorShape: [2, 2, 4, 4, 3],
    imageOps: ['function', 'function'],
  });
  if (kind === 'models') {
    expect(result.model!.map(r => [r.name, r.sameBits])).toEqual([
      ['batch2_inside', true],
      ['batch2_partial', true],
      ['batch1_partial', true],
    ]);
  } else {
    expect(result.model).toBeUndefined();
  }
}

/** The size of the JavaScript an app's build wrote, in bytes. */
function bundleBytes(dir: string): number {
  return fs
    .readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter(f => f.endsWith('.js'))
    .reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
}

const sizes: Record<string, number> = {};
afterAll(() => {
  // For the release notes: what each tool's bundle weighs (BUNDLE_SIZES_OUT=file.json).
  if (process.env.BUNDLE_SIZES_OUT) fs.writeFileSync(process.env.BUNDLE_SIZES_OUT, JSON.stringify(sizes, null, 2));
});

const APPS: Array<[Kind, string[]]> = [
  ['models', Object.keys(BUNDLERS)],
  ['ops', Object.keys(BUNDLERS)],
];

describe.each(APPS)('%s apps', (kind, names) => {
  let appsDir: string;
  beforeAll(async () => {
    appsDir = await installApps(kind);
  }, 600000);

  test.each(names)(
    `%s: the build works in Chromium`,
    async name => {
      const bundler = BUNDLERS[name];
      const dir = writeApp(appsDir, kind, name, bundler);
      const [command, ...args] = bundler.command;
      await execFileAsync(command, args, {cwd: dir, maxBuffer: 64 * 1024 * 1024});
      finishOutput(dir, kind, bundler);
      sizes[`${kind} ${name}`] = bundleBytes(path.join(dir, bundler.out));
      const server = await staticServer.startServer({root: path.join(dir, bundler.out), port: 0});
      try {
        expectWorks(kind, await openApp(`${server.url}/index.html`));
      } finally {
        await server.close();
      }
    },
    600000,
  );

  test('vite 8: the dev server serves the app and it works in Chromium', async () => {
    const bundler = BUNDLERS['vite 8'];
    const dir = writeApp(appsDir, kind, 'vite dev', bundler);
    const server = await startViteDev(dir);
    try {
      expectWorks(kind, await openApp(`${server.url}/`));
    } finally {
      server.process.kill();
    }
  }, 600000);
});

/** `vite` in the app's folder, on 127.0.0.1 and a port of its own; resolves once it listens. */
function startViteDev(dir: string): Promise<{url: string; process: ChildProcess}> {
  const child = spawn(process.execPath, [path.join(TOOLS, 'vite', 'bin', 'vite.js'), '--host', '127.0.0.1'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {...process.env, NO_COLOR: '1'},
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) resolve({url: `http://127.0.0.1:${match[1]}`, process: child});
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', code => reject(new Error(`vite dev server exited (${code}) before listening:\n${output}`)));
  });
}
