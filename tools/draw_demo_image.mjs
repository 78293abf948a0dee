// Draws the demo scene, examples/assets/scene.png (320x240 RGB): a sky gradient, a sun,
// clouds, two hills, a house with a chimney, a tree, a path and flowers. No text.
//
// Deterministic: the same bytes on every run (plain float arithmetic, 4x4 supersampling,
// pngjs with fixed options). Regenerate with `node tools/draw_demo_image.mjs [out.png]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';
import pngjs from 'pngjs';

const {PNG} = pngjs;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = process.argv[2] ? path.resolve(process.argv[2]) : path.join(ROOT, 'examples', 'assets', 'scene.png');

export const WIDTH = 320;
export const HEIGHT = 240;
/** Pixel centres of the landmarks (the demos point their glimpses at them). */
export const SUN = {x: 250, y: 54, r: 22};
export const HOUSE = {left: 124, right: 196, wallTop: 138, bottom: 196, roofTop: 100};

const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const clamp01 = t => Math.min(1, Math.max(0, t));
const inRect = (x, y, l, t, r, b) => x >= l && x < r && y >= t && y < b;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 < r * r;
/** Inside the triangle (a, b, c), any winding. */
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const s1 = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  const s2 = (cx - bx) * (y - by) - (cy - by) * (x - bx);
  const s3 = (ax - cx) * (y - cy) - (ay - cy) * (x - cx);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

const farHill = x => 150 - 22 * Math.exp(-(((x - 70) / 70) ** 2)) - 14 * Math.exp(-(((x - 290) / 60) ** 2));
const nearHill = x => 186 - 18 * Math.exp(-(((x - 230) / 90) ** 2)) + 6 * Math.sin(x / 23);

const CLOUDS = [
  [
    [60, 44, 13],
    [76, 36, 16],
    [94, 42, 14],
    [108, 47, 10],
    [80, 48, 12],
  ],
  [
    [160, 30, 9],
    [172, 25, 11],
    [186, 30, 9],
  ],
];
const FLOWERS = [
  [262, 214, [235, 70, 90]],
  [278, 224, [250, 210, 70]],
  [296, 212, [190, 90, 220]],
  [308, 229, [235, 70, 90]],
  [288, 233, [250, 250, 250]],
  [314, 206, [250, 210, 70]],
  [250, 230, [190, 90, 220]],
];

/** The colour at the (sub)pixel position (x, y): layers painted back to front. */
function colorAt(x, y) {
  // Sky: deep blue at the top to pale near the horizon, with a warm glow round the sun.
  let c = mix([38, 88, 172], [178, 214, 240], clamp01(y / 160));
  const sunDist = Math.hypot(x - SUN.x, y - SUN.y);
  c = mix(c, [255, 236, 170], 0.55 * clamp01(1 - (sunDist - SUN.r) / 45));
  if (sunDist < SUN.r) c = mix([255, 200, 40], [255, 244, 140], clamp01(1 - sunDist / SUN.r));
  for (const cloud of CLOUDS) {
    if (cloud.some(([cx, cy, r]) => inCircle(x, y, cx, cy, r)))
      c = mix([250, 252, 255], [212, 222, 236], clamp01((y - 30) / 28));
  }
  // Hills: a far blue-green one, then the near meadow.
  if (y >= farHill(x)) c = mix([96, 158, 104], [74, 132, 86], clamp01((y - 128) / 40));
  if (y >= nearHill(x)) c = mix([112, 178, 64], [64, 136, 40], clamp01((y - 170) / 70));
  // A path from the door to the bottom edge, widening towards the viewer.
  const pathHalf = 7 + (y - 196) * 0.45;
  if (y >= 196 && Math.abs(x - (160 - (y - 196) * 0.6)) < pathHalf) c = [206, 178, 130];
  // The tree: trunk, then a round crown, darker towards the bottom.
  if (inRect(x, y, 56, 150, 66, 198)) c = [112, 76, 44];
  if (inCircle(x, y, 61, 136, 24) || inCircle(x, y, 47, 150, 15) || inCircle(x, y, 76, 150, 15)) {
    c = mix([70, 150, 62], [34, 94, 38], clamp01((y - 114) / 52));
  }
  // The house: walls, roof, chimney, door, two windows.
  const {left, right, wallTop, bottom, roofTop} = HOUSE;
  const mid = (left + right) / 2;
  if (inRect(x, y, 174, 96, 186, 128)) c = [128, 62, 50]; // chimney
  if (inRect(x, y, 172, 92, 188, 98)) c = [96, 44, 36]; // chimney cap
  if (inRect(x, y, left, wallTop, right, bottom)) c = [226, 196, 150]; // walls
  if (inTriangle(x, y, [left - 8, wallTop + 1], [right + 8, wallTop + 1], [mid, roofTop])) c = [176, 56, 44]; // roof
  if (inRect(x, y, left - 8, wallTop - 2, right + 8, wallTop + 2)) c = [120, 36, 30]; // roof edge
  if (inRect(x, y, 153, 166, 167, bottom)) c = [122, 74, 40]; // door
  if (inCircle(x, y, 164, 182, 1.4)) c = [240, 200, 80]; // door knob
  for (const wx of [133, 175]) {
    if (inRect(x, y, wx - 1, 149, wx + 15, 165)) {
      c = inRect(x, y, wx, 150, wx + 14, 164) ? [150, 206, 236] : [250, 250, 250];
      if (Math.abs(x - (wx + 7)) < 1 || Math.abs(y - 157) < 1) c = [250, 250, 250]; // window cross
    }
  }
  // The attic window.
  if (inCircle(x, y, mid, 123, 4)) c = inCircle(x, y, mid, 123, 2.6) ? [250, 226, 130] : [250, 250, 250];
  // Flowers in the bottom-right corner: petals round a yellow centre.
  for (const [fx, fy, petal] of FLOWERS) {
    if (inCircle(x, y, fx, fy, 4.2)) c = inCircle(x, y, fx, fy, 1.8) ? [250, 200, 40] : petal;
  }
  return c;
}

export function drawScene() {
  const png = new PNG({width: WIDTH, height: HEIGHT, colorType: 2, inputColorType: 6, inputHasAlpha: true});
  const S = 4; // S x S samples per pixel
  for (let py = 0; py < HEIGHT; py++) {
    for (let px = 0; px < WIDTH; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = colorAt(px + (sx + 0.5) / S, py + (sy + 0.5) / S);
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
        }
      }
      const o = 4 * (py * WIDTH + px);
      for (let k = 0; k < 3; k++) png.data[o + k] = Math.round(sum[k] / (S * S));
      png.data[o + 3] = 255;
    }
  }
  return PNG.sync.write(png, {colorType: 2, inputColorType: 6, inputHasAlpha: true, deflateLevel: 9, filterType: -1});
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(path.dirname(OUT), {recursive: true});
  const bytes = drawScene();
  fs.writeFileSync(OUT, bytes);
  console.log(`wrote ${path.relative(process.cwd(), OUT) || OUT} (${WIDTH}x${HEIGHT} RGB, ${bytes.length} bytes)`);
}
