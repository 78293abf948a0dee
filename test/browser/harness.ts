/**
 * Browser test harness: a read-only static server for the repository, Debian's Chromium
 * through playwright-core (never a downloaded browser), and a page that loads tfjs, the
 * built UMD bundle and the test helpers (test/helpers/*_run.ts and friends, bundled by
 * `npm run build:pages`) from <script> tags, so golden cases run in Chromium and are checked
 * in Node with checkCase.
 *
 * Page-side functions passed to page.evaluate are plain, non-async, non-destructuring
 * arrows that only call into `window.tfPage` (defined in pages/tf.html): whatever target
 * ts-jest compiles to, their source needs no helper that the page lacks.
 */
import * as fs from 'fs';
import * as path from 'path';
import {chromium} from 'playwright-core';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {failuresSoFar} from '../helpers/failures';
import type {CaseResult, GoldenCase} from '../helpers/golden_run';

/** The repository root, which the server serves. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

// The repository's one static server, shared with the web demo (examples/web/serve.mjs).
const staticServer = require('../../examples/web/static_server.cjs') as {
  startServer(options: {root: string; port?: number}): Promise<StaticServer>;
};

/**
 * Serves REPO_ROOT read-only on 127.0.0.1, on a free port the OS picks, with
 * examples/web/static_server.cjs: GET only (405 otherwise); paths that leave the root
 * (`..`, encoded or not, or a symlink out of it), NUL bytes and directories are refused.
 */
export function startServer(): Promise<StaticServer> {
  return staticServer.startServer({root: REPO_ROOT, port: 0});
}

/**
 * Launches Debian's Chromium (headless). Throws, never skips, if it is not installed;
 * playwright-core never downloads a browser.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser suites need Debian's chromium: ` +
        'run `apt-get install -y chromium` (as root). Tests never download a browser.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** What pages/tf.html loads after tfjs: the plugin's UMD bundle and the test helpers' bundle. */
const PLUGIN_BUNDLE = 'dist/tfjs-extract-glimpse.min.js';
const PAGE_HELPERS = 'test/browser/pages/built/page_helpers.js';

/** Optional bundles that openTfPage loads only on request (`scripts`). */
export const OPTIONAL_SCRIPTS = {
  webgpu: 'node_modules/@tensorflow/tfjs-backend-webgpu/dist/tf-backend-webgpu.min.js',
  converter: 'node_modules/@tensorflow/tfjs-converter/dist/tf-converter.min.js',
} as const;

export type Backend = 'cpu' | 'webgl' | 'webgpu';

export interface TfPageOptions {
  backend: Backend;
  /** tf.env() flags set before setBackend, e.g. {WEBGL_VERSION: 1, IS_TEST: true}. */
  flags?: Record<string, unknown>;
  /**
   * Extra bundles, loaded after tf-core/cpu/webgl and before the plugin: 'webgpu',
   * 'converter' (see OPTIONAL_SCRIPTS), or a root-relative path such as
   * '/node_modules/x/dist/x.min.js'. A missing file is an error.
   */
  scripts?: string[];
}

export interface TfPage {
  page: Page;
  context: BrowserContext;
  backend: Backend;
  /** Console errors, uncaught page errors, failed requests and HTTP >= 400 responses, in order. */
  errors: string[];
  /** Every console message as `type: text` (shader sources and info logs arrive as console.log). */
  logs: string[];
  close(): Promise<void>;
}

function scriptPath(s: string): string {
  const rel = (OPTIONAL_SCRIPTS as Record<string, string>)[s] ?? s.replace(/^\/+/, '');
  if (!fs.existsSync(path.join(REPO_ROOT, rel))) {
    throw new Error(`openTfPage: script '${s}' requested but ${rel} is missing (is the package installed?)`);
  }
  return '/' + rel;
}

/**
 * Collects into `errors` what goes wrong on `page`: console errors, uncaught exceptions,
 * failed requests and HTTP statuses of 400 or more; `logs` gets every console line.
 */
export function watchPage(page: Page, errors: string[], logs: string[] = []): void {
  page.on('console', msg => {
    const line = `${msg.type()}: ${msg.text()}`;
    logs.push(line);
    if (msg.type() === 'error') errors.push(`console.${line}`);
  });
  page.on('pageerror', err => errors.push(`pageerror: ${err.stack ?? err.message}`));
  page.on('requestfailed', req => errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', r => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
}

/** The most console lines of a page printed after a failure (its latest). */
const SHOWN_PAGE_LINES = 200;

/**
 * A page's console stays out of the test output unless a test fails: after each test, and
 * after the file's tests, the lines logged since the previous check are printed if a test or
 * hook failed meanwhile, and dropped otherwise. `lines` gives the page's `logs` (a relaunched
 * page brings a new array).
 */
export function showPageLogsOnFailure(lines: () => readonly string[] | undefined): void {
  let failures = 0;
  let checked: readonly string[] | undefined;
  let seen = 0;
  const check = () => {
    const now = lines();
    if (now !== checked) [checked, seen] = [now, 0];
    const fresh = (now ?? []).slice(seen);
    if (failuresSoFar() > failures && fresh.length) {
      const left = fresh.length > SHOWN_PAGE_LINES ? ` (the last ${SHOWN_PAGE_LINES} of ${fresh.length})` : '';
      console.log(`the page's console since the last check${left}:\n  ${fresh.slice(-SHOWN_PAGE_LINES).join('\n  ')}`);
    }
    failures = failuresSoFar();
    seen += fresh.length;
  };
  afterEach(check);
  afterAll(check);
}

/** A static server and Chromium for a test file's pages: opened before its tests, closed after them. */
export interface PageBrowser {
  /** Every page's errors (see watchPage), in order. */
  errors: string[];
  /**
   * Opens `urlPath` (root-relative) in a new tab, watched, and waits until `ready` (a plain
   * page-side arrow) holds in it.
   */
  openPage(urlPath: string, ready: () => unknown): Promise<Page>;
}

/**
 * Starts the server and Chromium in a beforeAll and closes them in an afterAll; the pages'
 * console prints only when a test fails (showPageLogsOnFailure).
 */
export function usePageBrowser(): PageBrowser {
  const errors: string[] = [];
  const logs: string[] = [];
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext();
  }, 60000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });
  showPageLogsOnFailure(() => logs);
  return {
    errors,
    async openPage(urlPath, ready) {
      const page = await context!.newPage();
      watchPage(page, errors, logs);
      await page.goto(`${server!.url}${urlPath}`);
      await page.waitForFunction(ready, undefined, {timeout: 60000});
      return page;
    },
  };
}

/**
 * Opens pages/tf.html in a fresh browser context (tfjs caches flags derived from
 * WEBGL_VERSION, so each configuration needs its own page), sets `flags`, selects
 * `backend` and checks it is the active one.
 */
export async function openTfPage(browser: Browser, serverUrl: string, options: TfPageOptions): Promise<TfPage> {
  for (const built of [PLUGIN_BUNDLE, PAGE_HELPERS]) {
    if (!fs.existsSync(path.join(REPO_ROOT, built))) {
      throw new Error(`openTfPage: ${built} is missing: run \`npm run build && npm run build:pages\` (npm test does)`);
    }
  }
  const extra = (options.scripts ?? []).map(scriptPath);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const logs: string[] = [];
  watchPage(page, errors, logs);
  const close = async () => {
    await context.close();
  };
  try {
    const query = extra.length ? `?scripts=${extra.map(encodeURIComponent).join(',')}` : '';
    await page.goto(`${serverUrl}/test/browser/pages/tf.html${query}`);
    await page.evaluate(() => (window as any).tfPage.loaded);
    const active = await page.evaluate(
      (arg: {backend: string; flags: Record<string, unknown>}) => (window as any).tfPage.init(arg.backend, arg.flags),
      {backend: options.backend, flags: options.flags ?? {}},
    );
    if (active !== options.backend) {
      throw new Error(`openTfPage: tf.getBackend() is '${active}' after setBackend('${options.backend}')`);
    }
  } catch (e) {
    await close();
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(
      `openTfPage(${options.backend}) failed: ${msg}` +
        (errors.length ? `\npage errors:\n  ${errors.join('\n  ')}` : ''),
    );
  }
  return {page, context, backend: options.backend, errors, logs, close};
}

/** Largest JSON payload (characters) sent to the page in one evaluate. */
const CHUNK_CHARS = 256 * 1024;

/**
 * Runs `goldenRun.runCase(tf, c, seed)` for each case in the page, in order, sending the
 * cases in chunks of at most ~256 KB. Returns the CaseResults (as in Node).
 */
export async function runCasesInPage(page: Page, cases: readonly GoldenCase[], seed?: number): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  let chunk: GoldenCase[] = [];
  let size = 0;
  const flush = async () => {
    if (!chunk.length) return;
    const out: CaseResult[] = await page.evaluate(
      (arg: {cases: GoldenCase[]; seed: number | null}) =>
        (window as any).tfPage.runCases(arg.cases, arg.seed === null ? undefined : arg.seed),
      {cases: chunk, seed: seed === undefined ? null : seed},
    );
    results.push(...out);
    chunk = [];
    size = 0;
  };
  for (const c of cases) {
    const n = JSON.stringify(c).length;
    if (chunk.length && size + n > CHUNK_CHARS) await flush();
    chunk.push(c);
    size += n;
  }
  await flush();
  return results;
}

/** tf.memory() in the page. */
export function pageMemory(page: Page): Promise<{numTensors: number; numBytes: number}> {
  return page.evaluate(() => {
    const m = (window as any).tf.memory();
    return {numTensors: m.numTensors, numBytes: m.numBytes};
  });
}

/**
 * Registers Reshape's gradient in the page where it has none: extractGlimpse with an image
 * padding or bilinear reshapes the sensor's glimpse, and @tensorflow/tfjs registers Reshape's
 * gradient where tf-core alone does not.
 */
export const registerReshapeGradient = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const t = (window as any).tf;
    if (t.getGradient('Reshape')) return;
    t.registerGradient({
      kernelName: 'Reshape',
      inputsToSave: ['x'],
      gradFunc: (dy: any, saved: any[]) => ({x: () => t.reshape(dy, saved[0].shape)}),
    });
  });
