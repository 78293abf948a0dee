/**
 * The recurrent attention model's page (examples/web/ram.html) in Chromium, on webgl, with
 * the weights Node trained (examples/ram/weights/).
 *
 * - On the saved test digits it decides as Node's model did (the class and the glimpse
 *   locations Node saved with the weights, on the tensorflow or cpu backend), and mostly right.
 * - A drawing becomes an MNIST-style digit: its ink fits a 20-pixel box whose centre of mass
 *   sits at the middle of 28x28 (for 60x60, the tile stays where it was drawn).
 * - A drawn "1" is read as 1; nothing leaks.
 *
 * Page-side functions are plain, non-async arrows (see harness.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import type {Page} from 'playwright-core';
import {REPO_ROOT, usePageBrowser} from './harness';

interface Outcome {
  predicted: number;
  probabilities: number[];
  locations: number[][];
}

interface Manifest {
  testError: number;
  samples: {side: number; labels: number[]; predicted: number[]; locations: number[][][]};
}

const WEIGHTS = path.join(REPO_ROOT, 'examples', 'ram', 'weights');
const manifestOf = (stem: string): Manifest => JSON.parse(fs.readFileSync(path.join(WEIGHTS, `${stem}.json`), 'utf8'));
/** The trained models the page offers: every RAM's weights in examples/ram/weights. */
const MODELS = fs
  .readdirSync(WEIGHTS)
  .filter(f => f.startsWith('ram-') && f.endsWith('.json'))
  .map(f => f.slice(0, -'.json'.length));

const pages = usePageBrowser();
let page: Page;

const useModel = (stem: string) => page.evaluate((m: string) => (window as any).ramDemo.useModel(m), stem);
const showSample = (i: number): Promise<Outcome> =>
  page.evaluate((k: number) => (window as any).ramDemo.showSample(k), i);
const input = (): Promise<number[]> => page.evaluate(() => (window as any).ramDemo.state.input);
const runs = (): Promise<number> => page.evaluate(() => (window as any).ramDemo.state.runs);
const tensorsInMemory = (): Promise<number> => page.evaluate(() => (window as any).ramDemo.tensorsInMemory());

/** Draws a polyline on the pad (points in pad pixels, 280x280) and waits for the model's answer. */
async function draw(points: Array<[number, number]>): Promise<Outcome> {
  const before = await runs();
  const box = (await page.locator('#pad').boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + (x * box.width) / 280, box.y + (y * box.height) / 280];
  const [x0, y0] = at(points[0]);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (const p of points.slice(1)) {
    const [x, y] = at(p);
    await page.mouse.move(x, y, {steps: 12});
  }
  await page.mouse.up();
  await page.waitForFunction((n: number) => (window as any).ramDemo.state.runs > n, before, {timeout: 30000});
  return page.evaluate(() => {
    const s = (window as any).ramDemo.state;
    return {predicted: s.predicted, probabilities: s.probabilities, locations: s.locations};
  });
}

/** The ink's bounding box and centre of mass (pixel centres) in a side x side input. */
function inkOf(pixels: number[], side: number) {
  let [top, left, bottom, right, mass, my, mx] = [side, side, -1, -1, 0, 0, 0];
  pixels.forEach((v, p) => {
    if (v <= 0) return;
    const [y, x] = [Math.floor(p / side), p % side];
    [top, bottom, left, right] = [Math.min(top, y), Math.max(bottom, y), Math.min(left, x), Math.max(right, x)];
    mass += v;
    my += v * y;
    mx += v * x;
  });
  return {height: bottom - top + 1, width: right - left + 1, centre: [my / mass, mx / mass]};
}

beforeAll(async () => {
  page = await pages.openPage('/examples/web/ram.html', () => {
    const s = (window as any).ramDemo && (window as any).ramDemo.state;
    return s && (s.ready || s.error);
  });
}, 90000);

describe('the recurrent attention model page (examples/web/ram.html)', () => {
  test('loads the first trained model on webgl, and offers every one', async () => {
    const s = await page.evaluate(() => {
      const st = (window as any).ramDemo.state;
      return {ready: st.ready, backend: st.backend, model: st.model, task: st.task, error: st.error};
    });
    expect(s).toEqual({ready: true, backend: 'webgl', model: 'ram-mnist28', task: 'mnist28', error: null});
    const offered = await page.evaluate(() =>
      Array.from((document.getElementById('model') as HTMLSelectElement).options).map(o => o.value),
    );
    expect([...offered].sort()).toEqual([...MODELS].sort());
  });

  test.each(MODELS)('%s: decides the saved test digits as Node did, mostly right', async stem => {
    await useModel(stem);
    const {samples} = manifestOf(stem);
    let right = 0;
    for (let i = 0; i < samples.labels.length; i++) {
      const out = await showSample(i);
      expect(out.predicted).toBe(samples.predicted[i]);
      expect(out.locations).toHaveLength(6);
      out.locations.forEach((l, step) => {
        expect(l[0]).toBeCloseTo(samples.locations[i][step][0], 3);
        expect(l[1]).toBeCloseTo(samples.locations[i][step][1], 3);
      });
      expect(out.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      if (out.predicted === samples.labels[i]) right++;
    }
    expect(right).toBeGreaterThanOrEqual(7);
  });

  test.each(['ram-mnist28'])('%s: a drawn stroke becomes an MNIST-style digit, read as 1', async stem => {
    await useModel(stem);
    const out = await draw([
      [150, 40],
      [140, 240],
    ]);
    const ink = inkOf(await input(), 28);
    // The stroke's box is 20 pixels tall, centred by mass at the middle of 28x28 (13.5).
    expect(ink.height).toBe(20);
    expect(ink.width).toBeLessThanOrEqual(8);
    expect(Math.abs(ink.centre[0] - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(ink.centre[1] - 13.5)).toBeLessThanOrEqual(0.5);
    expect(out.predicted).toBe(1);
    expect(out.probabilities[1]).toBe(Math.max(...out.probabilities));
  });

  test.each(['ram-translated60', 'ram-cluttered60'])('%s: on 60x60 the digit stays where it was drawn', async stem => {
    await useModel(stem);
    await draw([
      [230, 150],
      [225, 260],
    ]);
    const pixels = await input();
    expect(pixels).toHaveLength(60 * 60);
    const ink = inkOf(pixels, 60);
    expect(ink.height).toBe(20);
    // Drawn in the right half, low: the 28x28 tile sits at the bottom right of the canvas.
    expect(ink.centre[0]).toBeGreaterThan(40);
    expect(ink.centre[1]).toBeGreaterThan(40);
  });

  test('classifying again leaves no tensor behind, and the page logged no error', async () => {
    await useModel('ram-mnist28');
    await showSample(0);
    const before = await tensorsInMemory();
    for (let i = 1; i <= 3; i++) await showSample(i);
    expect(await tensorsInMemory()).toBe(before);
    expect(pages.errors).toEqual([]);
  });
});
