/**
 * The README's script-tag example, in Chromium: tf-core and the cpu backend from their
 * min.js bundles, then dist/tfjs-extract-glimpse.min.js, which extends the global `tf`.
 */
import type {Browser} from 'playwright-core';
import {launchBrowser, StaticServer, startServer} from './harness';

let server: StaticServer | undefined;
let browser: Browser | undefined;
let result: any;
let pageErrors: string[] = [];
let scriptErrors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', m => {
    if (m.type() === 'error') pageErrors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', e => pageErrors.push(`pageerror: ${e.message}`));
  page.on('response', r => {
    if (r.status() >= 400) pageErrors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(`${server.url}/test/browser/pages/script_tag.html`, {waitUntil: 'load'});
  result = await page.evaluate(() => (window as any).scriptTagResult);
  scriptErrors = await page.evaluate(() => (window as any).scriptTagErrors);
  await context.close();
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('script-tag example (README) in Chromium', () => {
  test('the page ran without error', () => {
    expect(scriptErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(result).toBeDefined();
  });

  test('tf.image.extractGlimpse and tf.extractGlimpse are the same function', () => {
    expect(result.imageType).toBe('function');
    expect(result.topType).toBe('function');
    expect(result.same).toBe(true);
  });

  test('the glimpse is [1, 4, 4, 3], all ones', () => {
    // With the webgl backend loaded, tfjs picks it: the example runs the webgl kernel.
    expect(result.backend).toBe('webgl');
    expect(result.shape).toEqual([1, 4, 4, 3]);
    expect(result.dtype).toBe('float32');
    expect(result.values).toEqual(new Array(48).fill(1));
    expect(result.shape2).toEqual([1, 4, 4, 3]);
    expect(result.values2).toEqual(new Array(48).fill(1));
  });
});
