// Workload inputs for the benchmark, by the rules of bench/workloads.json ("prng",
// "inputRule", "offsetsRule", "checkRule"). Plain ES module with no imports: it runs both
// in Node (bench/lib/run_node.mjs) and in the browser page (bench/browser/page.mjs), so
// both sides generate the same bytes and check the same sha256 values.

const MULBERRY_INCREMENT = 0x6d2b79f5;
const TWO_POW_32 = 4294967296;

/** The workloads.json reference generator (its "prng.js"), written out. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a |= 0;
    a = (a + MULBERRY_INCREMENT) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  };
}

/** Checks mulberry32 against the file's "prng.selfTest" (seed 1, first three draws). */
export function checkPrngSelfTest(prng) {
  const {seed, first3} = prng.selfTest;
  const next = mulberry32(seed);
  const got = [next(), next(), next()];
  if (got.some((v, i) => v !== first3[i])) {
    throw new Error(
      `mulberry32 self-test failed: seed ${seed} gave ${got.join(', ')}, workloads.json says ${first3.join(', ')}`,
    );
  }
}

export function sizeOf(shape) {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * The input of a workload: element i = fround(draw i+1 of mulberry32(inputSeed)), in flat
 * (b, y, x, c) order. One inlined loop (the same arithmetic as mulberry32(); the
 * Float32Array store does the fround), about 1 ns per element: W5's 64 Mi floats take a
 * fraction of a second and no memory beyond the result.
 */
export function generateInput(w) {
  const n = sizeOf(w.inputShape);
  const out = new Float32Array(n);
  let a = w.inputSeed | 0;
  for (let i = 0; i < n; i++) {
    a = (a + MULBERRY_INCREMENT) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  }
  return out;
}

/**
 * `count` (y, x) pairs (offsetsRule; locationsRule): two draws of mulberry32(seed) per pair, the
 * ranges cycled, products and sums in float64.
 */
export function generatePairs(seed, count, ranges) {
  const next = mulberry32(seed);
  const out = new Float32Array(count * 2);
  for (let j = 0; j < count; j++) {
    const [u1, u2] = [next(), next()];
    const r = ranges[j % ranges.length];
    out[2 * j] = r.y[0] + (r.y[1] - r.y[0]) * u1;
    out[2 * j + 1] = r.x[0] + (r.x[1] - r.x[0]) * u2;
  }
  return out;
}

function isLittleEndian() {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * sha256 (hex) of the little-endian float32 bytes. `digest` is an optional fast path
 * (Node passes one over node:crypto); the default is WebCrypto, present in Node >= 19 and
 * in pages on 127.0.0.1 (a secure context).
 */
export async function sha256Float32(values, digest) {
  if (!isLittleEndian()) throw new Error('sha256Float32: big-endian platform, the check needs little-endian bytes');
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  if (digest) return digest(bytes);
  return hex(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}

/**
 * Checks generated values against workloads.json's "check" values: `checks` lists [what, got,
 * wanted] (wanted undefined: nothing to check). Throws a clear error on any mismatch: the benchmark
 * must not run on other inputs than the ones the reference anchors were measured on.
 */
export function checkGenerated(w, checks) {
  const same = (a, b) => (typeof b === 'string' ? a === b : b.length <= a.length && b.every((v, i) => a[i] === v));
  const wrong = checks.filter(([, got, want]) => want !== undefined && !same(got, want)).map(c => c[0]);
  if (wrong.length) {
    throw new Error(
      `${w.id} (${w.name}): generated ${wrong.join(', ')} differ from workloads.json's check values ` +
        '(sha256, first values): the generator is off',
    );
  }
}

/** Generates a workload's input and offsets and checks them against workloads.json's "check". */
export async function generateChecked(w, digest) {
  const input = generateInput(w);
  const offsets = generatePairs(w.offsetSeed, w.inputShape[0], w.offsetRanges);
  const [inputSha, offsetsSha] = [await sha256Float32(input, digest), await sha256Float32(offsets, digest)];
  const c = w.check;
  if (c.offsets && c.offsets.length !== offsets.length)
    throw new Error(`${w.id}: generated offsets differ from check.offsets`);
  checkGenerated(w, [
    ['input sha256 (inputRule)', inputSha, c.inputSha256],
    ['offsets sha256 (offsetsRule)', offsetsSha, c.offsetsSha256],
    ['first input values', input, c.inputFirst4],
    ['offsets', offsets, c.offsets],
  ]);
  return {input, offsets, inputSha, offsetsSha};
}

/**
 * The windows of `pairs` (y, x) for one glimpse size (`params`, the plugin's windowCorner's): per
 * pair the corner and the span inside the image (insideSpan), classified inside / partial / outside.
 */
export function windowsOf(params, pairs, windowCorner, insideSpan) {
  const {imageHeight: height, imageWidth: width, glimpseHeight: h, glimpseWidth: ww} = params;
  const items = [];
  const counts = {inside: 0, partial: 0, outside: 0};
  for (let b = 0; b < pairs.length / 2; b++) {
    const corner = windowCorner(pairs[2 * b], pairs[2 * b + 1], params);
    const [r0, r1] = corner ? insideSpan(corner.y, h, height) : [0, 0];
    const [c0, c1] = corner ? insideSpan(corner.x, ww, width) : [0, 0];
    const any = r1 > r0 && c1 > c0;
    const whole = any && r0 === 0 && r1 === h && c0 === 0 && c1 === ww;
    counts[whole ? 'inside' : any ? 'partial' : 'outside']++;
    items.push({b, corner, r0, r1, c0, c1, any, whole});
  }
  return {items, counts};
}

/**
 * Per batch item: the window corner (the plugin's windowCorner) and its inside span
 * (insideSpan), classified as inside / partial / outside, then checked against
 * workloads.json's "derived" (window counts, first corners).
 */
export function windowGeometry(w, offsets, windowCorner, insideSpan) {
  const [batch, height, width, channels] = w.inputShape;
  const [h, ww] = w.size;
  const version = w.op === 'ExtractGlimpse' ? 1 : 2;
  const params = {version, centered: w.centered, normalized: w.normalized, imageHeight: height, imageWidth: width};
  Object.assign(params, {glimpseHeight: h, glimpseWidth: ww});
  const {items, counts} = windowsOf(params, offsets, windowCorner, insideSpan);
  const d = w.derived;
  if (d) {
    for (const k of ['inside', 'partial', 'outside']) {
      if (counts[k] !== d.windows[k]) {
        throw new Error(`${w.id}: ${counts[k]} ${k} windows, workloads.json's derived.windows says ${d.windows[k]}`);
      }
    }
    const first = items
      .slice(0, d.firstCorners.length / 2)
      .flatMap(it => (it.corner ? [it.corner.y, it.corner.x] : [NaN, NaN]));
    if (first.some((v, i) => v !== d.firstCorners[i])) {
      throw new Error(
        `${w.id}: first corners ${first.join(',')} differ from derived.firstCorners ` + d.firstCorners.join(','),
      );
    }
  }
  return {params, items, counts, batch, height, width, channels, h, w: ww};
}

/**
 * cropAndResize boxes (normalized y1, x1, y2, x2 per item) for which method 'nearest'
 * picks exactly the pixels corner .. corner+size-1 and extrapolates wherever the window
 * leaves the image.
 *
 * tfjs samples position y of the crop at in_y = y1*(S-1) + y*(y2-y1)*(S-1)/(g-1) (S image
 * size, g crop size), rounds it to the nearest pixel, and extrapolates when in_y < 0 or
 * in_y > S-1. Aiming in_y exactly at pixel p = corner+y is fragile at the two edges
 * (in_y = S-1 + 1e-6 would extrapolate a valid pixel), so the boxes aim at
 *   in_y(p) = p + 1/4 - (p / (S-1)) / 2,
 * which lies within 1/4 of p for every valid pixel 0 <= p <= S-1 (round picks p), is
 * >= 0 at p = 0 and <= S-1 at p = S-1 (both edges kept), is < 0 at p = -1 and > S-1 at
 * p = S (both extrapolated) for S >= 2. float32 boxes add at most ~1e-3 pixel of error.
 */
export function pixelExactBoxes(geometry) {
  const {items, height, width, h, w} = geometry;
  const boxes = new Float32Array(items.length * 4);
  for (const it of items) {
    let y1, y2, x1, x2;
    if (!it.corner) {
      // No pixel can land in the window: a box far outside, everything extrapolates.
      [y1, x1, y2, x2] = [-4, -4, -4, -4];
    } else {
      [y1, y2] = axisBox(it.corner.y, h, height);
      [x1, x2] = axisBox(it.corner.x, w, width);
    }
    boxes.set([y1, x1, y2, x2], 4 * it.b);
  }
  return boxes;
}

function axisBox(corner, glimpse, size) {
  if (size < 2 || glimpse < 2) {
    throw new Error(`pixelExactBoxes: needs image and glimpse sizes >= 2 (got image ${size}, glimpse ${glimpse})`);
  }
  const slope = 1 - 0.5 / (size - 1);
  const start = (corner * slope + 0.25) / (size - 1);
  return [start, start + (slope * (glimpse - 1)) / (size - 1)];
}

/**
 * What tfjs's cpu CropAndResize ('nearest') picks for `boxes`, axis by axis, replayed in
 * JS with its formula: returns the first mismatch with the window (as a string) or null.
 */
export function checkBoxesPickWindow(geometry, boxes) {
  const {items, height, width, h, w} = geometry;
  const axis = (v1, v2, size, glimpse, corner, name, b) => {
    const scale = ((v2 - v1) * (size - 1)) / (glimpse - 1);
    for (let i = 0; i < glimpse; i++) {
      const ind = v1 * (size - 1) + i * scale;
      const picked = ind < 0 || ind > size - 1 ? null : Math.round(ind);
      const p = corner === null ? null : corner + i;
      const want = p === null || p < 0 || p > size - 1 ? null : p;
      if (picked !== want) return `item ${b} ${name} ${i}: picks ${picked}, window wants ${want}`;
    }
    return null;
  };
  for (const it of items) {
    const [y1, x1, y2, x2] = boxes.subarray(4 * it.b, 4 * it.b + 4);
    const bad =
      axis(y1, y2, height, h, it.corner ? it.corner.y : null, 'row', it.b) ||
      axis(x1, x2, width, w, it.corner ? it.corner.x : null, 'column', it.b);
    if (bad) return bad;
  }
  return null;
}

/** The noise the op draws after TF's resolution rule ('' -> uniform or gaussian). */
export function effectiveNoise(w) {
  if (w.noise === '') return w.uniformNoise ? 'uniform' : 'gaussian';
  return w.noise;
}

/** Items whose window has an outside position and so need statistics (never for 'zero'). */
export function itemsNeedingStats(w, geometry) {
  if (effectiveNoise(w) === 'zero') return [];
  return geometry.items.filter(it => !it.whole);
}
