// The GPU backends (webgl, and webgpu when its bundle is installed and the plugin registers it),
// each in a fresh headless Chromium driven by playwright-core. The page (browser/page.mjs, on
// lib/runner.mjs as in Node) generates the inputs, checks and times; this side serves the files
// (sirv), feeds it the workloads (then the sensor workloads) and collects its results.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import sirv from 'sirv';
import {CHROMIUM, ROOT, WEBGPU_BUNDLE, log} from './paths.mjs';

export const BROWSER_BACKENDS = ['webgl', 'webgpu'];

const BASE_ARGS = ['--no-sandbox', '--no-first-run', '--disable-sync'];
BASE_ARGS.push('--disable-background-networking', '--disable-component-update');
// No GPU here: WebGPU runs on SwiftShader, which Chromium only exposes behind these flags.
const WEBGPU_ARGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];

/** `bundle`: the plugin's UMD bundle, read at the start of the run (dist/ may change since). */
export async function runBrowser(workloads, sensorWorkloads, bundle, opts, results) {
  const wanted = opts.backends.filter(b => BROWSER_BACKENDS.includes(b));
  if (!wanted.length) return;
  const skip = (b, note) => (results.meta.backends[b] = {status: 'skipped', note});
  if (!fs.existsSync(CHROMIUM)) {
    wanted.forEach(b => skip(b, `no Chromium at ${CHROMIUM}`));
    return log(`no Chromium at ${CHROMIUM}: browser backends skipped`);
  }
  const {chromium} = await import('playwright-core');
  const server = await serveRoot();
  const jobs = [
    ...workloads.map(w => ({w, entries: results.workloads, fn: 'runWorkload'})),
    ...sensorWorkloads.map(w => ({w, entries: results.sensorWorkloads, fn: 'runSensorWorkload'})),
  ];
  try {
    for (const backend of wanted) {
      const webgpu = backend === 'webgpu';
      if (webgpu && !fs.existsSync(path.join(ROOT, WEBGPU_BUNDLE))) {
        log(skip(backend, `${WEBGPU_BUNDLE} is not installed: webgpu skipped`).note);
        continue;
      }
      const scripts = webgpu ? ['/' + WEBGPU_BUNDLE] : [];
      await runBrowserBackend(chromium, server, bundle, backend, scripts, jobs, opts, results);
    }
  } finally {
    server.close();
  }
}

/** The repository's files over HTTP on 127.0.0.1 (sirv; dev mode: read per request, no index of the tree). */
async function serveRoot() {
  const files = sirv(ROOT, {dev: true, dotfiles: false});
  const server = http.createServer((req, res) => files(req, res, () => res.writeHead(404).end()));

  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return {url: `http://127.0.0.1:${server.address().port}`, close: () => server.close()};
}

async function openPage(browser, server, bundle, backend, scripts) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(`pageerror: ${e.message}`));
  page.on('console', m => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
  page.on('crash', () => errors.push('page crashed'));
  const js = {status: 200, contentType: 'text/javascript; charset=utf-8', body: bundle};
  await page.route('**/dist/tfjs-extract-glimpse.min.js', route => route.fulfill(js));
  await page.goto(`${server.url}/bench/browser/page.html`);
  // @tensorflow/tfjs: tfjs-core with the cpu and webgl backends and, unlike tf-core.min.js, the
  // gradients of tfjs's ops (the sensor's composite is differentiated); each script in turn.
  const tfjs = '/node_modules/@tensorflow/tfjs/dist/tf.min.js';
  for (const url of [tfjs, ...scripts, '/dist/tfjs-extract-glimpse.min.js']) await page.addScriptTag({url});
  await page.addScriptTag({url: '/bench/browser/page.mjs', type: 'module'});
  await page.waitForFunction(() => window.benchPage);
  const info = await page.evaluate(b => window.benchPage.init(b), backend);
  return {context, page, errors, info};
}

/** `jobs`: {w, entries (the results list it belongs to), fn (the page's function)} in order. */
async function runBrowserBackend(chromium, server, bundle, backend, scripts, jobs, opts, results) {
  const args = [...BASE_ARGS, ...(backend === 'webgpu' ? WEBGPU_ARGS : [])];
  const browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args});
  results.meta.chromium = browser.version();
  try {
    let tab = null;
    for (const {w, entries, fn} of jobs) {
      const entry = entries.find(r => r.id === w.id);
      try {
        if (!tab) {
          tab = await openPage(browser, server, bundle, backend, scripts);
          results.meta.backends[backend] = {status: 'measured', ...tab.info};
          if (!tab.info.kernelRegistered) {
            const note = `the plugin registers no ${backend} kernel: ${backend} skipped`;
            results.meta.backends[backend] = {status: 'skipped', note, ...tab.info};
            for (const j of jobs) j.entries.find(r => r.id === j.w.id).backends[backend] = {skipped: note};
            log(note);
            break;
          }
          const device = tab.info.renderer ?? JSON.stringify(tab.info.adapter ?? {});
          log(`${backend} in Chromium ${browser.version()}: ${device}`);
        }
        log(`${w.id}: measuring on ${backend} (Chromium)`);
        const r = await tab.page.evaluate(a => window.benchPage[a.fn](a.w, a.o), {fn, w, o: {quick: opts.quick}});
        entry.backends[backend] = r;
        if (r.skipped) log(`${w.id} on ${backend} skipped: ${r.skipped}`);
      } catch (e) {
        const msg = e.message.split('\n')[0];
        if (/sha256|pixel-exact|BENCH BUG/.test(e.message)) throw e;
        const pageErrors = tab && tab.errors.length ? `\n  ${tab.errors.join('\n  ')}` : '';
        log(`${w.id} on ${backend} failed: ${msg}${pageErrors}`);
        entry.backends[backend] = {error: msg, pageErrors: tab ? tab.errors.slice(-5) : []};
        if (/WRONG/.test(msg)) results.correctnessFailures.push(msg);
        // The page may be lost (out of memory, lost context): a fresh one for the next workload.
        if (tab) await tab.context.close().catch(() => {});
        tab = null;
      }
    }
    if (tab) await tab.context.close();
  } finally {
    await browser.close();
  }
}
