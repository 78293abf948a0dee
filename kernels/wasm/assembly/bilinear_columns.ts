/**
 * Bilinear block means for blocks of s > 1, a block row at a time (kernels/cpu/bilinear_means.ts
 * gives the values): per window column the sums down the block row's sample rows [0, s) and
 * [1, s] (the s - 1 rows between them summed once, by columnSums), then per block
 * the sums across its sample columns [0, s) and [1, s]: the four neighbours' block sums. Outside
 * samples take the padding: zero adds nothing; edge repeats the border row (a count times it)
 * and the border column (its sums copied). The sums are exact, so their order does not show;
 * they start at +0 as the JS kernel's do, and the weighted sum and the division are its own.
 */
import {f32At, insideSpan, spanEnd, spanStart} from './geometry';
import {columnSums} from './block_sums';

function f64At(base: usize, index: i32): usize {
  return base + ((<usize>index) << 3);
}

/**
 * For j in `[0, n)`: the rows between, `mid[j]` (columnSums: `rows` rows from `first`, the
 * border rows counted `above` and `below` times), then `a[j] = row0[j] + mid[j]` and
 * `b[j] = mid[j] + rowS[j]`, where a row at -1 is absent (zero padding) and adds nothing.
 */
function bilinearColumns(
  a: usize,
  b: usize,
  image: usize,
  first: i32,
  rows: i32,
  stride: i32,
  n: i32,
  above: f64,
  top: i32,
  below: f64,
  bottom: i32,
  row0: i32,
  rowS: i32,
): void {
  columnSums(b, image, first, rows, stride, n, above, top, below, bottom);
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    for (; j + 4 <= n; j += 4) {
      const lo = v128.load(f64At(b, j)),
        hi = v128.load(f64At(b, j + 2));
      if (row0 >= 0) {
        const v = v128.load(f32At(image, row0 + j));
        v128.store(f64At(a, j), f64x2.add(f64x2.promote_low_f32x4(v), lo));
        v128.store(f64At(a, j + 2), f64x2.add(highPair(v), hi));
      } else {
        v128.store(f64At(a, j), lo);
        v128.store(f64At(a, j + 2), hi);
      }
      if (rowS >= 0) {
        const v = v128.load(f32At(image, rowS + j));
        v128.store(f64At(b, j), f64x2.add(lo, f64x2.promote_low_f32x4(v)));
        v128.store(f64At(b, j + 2), f64x2.add(hi, highPair(v)));
      }
    }
  }
  for (; j < n; j++) {
    const mid = load<f64>(f64At(b, j));
    store<f64>(f64At(a, j), row0 >= 0 ? <f64>load<f32>(f32At(image, row0 + j)) + mid : mid);
    if (rowS >= 0) store<f64>(f64At(b, j), mid + <f64>load<f32>(f32At(image, rowS + j)));
  }
}

/** Lanes 2 and 3 of four float32 samples as an f64x2. */
function highPair(v: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3));
}

/** Where sample row `i` reads (its column `offset`): the image row, the clamped one (edge), or -1 (zero). */
function rowAt(i: i32, edge: bool, base: i32, height: i32, rowStride: i32, offset: i32): i32 {
  if (i >= 0 && i < height) return base + i * rowStride + offset;
  return edge ? base + min(height - 1, max(0, i)) * rowStride + offset : -1;
}

/** Copies the `channels` values at column `from` of `cols` to columns `[to0, to1)`. */
function repeatColumn(cols: usize, from: i32, to0: i32, to1: i32, channels: i32): void {
  for (let j = to0; j < to1; j++) {
    for (let c = 0; c < channels; c++) {
      store<f64>(f64At(cols, j * channels + c), load<f64>(f64At(cols, from * channels + c)));
    }
  }
}

/** Zeroes (+0) columns `[to0, to1)` of `cols`. */
function zeroColumns(cols: usize, to0: i32, to1: i32, channels: i32): void {
  for (let k = to0 * channels; k < to1 * channels; k++) store<f64>(f64At(cols, k), 0);
}

/**
 * blockRowMeans for three channels with SIMD: per block the middle columns' sums of colA and
 * colB in one pass, two pixels, r0 g0 b0 r1 g1 b1, as (r0, g0), (b0, r1) and (g1, b1), three
 * sums apart each; then, per channel, blockRowMeans' own arithmetic.
 */
function colourBlocks(
  out: usize,
  o: i32,
  colA: usize,
  colB: usize,
  w: i32,
  s: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
  count: f64,
  inverse: f64,
): void {
  const pairs = (s - 1) >> 1;
  for (let x = 0; x < w; x++, o += 3) {
    const p = x * s * 3;
    let xa = f64x2.splat(0),
      ya = f64x2.splat(0),
      za = f64x2.splat(0),
      xb = f64x2.splat(0),
      yb = f64x2.splat(0),
      zb = f64x2.splat(0);
    let q = p + 3;
    for (let k = 0; k < pairs; k++, q += 6) {
      xa = f64x2.add(xa, v128.load(f64At(colA, q)));
      ya = f64x2.add(ya, v128.load(f64At(colA, q + 2)));
      za = f64x2.add(za, v128.load(f64At(colA, q + 4)));
      xb = f64x2.add(xb, v128.load(f64At(colB, q)));
      yb = f64x2.add(yb, v128.load(f64At(colB, q + 2)));
      zb = f64x2.add(zb, v128.load(f64At(colB, q + 4)));
    }
    let ra = f64x2.extract_lane(xa, 0) + f64x2.extract_lane(ya, 1),
      ga = f64x2.extract_lane(xa, 1) + f64x2.extract_lane(za, 0),
      ba = f64x2.extract_lane(ya, 0) + f64x2.extract_lane(za, 1),
      rb = f64x2.extract_lane(xb, 0) + f64x2.extract_lane(yb, 1),
      gb = f64x2.extract_lane(xb, 1) + f64x2.extract_lane(zb, 0),
      bb = f64x2.extract_lane(yb, 0) + f64x2.extract_lane(zb, 1);
    if (((s - 1) & 1) != 0) {
      ra += load<f64>(f64At(colA, q));
      ga += load<f64>(f64At(colA, q + 1));
      ba += load<f64>(f64At(colA, q + 2));
      rb += load<f64>(f64At(colB, q));
      gb += load<f64>(f64At(colB, q + 1));
      bb += load<f64>(f64At(colB, q + 2));
    }
    const last = p + s * 3;
    colourMean(out, o, colA, colB, p, last, ra, rb, w00, w01, w10, w11, count, inverse);
    colourMean(out, o + 1, colA, colB, p + 1, last + 1, ga, gb, w00, w01, w10, w11, count, inverse);
    colourMean(out, o + 2, colA, colB, p + 2, last + 2, ba, bb, w00, w01, w10, w11, count, inverse);
  }
}

/** One output of colourBlocks: the middle sums with the first column (`first`) and with the last. */
function colourMean(
  out: usize,
  o: i32,
  colA: usize,
  colB: usize,
  first: i32,
  last: i32,
  midA: f64,
  midB: f64,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
  count: f64,
  inverse: f64,
): void {
  const s00 = load<f64>(f64At(colA, first)) + midA,
    s01 = midA + load<f64>(f64At(colA, last)),
    s10 = load<f64>(f64At(colB, first)) + midB,
    s11 = midB + load<f64>(f64At(colB, last));
  const sum = w00 * s00 + w01 * s01 + (w10 * s10 + w11 * s11);
  store<f32>(f32At(out, o), <f32>(inverse != 0 ? sum * inverse : sum / count));
}

/** The column sums at `cols[p]` and `cols[p + s]`: one block's and the next one's. */
function twoBlocks(cols: usize, p: i32, s: i32): v128 {
  return v128.load64_lane(f64At(cols, p + s), v128.load64_zero(f64At(cols, p)), 1);
}

/**
 * blockRowMeans for one channel with SIMD: two neighbouring blocks at a time, one per lane,
 * each lane the scalar arithmetic. Returns the first block it left (at most one).
 */
function blockPairs(
  out: usize,
  o: i32,
  colA: usize,
  colB: usize,
  w: i32,
  s: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
  count: f64,
  inverse: f64,
): i32 {
  const g00 = f64x2.splat(w00),
    g01 = f64x2.splat(w01),
    g10 = f64x2.splat(w10),
    g11 = f64x2.splat(w11);
  let x = 0;
  for (; x + 2 <= w; x += 2) {
    const p = x * s;
    let midA = f64x2.splat(0),
      midB = f64x2.splat(0);
    for (let d = 1; d < s; d++) {
      midA = f64x2.add(midA, twoBlocks(colA, p + d, s));
      midB = f64x2.add(midB, twoBlocks(colB, p + d, s));
    }
    const s00 = f64x2.add(twoBlocks(colA, p, s), midA),
      s01 = f64x2.add(midA, twoBlocks(colA, p + s, s)),
      s10 = f64x2.add(twoBlocks(colB, p, s), midB),
      s11 = f64x2.add(midB, twoBlocks(colB, p + s, s));
    const sum = f64x2.add(
      f64x2.add(f64x2.mul(g00, s00), f64x2.mul(g01, s01)),
      f64x2.add(f64x2.mul(g10, s10), f64x2.mul(g11, s11)),
    );
    const mean = inverse != 0 ? f64x2.mul(sum, f64x2.splat(inverse)) : f64x2.div(sum, f64x2.splat(count));
    store<f32>(f32At(out, o + x), <f32>f64x2.extract_lane(mean, 0));
    store<f32>(f32At(out, o + x + 1), <f32>f64x2.extract_lane(mean, 1));
  }
  return x;
}

/**
 * One block row's outputs from its column sums: per block the middle columns [1, s) once,
 * then with the first column and with the last.
 */
function blockRowMeans(
  out: usize,
  o: i32,
  colA: usize,
  colB: usize,
  w: i32,
  s: i32,
  C: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
): void {
  const count = <f64>(s * s);
  // Dividing by a power of two is multiplying by its inverse, bit for bit.
  const inverse = (s & (s - 1)) == 0 ? 1 / count : 0;
  if (ASC_FEATURE_SIMD && C == 3) {
    colourBlocks(out, o, colA, colB, w, s, w00, w01, w10, w11, count, inverse);
    return;
  }
  let x = 0;
  if (ASC_FEATURE_SIMD && C == 1) x = blockPairs(out, o, colA, colB, w, s, w00, w01, w10, w11, count, inverse);
  for (; x < w; x++) {
    const p = x * s * C;
    for (let c = 0; c < C; c++) {
      let midA: f64 = 0,
        midB: f64 = 0;
      for (let d = 1, q = p + C + c; d < s; d++, q += C) {
        midA += load<f64>(f64At(colA, q));
        midB += load<f64>(f64At(colB, q));
      }
      const s00 = load<f64>(f64At(colA, p + c)) + midA,
        s01 = midA + load<f64>(f64At(colA, p + s * C + c)),
        s10 = load<f64>(f64At(colB, p + c)) + midB,
        s11 = midB + load<f64>(f64At(colB, p + s * C + c));
      const sum = w00 * s00 + w01 * s01 + (w10 * s10 + w11 * s11);
      store<f32>(f32At(out, o + x * C + c), <f32>(inverse != 0 ? sum * inverse : sum / count));
    }
  }
}

/**
 * The window of `h x w` outputs whose top-left sample is pixel (`cornerY`, `cornerX`) of the
 * image at `image[base]`, blocks of `s x s` samples (s > 1), into `out[o, o + h*w*C)`;
 * `scratch` holds `2 * (w*s + 1) * C` f64.
 */
export function bilinearColumnMeans(
  out: usize,
  o: i32,
  image: usize,
  base: i32,
  height: i32,
  width: i32,
  C: i32,
  edge: bool,
  cornerY: i32,
  cornerX: i32,
  h: i32,
  w: i32,
  s: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
  scratch: usize,
): void {
  const cols = w * s + 1;
  const colA = scratch;
  const colB = f64At(colA, cols * C);
  const columns = insideSpan(cornerX, cols, width);
  let c0 = spanStart(columns),
    c1 = spanEnd(columns);
  const rowStride = width * C;
  // Window columns [c0, c1) are inside; with none inside, edge padding sums the border
  // column in window column 0 and repeats it.
  let offset = (cornerX + c0) * C;
  if (c0 == c1 && edge) {
    offset = c0 > 0 ? 0 : (width - 1) * C;
    c0 = 0;
    c1 = 1;
  }
  const n = (c1 - c0) * C;
  for (let y = 0; y < h; y++, o += w * C) {
    // Sample rows [r, r + s]: row r, the rows between, row r + s.
    const r = cornerY + y * s;
    const m0 = max(0, r + 1),
      m1 = max(m0, min(height, r + s));
    const above = edge ? <f64>min(s - 1, max(0, -(r + 1))) : 0;
    const below = edge ? <f64>(s - 1 - (m1 - m0)) - above : 0;
    const row0 = rowAt(r, edge, base, height, rowStride, offset);
    const rowS = rowAt(r + s, edge, base, height, rowStride, offset);
    const lastRow = base + (height - 1) * rowStride + offset;
    bilinearColumns(
      f64At(colA, c0 * C),
      f64At(colB, c0 * C),
      image,
      base + m0 * rowStride + offset,
      m1 - m0,
      rowStride,
      n,
      above,
      base + offset,
      below,
      lastRow,
      row0,
      rowS,
    );
    for (let k = 0; k < 2; k++) {
      const col = k == 0 ? colA : colB;
      if (edge) {
        repeatColumn(col, c0, 0, c0, C);
        repeatColumn(col, c1 - 1, c1, cols, C);
      } else {
        zeroColumns(col, 0, c0, C);
        zeroColumns(col, c1, cols, C);
      }
    }
    blockRowMeans(out, o, colA, colB, w, s, C, w00, w01, w10, w11);
  }
}
