// Workload inputs and window geometry, by the rules of bench/workloads.json ("prng", "inputRule",
// "offsetsRule", "locationsRule", "checkRule"), for both kinds of workload: the op's (inputShape,
// offsets) and the glimpse sensor's (imagesShape, locations). No imports: Node (lib/run_node.mjs)
// and the browser page (browser/page.mjs) generate the same bytes and check the same sha256 values.

/** Workloads also timed with bilinear interpolation, against their nearest figures (forward and backward). */
export const BILINEAR_WORKLOADS = ['W1', 'W4', 'S1', 'S2', 'S3'];

/** The workloads.json reference generator (its "prng.js"), written out. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Checks mulberry32 against the file's "prng.selfTest" (seed 1, first three draws). */
export function checkPrngSelfTest({selfTest: {seed, first3}}) {
  const next = mulberry32(seed);
  const got = [next(), next(), next()];
  if (got.some((v, i) => v !== first3[i]))
    throw new Error(`mulberry32 self-test failed: seed ${seed} gave ${got}, workloads.json says ${first3}`);
}

export const sizeOf = shape => shape.reduce((a, b) => a * b, 1);

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

/**
 * sha256 (hex) of the little-endian float32 bytes. `digest` is an optional fast path (Node passes
 * one over node:crypto); the default is WebCrypto (pages on 127.0.0.1 are a secure context).
 */
export async function sha256Float32(values, digest) {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
    throw new Error('sha256Float32: big-endian platform, the check needs little-endian bytes');
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  if (digest) return digest(bytes);
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(hash, b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A workload's input (element i = fround(draw i+1 of mulberry32(inputSeed)), flat NHWC) and its
 * (y, x) pairs, checked against workloads.json's "check": the benchmark must not run on other
 * inputs than the ones the reference anchors were measured on. The sensor's pairs: its locations.
 */
export async function generateChecked(w, digest) {
  const sensor = w.op === 'GlimpseSensor';
  const shape = sensor ? w.imagesShape : w.inputShape;
  const next = mulberry32(w.inputSeed);
  const input = new Float32Array(sizeOf(shape));
  for (let i = 0; i < input.length; i++) input[i] = next(); // Float32Array.from is 6x slower
  const pairs = sensor
    ? generatePairs(w.locationSeed, sizeOf(w.locationsShape) / 2, w.locationRanges)
    : generatePairs(w.offsetSeed, shape[0], w.offsetRanges);
  const [inputSha, pairsSha] = [await sha256Float32(input, digest), await sha256Float32(pairs, digest)];
  const [c, name] = [w.check, sensor ? 'locations' : 'offsets'];
  const checks = [
    ['input sha256', inputSha, c.inputSha256],
    [`${name} sha256`, pairsSha, c[`${name}Sha256`]],
    ['first input values', input, c.inputFirst4],
    [`first ${name}`, pairs, sensor ? c.locationsFirst4 : c.offsets],
  ];
  const same = (a, b) => (typeof b === 'string' ? a === b : b.every((v, i) => a[i] === v));
  const wrong = checks.filter(([, got, want]) => want !== undefined && !same(got, want)).map(c => c[0]);
  if (wrong.length) {
    throw new Error(
      `${w.id} (${w.name}): generated ${wrong.join(', ')} differ from workloads.json's check values ` +
        '(sha256, first values): the generator is off',
    );
  }
  return {input, pairs, inputSha, pairsSha};
}

/** The plugin's window parameters of one glimpse size on a workload's images. */
export const windowParams = (w, [, imageHeight, imageWidth], glimpseHeight, glimpseWidth) => ({
  version: w.op === 'ExtractGlimpse' ? 1 : 2,
  ...{centered: w.centered, normalized: w.normalized, imageHeight, imageWidth, glimpseHeight, glimpseWidth},
});

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

/** Throws when `got` differs from the workload's "derived" value `name` (`want`). */
export function checkDerived(w, name, got, want) {
  const [g, x] = [JSON.stringify(got), JSON.stringify(want)];
  if (want !== undefined && g !== x)
    throw new Error(`${w.id}: ${name} ${g}, workloads.json's derived.${name} says ${x}`);
}

/** The op's windows (windowsOf), checked against workloads.json's "derived" (window counts, first corners). */
export function windowGeometry(w, offsets, windowCorner, insideSpan) {
  const [batch, height, width, channels] = w.inputShape;
  const [h, ww] = w.size;
  const params = windowParams(w, w.inputShape, h, ww);
  const {items, counts} = windowsOf(params, offsets, windowCorner, insideSpan);
  const d = w.derived;
  if (d) {
    checkDerived(w, 'windows', counts, {...d.windows, tfPartialPath: undefined}); // TF's count: not ours
    const first = items
      .slice(0, d.firstCorners.length / 2)
      .flatMap(it => (it.corner ? [it.corner.y, it.corner.x] : [NaN, NaN]));
    checkDerived(w, 'firstCorners', first, d.firstCorners);
  }
  return {params, items, counts, batch, height, width, channels, h, w: ww};
}

/**
 * cropAndResize boxes (normalized y1, x1, y2, x2 per item) for which method 'nearest' picks exactly
 * the pixels corner .. corner+size-1 and extrapolates wherever the window leaves the image. tfjs
 * samples crop position y at in_y = y1*(S-1) + y*(y2-y1)*(S-1)/(g-1) (S image size, g crop size),
 * rounds it, and extrapolates when in_y < 0 or > S-1. Aiming exactly at p = corner+y is fragile at
 * the edges, so the boxes aim at in_y(p) = p + 1/4 - (p / (S-1)) / 2: within 1/4 of p for every
 * valid pixel, >= 0 at p = 0 and <= S-1 at p = S-1, < 0 at p = -1 and > S-1 at p = S (for S >= 2).
 */
export function pixelExactBoxes({items, height, width, h, w}) {
  const boxes = new Float32Array(items.length * 4);
  for (const it of items) {
    // No pixel can land in the window: a box far outside, everything extrapolates.
    const [[y1, y2], [x1, x2]] = it.corner
      ? [axisBox(it.corner.y, h, height), axisBox(it.corner.x, w, width)]
      : [
          [-4, -4],
          [-4, -4],
        ];
    boxes.set([y1, x1, y2, x2], 4 * it.b);
  }
  return boxes;
}

function axisBox(corner, glimpse, size) {
  if (size < 2 || glimpse < 2)
    throw new Error(`pixelExactBoxes: needs image and glimpse sizes >= 2 (got image ${size}, glimpse ${glimpse})`);
  const slope = 1 - 0.5 / (size - 1);
  const start = (corner * slope + 0.25) / (size - 1);
  return [start, start + (slope * (glimpse - 1)) / (size - 1)];
}

/**
 * What tfjs's cpu CropAndResize ('nearest') picks for `boxes`, axis by axis, replayed in JS with
 * its formula: returns the first mismatch with the window (as a string) or null.
 */
export function checkBoxesPickWindow({items, height, width, h, w}, boxes) {
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
export const effectiveNoise = w => (w.noise === '' ? (w.uniformNoise ? 'uniform' : 'gaussian') : w.noise);

/** Items whose window has an outside position and so need statistics (never for 'zero'). */
export const itemsNeedingStats = (w, geometry) =>
  effectiveNoise(w) === 'zero' ? [] : geometry.items.filter(it => !it.whole);
