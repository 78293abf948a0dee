/**
 * The padding modes' index rules (src/padding_mode.ts) for the glimpse sensor's GPU programs,
 * which take the mode as the `paddingMode` uniform (PADDING_CODE): forward, which pixel a
 * window position reads (`sourceIndex`); backward, which window positions read a pixel
 * (`nextHit`, `hitCount`: the rule inverted, in closed form, so a window of any size costs a
 * few steps per block that reads the pixel); and the corners pass, a reflected window's
 * corner reduced exactly by the period (`reflectCorner`). The JS copies of the GPU-only
 * arithmetic are here, tested against the rule itself (test/shader_padding.test.ts).
 * Adding a mode: src/padding_mode.ts, these rules and their tests.
 */
import {PADDING_CODE} from '../../src/padding_mode';
import {K} from './shader_constants';
import type {ShaderSnippet} from './shader_snippet';

const EDGE = PADDING_CODE.edge;
const REFLECTION = PADDING_CODE.reflection;

/**
 * src/padding_mode.ts's rule on int positions: the pixel a position reads, -1 for none (zero
 * padding, and noise, which draws there). reflectIndex folds |p|, the same as p (reflection is
 * even); GLSL's `%` and `/` leave negative operands undefined, so it divides |p| only.
 * GLSL ES 1.00 has no int min, max or abs.
 */
export const SOURCE_INDEX: ShaderSnippet = {
  defines: ['readsImage', 'reflectIndex', 'sourceIndex'],
  mirrors: 'src/padding_mode.ts#sourceIndex',
  glsl: `
bool readsImage(int mode) { return mode == ${EDGE} || mode == ${REFLECTION}; }

int reflectIndex(int p, int n) {
  if (n == 1) return 0;
  int period = 2 * (n - 1);
  int q = p < 0 ? -p : p;
  int m = q - (q / period) * period;
  return m < n ? m : period - m;
}

int sourceIndex(int p, int n, int mode) {
  if (p >= 0 && p < n) return p;
  if (mode == ${EDGE}) return p < 0 ? 0 : n - 1;
  if (mode == ${REFLECTION}) return reflectIndex(p, n);
  return -1;
}
`,
  wgsl: `
fn readsImage(mode : i32) -> bool { return mode == ${EDGE} || mode == ${REFLECTION}; }

fn reflectIndex(p : i32, n : i32) -> i32 {
  if (n == 1) { return 0; }
  let period = 2 * (n - 1);
  let q = select(p, -p, p < 0);
  let m = q - (q / period) * period;
  return select(period - m, m, m < n);
}

fn sourceIndex(p : i32, n : i32, mode : i32) -> i32 {
  if (p >= 0 && p < n) { return p; }
  if (mode == ${EDGE}) { return select(n - 1, 0, p < 0); }
  if (mode == ${REFLECTION}) { return reflectIndex(p, n); }
  return -1;
}
`,
};

/**
 * Which window positions read pixel `pixel` of an axis of `n` pixels under `mode`: `nextHit`,
 * the first in [start, stop] (stop + 1 if none), and `hitCount`, how many in [lo, hi]. Zero and
 * noise padding: the pixel's own position; edge: also every position beyond a border pixel;
 * reflection (n > 1): the positions congruent to pixel or -pixel modulo 2(n - 1), one
 * residue on a border. Reflected positions are at least -(n - 1) (the corners pass reduces
 * a reflected corner into [-(n - 1), n - 1]): shifted by one period, the divisions take no
 * negative operand. n = 1 reflects as edge (every position reads pixel 0).
 */
export const SOURCE_HITS: ShaderSnippet = {
  defines: ['residueHits', 'residueGap', 'nextHit', 'hitCount'],
  mirrors: 'kernels/gpu/padding_index.ts#hitCount',
  glsl: `
int residueHits(int x, int residue, int period) {
  int shifted = x + period;
  return shifted < residue ? 0 : (shifted - residue) / period + 1;
}

int residueGap(int start, int residue, int period) {
  int shifted = start + period;
  int gap = residue - (shifted - (shifted / period) * period);
  return gap < 0 ? gap + period : gap;
}

int nextHit(int pixel, int n, int mode, int start, int stop) {
  bool border = pixel == 0 || pixel == n - 1;
  if (mode == ${REFLECTION} && n > 1) {
    int period = 2 * (n - 1);
    int gap = residueGap(start, pixel, period);
    int other = residueGap(start, period - pixel, period);
    if (!border && other < gap) gap = other;
    return gap > stop - start ? stop + 1 : start + gap;
  }
  bool lowBorder = pixel == 0 && readsImage(mode);
  bool highBorder = pixel == n - 1 && readsImage(mode);
  if (!highBorder && start > pixel) return stop + 1;
  int first = lowBorder || start > pixel ? start : pixel;
  return first > stop ? stop + 1 : first;
}

int hitCount(int pixel, int n, int mode, int lo, int hi) {
  if (mode == ${REFLECTION} && n > 1) {
    int period = 2 * (n - 1);
    int count = residueHits(hi, pixel, period) - residueHits(lo - 1, pixel, period);
    if (pixel == 0 || pixel == n - 1) return count;
    return count + residueHits(hi, period - pixel, period) - residueHits(lo - 1, period - pixel, period);
  }
  int first = (pixel == 0 && readsImage(mode)) || lo > pixel ? lo : pixel;
  int last = (pixel == n - 1 && readsImage(mode)) || hi < pixel ? hi : pixel;
  return last < first ? 0 : last - first + 1;
}
`,
  wgsl: `
fn residueHits(x : i32, residue : i32, period : i32) -> i32 {
  let shifted = x + period;
  return select((shifted - residue) / period + 1, 0, shifted < residue);
}

fn residueGap(start : i32, residue : i32, period : i32) -> i32 {
  let shifted = start + period;
  let gap = residue - (shifted - (shifted / period) * period);
  return select(gap, gap + period, gap < 0);
}

fn nextHit(pixel : i32, n : i32, mode : i32, start : i32, stop : i32) -> i32 {
  let border = pixel == 0 || pixel == n - 1;
  if (mode == ${REFLECTION} && n > 1) {
    let period = 2 * (n - 1);
    var gap = residueGap(start, pixel, period);
    let other = residueGap(start, period - pixel, period);
    if (!border && other < gap) { gap = other; }
    return select(start + gap, stop + 1, gap > stop - start);
  }
  let lowBorder = pixel == 0 && readsImage(mode);
  let highBorder = pixel == n - 1 && readsImage(mode);
  if (!highBorder && start > pixel) { return stop + 1; }
  let first = select(pixel, start, lowBorder || start > pixel);
  return select(first, stop + 1, first > stop);
}

fn hitCount(pixel : i32, n : i32, mode : i32, lo : i32, hi : i32) -> i32 {
  if (mode == ${REFLECTION} && n > 1) {
    let period = 2 * (n - 1);
    let count = residueHits(hi, pixel, period) - residueHits(lo - 1, pixel, period);
    if (pixel == 0 || pixel == n - 1) { return count; }
    return count + residueHits(hi, period - pixel, period) - residueHits(lo - 1, period - pixel, period);
  }
  let first = select(pixel, lo, (pixel == 0 && readsImage(mode)) || lo > pixel);
  let last = select(pixel, hi, (pixel == n - 1 && readsImage(mode)) || hi < pixel);
  return select(last - first + 1, 0, last < first);
}
`,
};

/**
 * A reflected window's corner reduced exactly by the period 2(n - 1), into [-(n - 1), n - 1]
 * (0 for n = 1), where the float32 `corner` is any whole number below 2^63: binary long
 * division of |corner| by period * 2^k, k from 63 down to 0. Before each step the remainder
 * is below twice the divisor, so a subtraction takes at most half and is exact (Sterbenz);
 * the halvings are exact, and so is the last step into the centred range, which float32
 * holds whole (a remainder in [0, period) may not: past 2^24 it holds even numbers only).
 * A corner far outside thus keeps its place in the reflection's period. `paddedCorner`, what
 * the corners pass stores for a found corner under `mode`: reflection's reduced corner; the
 * other modes' clamped to +-2^25 (windows and images are at most 2^24 pixels a side, so every
 * window row of a far corner maps to the same side of the image, and int sums stay exact).
 */
export const REFLECT_CORNER: ShaderSnippet = {
  defines: ['reflectCorner', 'paddedCorner'],
  mirrors: 'kernels/gpu/padding_index.ts#reflectCorner',
  glsl: `
float reflectCorner(float corner, float n) {
  if (n == 1.0) return 0.0;
  float period = 2.0 * (n - 1.0);
  float r = abs(corner);
  float divisor = period * ${K.int64Limit};
  for (int k = 0; k < 64; k++) {
    if (r >= divisor) r -= divisor;
    divisor *= 0.5;
  }
  if (r > n - 1.0) r -= period;
  return corner < 0.0 ? -r : r;
}

float paddedCorner(float corner, float n, int mode) {
  if (mode == ${REFLECTION}) return reflectCorner(corner, n);
  return clamp(corner, -${K.cornerClamp}, ${K.cornerClamp});
}
`,
  wgsl: `
fn reflectCorner(corner : f32, n : f32) -> f32 {
  if (n == 1.0) { return 0.0; }
  let period = 2.0 * (n - 1.0);
  var r = abs(corner);
  var divisor = period * ${K.int64Limit};
  for (var k = 0; k < 64; k++) {
    if (r >= divisor) { r -= divisor; }
    divisor *= 0.5;
  }
  if (r > n - 1.0) { r -= period; }
  return select(r, -r, corner < 0.0);
}

fn paddedCorner(corner : f32, n : f32, mode : i32) -> f32 {
  if (mode == ${REFLECTION}) { return reflectCorner(corner, n); }
  return clamp(corner, -${K.cornerClamp}, ${K.cornerClamp});
}
`,
};

/** SOURCE_HITS's `nextHit` in JS (positions as in the shaders, ints). */
export function nextHit(pixel: number, n: number, mode: number, start: number, stop: number): number {
  const border = pixel === 0 || pixel === n - 1;
  if (mode === REFLECTION && n > 1) {
    const period = 2 * (n - 1);
    let gap = residueGap(start, pixel, period);
    const other = residueGap(start, period - pixel, period);
    if (!border && other < gap) gap = other;
    return gap > stop - start ? stop + 1 : start + gap;
  }
  const reads = mode === EDGE || mode === REFLECTION;
  const lowBorder = pixel === 0 && reads;
  const highBorder = pixel === n - 1 && reads;
  if (!highBorder && start > pixel) return stop + 1;
  const first = lowBorder || start > pixel ? start : pixel;
  return first > stop ? stop + 1 : first;
}

/** SOURCE_HITS's `hitCount` in JS. */
export function hitCount(pixel: number, n: number, mode: number, lo: number, hi: number): number {
  if (mode === REFLECTION && n > 1) {
    const period = 2 * (n - 1);
    const count = residueHits(hi, pixel, period) - residueHits(lo - 1, pixel, period);
    if (pixel === 0 || pixel === n - 1) return count;
    return count + residueHits(hi, period - pixel, period) - residueHits(lo - 1, period - pixel, period);
  }
  const reads = mode === EDGE || mode === REFLECTION;
  const first = (pixel === 0 && reads) || lo > pixel ? lo : pixel;
  const last = (pixel === n - 1 && reads) || hi < pixel ? hi : pixel;
  return last < first ? 0 : last - first + 1;
}

function residueHits(x: number, residue: number, period: number): number {
  const shifted = x + period;
  return shifted < residue ? 0 : Math.trunc((shifted - residue) / period) + 1;
}

function residueGap(start: number, residue: number, period: number): number {
  const shifted = start + period;
  const gap = residue - (shifted - Math.trunc(shifted / period) * period);
  return gap < 0 ? gap + period : gap;
}

/** REFLECT_CORNER's `reflectCorner` in JS, step for step in float32. */
export function reflectCorner(corner: number, n: number): number {
  const f = Math.fround;
  if (n === 1) return 0;
  const period = f(2 * (n - 1));
  let r = f(Math.abs(corner));
  let divisor = f(period * Number(K.int64Limit));
  for (let k = 0; k < 64; k++) {
    if (r >= divisor) r = f(r - divisor);
    divisor = f(divisor * 0.5);
  }
  if (r > n - 1) r = f(r - period);
  return corner < 0 ? -r : r;
}
