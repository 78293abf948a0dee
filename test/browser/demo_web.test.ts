/**
 * The web demo (examples/web/, `npm run demo:web`) in Chromium: it loads the converted
 * model on the webgl backend, and clicking the picture moves the glimpse. The glimpse16
 * canvas must hold exactly the op's output for the clicked location, and exactly the
 * scene's pixels in the window the plugin's geometry gives (zeros outside the image).
 *
 * Page-side functions are plain, non-async arrows (see harness.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import type {Page} from 'playwright-core';
import {PNG} from 'pngjs';
import {windowCorner} from '../../src/window_geometry';
import {REPO_ROOT, usePageBrowser} from './harness';

interface DemoState {
  ready: boolean;
  backend: string | null;
  /** The wasm kernels' path (wasm backend only). */
  wasmKernels: string | null;
  location: [number, number];
  renders: number;
  msPerCall: number | null;
  lastGlimpse16: number[];
  scales: number;
  padding: string;
  lastFused: number[][];
  error: string | null;
}

const SCENE = PNG.sync.read(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'assets', 'scene.png')));
const toByte = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255);

const pages = usePageBrowser();
let page: Page;

/** The demo's state on `on` (the webgl page unless told). */
const demoState = (on: Page = page): Promise<DemoState> =>
  on.evaluate(() => {
    const s = (window as any).demoState;
    return {
      ready: s.ready,
      backend: s.backend,
      wasmKernels: s.wasmKernels,
      location: s.location,
      renders: s.renders,
      msPerCall: s.msPerCall,
      lastGlimpse16: s.lastGlimpse16,
      scales: s.scales,
      padding: s.padding,
      lastFused: s.lastFused,
      error: s.error,
    };
  });

/** RGB bytes of the 16x16 glimpse16 canvas (alpha checked to be opaque). */
const canvasRGB = (): Promise<number[]> =>
  page.evaluate(() => {
    const c = document.getElementById('glimpse16') as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const rgb: number[] = [];
    for (let p = 0; p < d.length; p += 4) {
      if (d[p + 3] !== 255) return [-1];
      rgb.push(d[p], d[p + 1], d[p + 2]);
    }
    return rgb;
  });

/** The op's own output in the page, on the demo's image tensor, for `loc`. */
const opGlimpse = (loc: [number, number]): Promise<{values: number[]; backend: string; shape: number[]}> =>
  page.evaluate((l: number[]) => {
    const tf = (window as any).tf;
    const g = tf.image.extractGlimpse((window as any).demo.image, [16, 16], [[l[0], l[1]]], true, true, 'zero');
    const out = {values: Array.from(g.dataSync() as Float32Array), backend: tf.getBackend(), shape: g.shape};
    g.dispose();
    return out;
  }, loc);

/** Where a window row or column at `p` reads on an axis of `n` pixels: reflected once (a 16 px window at a corner). */
const reflectOnce = (p: number, n: number) => (p < 0 ? -p : p >= n ? 2 * (n - 1) - p : p);

/** The scene's pixels in the 16x16 window at `loc`: zeros outside the image, or the scene reflected. */
function sceneWindow(loc: [number, number], padding: 'zero' | 'reflection' = 'zero'): number[] {
  const c = windowCorner(loc[0], loc[1], {
    version: 2,
    centered: true,
    normalized: true,
    imageHeight: SCENE.height,
    imageWidth: SCENE.width,
    glimpseHeight: 16,
    glimpseWidth: 16,
  })!;
  const rgb: number[] = [];
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const [y, x] =
        padding === 'reflection'
          ? [reflectOnce(c.y + i, SCENE.height), reflectOnce(c.x + j, SCENE.width)]
          : [c.y + i, c.x + j];
      const inside = y >= 0 && y < SCENE.height && x >= 0 && x < SCENE.width;
      for (let k = 0; k < 3; k++) rgb.push(inside ? SCENE.data[4 * (y * SCENE.width + x) + k] : 0);
    }
  }
  return rgb;
}

/** Runs `act` on the webgl page, waits for the demo to render again, and returns its state then. */
async function redrawAfter(act: () => Promise<unknown>): Promise<DemoState> {
  const before = (await demoState()).renders;
  await act();
  await page.waitForFunction((n: number) => (window as any).demoState.renders > n, before, {timeout: 30000});
  return demoState();
}

/** Clicks the scene canvas at (x, y) CSS pixels from its top-left; returns the new state and the expected location. */
async function clickScene(
  x: number,
  y: number,
): Promise<{state: DemoState; expected: [number, number]; tolerance: number}> {
  const box = (await page.locator('#scene').boundingBox())!;
  const state = await redrawAfter(() => page.mouse.click(box.x + x, box.y + y));
  // The click as centered, normalized (y, x); mouse positions may be rounded to a CSS pixel.
  return {
    state,
    expected: [(y / box.height) * 2 - 1, (x / box.width) * 2 - 1],
    tolerance: 2 / Math.min(box.width, box.height),
  };
}

/** A new page on the demo (`query`: its URL's search part), once it is ready or has failed. */
const openDemo = (query: string): Promise<Page> =>
  pages.openPage(`/examples/web/index.html${query}`, () => {
    const s = (window as any).demoState;
    return s && (s.ready || s.error);
  });

beforeAll(async () => {
  page = await openDemo('');
}, 90000);

describe('web demo (examples/web) in Chromium', () => {
  test('loads the model on webgl and renders the initial location', async () => {
    const s = await demoState();
    expect(s.error).toBeNull();
    expect(s.ready).toBe(true);
    expect(s.backend).toBe('webgl');
    expect(s.renders).toBeGreaterThanOrEqual(1);
    expect(s.lastGlimpse16).toHaveLength(16 * 16 * 3);
    expect(await canvasRGB()).toEqual(s.lastGlimpse16);
  });

  // Near the house's door, then near the top-left corner (the window partly outside).
  test.each([
    ['near the house', 330, 330],
    ['near the top-left corner', 6, 9],
  ])("a click %s moves the glimpse there; the canvas holds the op's output exactly", async (_label, x, y) => {
    const tensorsBefore = await page.evaluate(() => (window as any).tf.memory().numTensors);
    const {state, expected, tolerance} = await clickScene(x, y);
    expect(state.error).toBeNull();
    expect(Math.abs(state.location[0] - expected[0])).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(state.location[1] - expected[1])).toBeLessThanOrEqual(tolerance);

    const drawn = await canvasRGB();
    expect(drawn).toHaveLength(16 * 16 * 3);
    expect(drawn).toEqual(state.lastGlimpse16);

    const op = await opGlimpse(state.location);
    expect(op.backend).toBe('webgl');
    expect(op.shape).toEqual([1, 16, 16, 3]);
    expect(drawn).toEqual(op.values.map(toByte));

    // And those are the scene's own pixels in the window the plugin's geometry gives.
    expect(drawn).toEqual(sceneWindow(state.location));
    expect(new Set(drawn).size).toBeGreaterThan(3); // not a flat patch

    // Re-rendering frees what it makes.
    expect(await page.evaluate(() => (window as any).tf.memory().numTensors)).toBe(tensorsBefore);
  });

  test('the corner click produced zeros outside the image', async () => {
    const s = await demoState();
    expect(s.location[0]).toBeLessThan(-0.9);
    expect(s.location[1]).toBeLessThan(-0.9);
    expect(s.lastGlimpse16.slice(0, 3)).toEqual([0, 0, 0]); // top-left of the window is outside
  });

  test('the scales select redraws glimpseSensor with that many scales; scale 0 is glimpse16', async () => {
    const s = await redrawAfter(() => page.selectOption('#scales', '5'));
    expect(s.error).toBeNull();
    expect(s.scales).toBe(5);
    expect(s.lastFused).toHaveLength(5);
    expect(await page.locator('#fused canvas').count()).toBe(5);
    // Scale 0 of the sensor (zero padding, s = 1) is extractGlimpse's 16x16 glimpse, bit for bit.
    expect(s.lastFused[0]).toEqual(s.lastGlimpse16);
    // Larger scales average larger windows: not the same picture.
    expect(s.lastFused[2]).not.toEqual(s.lastFused[0]);
  });

  test('the padding select redraws glimpseSensor; reflection mirrors the scene at its border', async () => {
    const s = await redrawAfter(() => page.selectOption('#padding', 'reflection'));
    expect(s.error).toBeNull();
    expect(s.padding).toBe('reflection');
    // Still at the corner: the window reaches outside, where reflection reads the scene mirrored.
    expect(s.location[0]).toBeLessThan(-0.9);
    expect(s.lastFused[0]).toEqual(sceneWindow(s.location, 'reflection'));
    expect(s.lastFused[0]).not.toEqual(s.lastGlimpse16);
  });

  test('no page errors', () => {
    expect(pages.errors).toEqual([]);
  });
});

describe('web demo on the wasm backend (?backend=wasm)', () => {
  let wasmPage: Page;

  beforeAll(async () => {
    wasmPage = await openDemo('?backend=wasm');
  }, 90000);

  afterAll(async () => {
    await wasmPage?.close();
  });

  test("runs the compiled SIMD kernels, and the glimpse is the scene's pixels in the plugin's window", async () => {
    const s = await demoState(wasmPage);
    expect(s.error).toBeNull();
    expect(s.ready).toBe(true);
    expect(s.backend).toBe('wasm');
    expect(s.wasmKernels).toBe('simd');
    expect(s.lastGlimpse16).toEqual(sceneWindow(s.location));
    // The sensor's scale 0 (zero padding, s = 1) is the 16x16 glimpse, bit for bit.
    expect(s.lastFused[0]).toEqual(s.lastGlimpse16);
  });
});
