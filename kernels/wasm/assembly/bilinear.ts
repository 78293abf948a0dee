/**
 * Bilinear block means in one pass (kernels/cpu/bilinear_means.ts): the weighted sum of the
 * four whole-pixel neighbours' block means, read straight from the image. Blocks whose
 * (s + 1)^2 samples are all inside take the fast loops; the others read each sample through
 * the padding (0, or the clamped pixel: the values of the cpu's padded copy) in the same
 * order, so the bits are the cpu's without the copy. float64 throughout, rounded once.
 */
import {copyBytes, f32At, insideSpan, spanEnd, spanStart} from './geometry';
import {bilinearColumnMeans} from './bilinear_columns';

function px(src: usize, index: i32): f64 {
  return <f64>load<f32>(f32At(src, index));
}

/**
 * The window of `h x w` outputs whose top-left sample is pixel (`cornerY`, `cornerX`) of the
 * image at `image[base]`, blocks of `s x s` samples, into `out[o, o + h*w*C)`. With `scratch`
 * (`2 * (w*s + 1) * C` f64, else 0), blocks of s > 1 go by columns (bilinear_columns.ts).
 */
export function bilinearWindow(
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
  if (s > 1 && scratch != 0) {
    bilinearColumnMeans(
      out,
      o,
      image,
      base,
      height,
      width,
      C,
      edge,
      cornerY,
      cornerX,
      h,
      w,
      s,
      w00,
      w01,
      w10,
      w11,
      scratch,
    );
    return;
  }
  // Output rows [y0, y1) and columns [x0, x1) read only inside samples: block i spans samples [i*s, i*s + s].
  const rows = insideSpan(cornerY, h * s + 1, height);
  const cols = insideSpan(cornerX, w * s + 1, width);
  const y0 = min(h, (spanStart(rows) + s - 1) / s);
  const y1 = max(y0, min(h, spanEnd(rows) > 0 ? (spanEnd(rows) - 1) / s : 0));
  const x0 = min(w, (spanStart(cols) + s - 1) / s);
  const x1 = max(x0, min(w, spanEnd(cols) > 0 ? (spanEnd(cols) - 1) / s : 0));
  const rowStride = width * C;
  const total = w * C;
  // A block of zero padding alone: checkedMean's arithmetic on zeros.
  const zeroSum = w00 * 0.0 + w01 * 0.0 + (w10 * 0.0 + w11 * 0.0);
  const zeroMean = s == 1 ? zeroSum : zeroSum / <f64>(s * s);
  if (y0 < y1 && x0 < x1) {
    const top = base + ((cornerY + y0 * s) * width + cornerX) * C;
    insideRect(out, o + y0 * total, image, top, rowStride, total, y1 - y0, x0 * C, x1 * C, C, s, w00, w01, w10, w11);
  }
  for (let y = 0; y < h; y++, o += total) {
    const row = cornerY + y * s;
    const inRect = y >= y0 && y < y1 && x0 < x1;
    const from = inRect ? x0 * C : 0;
    const to = inRect ? x1 * C : 0;
    const rowsOut = row + s < 0 || row >= height;
    for (let q = 0; q < total; q++) {
      if (q == from && from < to) q = to;
      if (q >= total) break;
      const col = cornerX + (q / C) * s;
      const v =
        !edge && (rowsOut || col + s < 0 || col >= width)
          ? zeroMean
          : checkedMean(image, base, height, width, C, edge, row, col, q % C, s, w00, w01, w10, w11);
      store<f32>(f32At(out, o + q), <f32>v);
    }
  }
}

/**
 * Outputs `[from, to)` of `rows` output rows (`outStride` apart) whose samples are all inside;
 * `top`: the first row's first sample.
 */
function insideRect(
  out: usize,
  o: i32,
  src: usize,
  top: i32,
  rowStride: i32,
  outStride: i32,
  rows: i32,
  from: i32,
  to: i32,
  C: i32,
  s: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
): void {
  let q = from;
  if (ASC_FEATURE_SIMD) {
    q =
      s == 1
        ? pixelPairs(out, o, src, top, rowStride, outStride, rows, from, to, C, w00, w01, w10, w11)
        : bilinearPairs(out, o, src, top, rowStride, outStride, rows, from, to, C, s, w00, w01, w10, w11);
  }
  const count = <f64>(s * s);
  for (; q < to; q++) {
    for (let y = 0; y < rows; y++) {
      const p = top + y * s * rowStride + (q / C) * s * C + (q % C);
      const v =
        s == 1
          ? w00 * px(src, p) + w01 * px(src, p + C) + (w10 * px(src, p + rowStride) + w11 * px(src, p + rowStride + C))
          : blockMean(src, p, rowStride, C, s, w00, w01, w10, w11, count);
      store<f32>(f32At(out, o + y * outStride + q), <f32>v);
    }
  }
}

/** insideRect for s = 1 with SIMD: four, then two neighbouring outputs at a time, each lane the scalar formula. */
function pixelPairs(
  out: usize,
  o: i32,
  src: usize,
  top: i32,
  rowStride: i32,
  outStride: i32,
  rows: i32,
  from: i32,
  to: i32,
  C: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
): i32 {
  const g00 = f64x2.splat(w00),
    g01 = f64x2.splat(w01),
    g10 = f64x2.splat(w10),
    g11 = f64x2.splat(w11);
  for (let y = 0; y < rows; y++, top += rowStride, o += outStride) {
    const bottom = top + rowStride;
    let q = from;
    for (; q + 4 <= to; q += 4) {
      const a = v128.load(f32At(src, top + q)),
        b = v128.load(f32At(src, top + q + C)),
        c = v128.load(f32At(src, bottom + q)),
        d = v128.load(f32At(src, bottom + q + C));
      const lo = f64x2.add(
        f64x2.add(f64x2.mul(g00, f64x2.promote_low_f32x4(a)), f64x2.mul(g01, f64x2.promote_low_f32x4(b))),
        f64x2.add(f64x2.mul(g10, f64x2.promote_low_f32x4(c)), f64x2.mul(g11, f64x2.promote_low_f32x4(d))),
      );
      const hi = f64x2.add(
        f64x2.add(f64x2.mul(g00, highHalf(a)), f64x2.mul(g01, highHalf(b))),
        f64x2.add(f64x2.mul(g10, highHalf(c)), f64x2.mul(g11, highHalf(d))),
      );
      const four = v128.shuffle<f32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
      v128.store(f32At(out, o + q), four);
    }
    for (; q + 1 < to; q += 2) {
      const v = f64x2.add(
        f64x2.add(f64x2.mul(g00, twoAt(src, top + q)), f64x2.mul(g01, twoAt(src, top + q + C))),
        f64x2.add(f64x2.mul(g10, twoAt(src, bottom + q)), f64x2.mul(g11, twoAt(src, bottom + q + C))),
      );
      store<f32>(f32At(out, o + q), <f32>f64x2.extract_lane(v, 0));
      store<f32>(f32At(out, o + q + 1), <f32>f64x2.extract_lane(v, 1));
    }
  }
  return to - ((to - from) & 1);
}

/**
 * One output's weighted block mean, its block's top-left sample at `src[p]`: the neighbours'
 * block sums (00 rows [0, s) columns [0, s); 01 columns [1, s]; 10 rows [1, s]) read from the
 * (s + 1)^2 samples once, per row the first, the s - 1 in the middle and the last.
 */
function blockMean(
  src: usize,
  p: i32,
  rowStride: i32,
  C: i32,
  s: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
  count: f64,
): f64 {
  let s00: f64 = 0,
    s01: f64 = 0,
    s10: f64 = 0,
    s11: f64 = 0;
  for (let r = 0; r <= s; r++, p += rowStride) {
    let middle: f64 = 0;
    for (let d = 1; d < s; d++) middle += px(src, p + d * C);
    const left = px(src, p) + middle;
    const right = middle + px(src, p + s * C);
    if (r < s) {
      s00 += left;
      s01 += right;
    }
    if (r > 0) {
      s10 += left;
      s11 += right;
    }
  }
  return (w00 * s00 + w01 * s01 + (w10 * s10 + w11 * s11)) / count;
}

/** Channel `c` of pixel (`row`, `col`) through the padding: 0 outside, or (edge) the clamped pixel. */
function padded(image: usize, base: i32, height: i32, width: i32, C: i32, edge: bool, row: i32, col: i32, c: i32): f64 {
  if (!edge && (row < 0 || row >= height || col < 0 || col >= width)) return 0;
  return px(image, base + (min(height - 1, max(0, row)) * width + min(width - 1, max(0, col))) * C + c);
}

/**
 * One output whose block reaches outside the image, its top-left sample pixel (`row`, `col`):
 * blockMean's sums (or, s = 1, the formula of insideRect) over samples read through the padding.
 */
function checkedMean(
  image: usize,
  base: i32,
  height: i32,
  width: i32,
  C: i32,
  edge: bool,
  row: i32,
  col: i32,
  c: i32,
  s: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
): f64 {
  if (s == 1) {
    const top = row,
      bottom = row + 1;
    return (
      w00 * padded(image, base, height, width, C, edge, top, col, c) +
      w01 * padded(image, base, height, width, C, edge, top, col + 1, c) +
      (w10 * padded(image, base, height, width, C, edge, bottom, col, c) +
        w11 * padded(image, base, height, width, C, edge, bottom, col + 1, c))
    );
  }
  // The block's sample columns [0, dA) lie left of the image, [dB, s] right of it.
  const dA = min(s + 1, max(0, -col));
  const dB = max(dA, min(s + 1, width - col));
  let s00: f64 = 0,
    s01: f64 = 0,
    s10: f64 = 0,
    s11: f64 = 0;
  for (let r = 0; r <= s; r++) {
    const y = row + r;
    // A row of zero padding adds +0 to sums that are never -0: nothing.
    if (!edge && (y < 0 || y >= height)) continue;
    const at = base + min(height - 1, max(0, y)) * width * C + c;
    const first = edge ? px(image, at) : 0;
    const last = edge ? px(image, at + (width - 1) * C) : 0;
    let middle: f64 = 0;
    let d = 1;
    for (; d < min(s, dA); d++) middle += first;
    for (; d < min(s, dB); d++) middle += px(image, at + (col + d) * C);
    for (; d < s; d++) middle += last;
    const left = (0 < dA ? first : 0 < dB ? px(image, at + col * C) : last) + middle;
    const right = middle + (s < dA ? first : s < dB ? px(image, at + (col + s) * C) : last);
    if (r < s) {
      s00 += left;
      s01 += right;
    }
    if (r > 0) {
      s10 += left;
      s11 += right;
    }
  }
  return (w00 * s00 + w01 * s01 + (w10 * s10 + w11 * s11)) / <f64>(s * s);
}

/** Lanes 2 and 3 of four float32 samples as an f64x2. */
function highHalf(v: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3));
}

/** The samples at `src[p]` and `src[p + 1]` as the two lanes of an f64x2. */
function twoAt(src: usize, p: i32): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(f32At(src, p)));
}

/** The samples at `src[p1]` and `src[p2]` as the two lanes of an f64x2. */
function pairAt(src: usize, p1: i32, p2: i32): v128 {
  return f64x2.promote_low_f32x4(v128.load32_lane(f32At(src, p2), v128.load32_zero(f32At(src, p1)), 1));
}

/**
 * insideRect for s > 1 with SIMD: two outputs at a time, one per lane (neighbouring channels,
 * or blocks where there is one channel), each lane adding its own samples in blockMean's
 * order, so the bits are the scalar loop's. Down a column of blocks, a block's last sample
 * row is the next one's first: its sums are carried, not read again. Returns the first
 * output it left (at most one).
 */
function bilinearPairs(
  out: usize,
  o: i32,
  src: usize,
  top: i32,
  rowStride: i32,
  outStride: i32,
  rows: i32,
  from: i32,
  to: i32,
  C: i32,
  s: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
): i32 {
  const g00 = f64x2.splat(w00),
    g01 = f64x2.splat(w01),
    g10 = f64x2.splat(w10),
    g11 = f64x2.splat(w11),
    divisor = f64x2.splat(<f64>(s * s)),
    zero = f64x2.splat(0);
  let q = from;
  for (; q + 1 < to; q += 2) {
    let a = top + (q / C) * s * C + (q % C);
    let b = top + ((q + 1) / C) * s * C + ((q + 1) % C);
    // The first block's row 0; then each block's row s, carried to the next.
    let left = zero,
      right = zero;
    for (let y = 0; y < rows; y++) {
      let s00 = zero,
        s01 = zero,
        s10 = zero,
        s11 = zero;
      for (let r = 0; r <= s; r++, a += rowStride, b += rowStride) {
        if (r > 0 || y == 0) {
          let middle = zero;
          for (let d = 1; d < s; d++) middle = f64x2.add(middle, pairAt(src, a + d * C, b + d * C));
          left = f64x2.add(pairAt(src, a, b), middle);
          right = f64x2.add(middle, pairAt(src, a + s * C, b + s * C));
        }
        if (r < s) {
          s00 = f64x2.add(s00, left);
          s01 = f64x2.add(s01, right);
        }
        if (r > 0) {
          s10 = f64x2.add(s10, left);
          s11 = f64x2.add(s11, right);
        }
      }
      // The loop stepped s + 1 rows; the next block starts at this one's row s.
      a -= rowStride;
      b -= rowStride;
      const sum = f64x2.add(
        f64x2.add(f64x2.mul(g00, s00), f64x2.mul(g01, s01)),
        f64x2.add(f64x2.mul(g10, s10), f64x2.mul(g11, s11)),
      );
      const mean = f64x2.div(sum, divisor);
      const at = o + y * outStride + q;
      store<f32>(f32At(out, at), <f32>f64x2.extract_lane(mean, 0));
      store<f32>(f32At(out, at + 1), <f32>f64x2.extract_lane(mean, 1));
    }
  }
  return q;
}

/**
 * `out[o + j] = sum of weight_i * values_i[j]` over the `used` neighbours in float64, rounded
 * once; one neighbour of weight 1 is copied, bit for bit.
 */
export function combine(
  out: usize,
  o: i32,
  size: i32,
  used: i32,
  v0: usize,
  g0: f64,
  v1: usize,
  g1: f64,
  v2: usize,
  g2: f64,
  v3: usize,
  g3: f64,
): void {
  if (used == 1 && g0 == 1) {
    copyBytes(f32At(out, o), v0, (<usize>size) << 2);
    return;
  }
  for (let j = 0; j < size; j++) {
    let sum: f64 = 0;
    sum += g0 * <f64>load<f32>(f32At(v0, j));
    if (used > 1) sum += g1 * <f64>load<f32>(f32At(v1, j));
    if (used > 2) sum += g2 * <f64>load<f32>(f32At(v2, j));
    if (used > 3) sum += g3 * <f64>load<f32>(f32At(v3, j));
    store<f32>(f32At(out, o + j), <f32>sum);
  }
}
