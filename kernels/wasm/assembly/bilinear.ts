/**
 * Bilinear block means in one pass (kernels/cpu/bilinear_means.ts): the weighted sum of the
 * four whole-pixel neighbours' block means, from a source holding all (h*s + 1) x (w*s + 1)
 * samples of the window (the image, or a padded copy). float64 throughout, rounded once.
 */
import {copyBytes, f32At, zeroBytes} from './geometry';

function px(src: usize, index: i32): f64 {
  return <f64>load<f32>(f32At(src, index));
}

export function bilinearMeans(
  out: usize,
  o: i32,
  src: usize,
  start: i32,
  rowStride: i32,
  h: i32,
  w: i32,
  channels: i32,
  s: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
): void {
  const C = channels;
  if (s == 1) {
    for (let i = 0, top = start; i < h; i++, top += rowStride) {
      const bottom = top + rowStride;
      for (let q = 0; q < w * C; q++) {
        const v =
          w00 * px(src, top + q) +
          w01 * px(src, top + q + C) +
          (w10 * px(src, bottom + q) + w11 * px(src, bottom + q + C));
        store<f32>(f32At(out, o++), <f32>v);
      }
    }
    return;
  }
  const count = <f64>(s * s);
  if (ASC_FEATURE_SIMD) {
    bilinearPairs(out, o, src, start, rowStride, h, w, C, s, w00, w01, w10, w11);
    return;
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < C; c++) {
        const p = start + y * s * rowStride + x * s * C + c;
        store<f32>(f32At(out, o++), <f32>blockMean(src, p, rowStride, C, s, w00, w01, w10, w11, count));
      }
    }
  }
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

/** Loads the samples at `src[p1]` and `src[p2]` as the two lanes of an f64x2. */
function pairAt(src: usize, p1: i32, p2: i32): v128 {
  return f64x2.replace_lane(f64x2.splat(px(src, p1)), 1, px(src, p2));
}

/**
 * bilinearMeans for s > 1 with SIMD: two outputs at a time, one per lane (neighbouring
 * channels, or blocks where there is one channel), each lane adding its own samples in the
 * scalar loop's order, so the bits are the scalar loop's.
 */
function bilinearPairs(
  out: usize,
  o: i32,
  src: usize,
  start: i32,
  rowStride: i32,
  h: i32,
  w: i32,
  C: i32,
  s: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
): void {
  const count = <f64>(s * s);
  const g00 = f64x2.splat(w00),
    g01 = f64x2.splat(w01),
    g10 = f64x2.splat(w10),
    g11 = f64x2.splat(w11),
    divisor = f64x2.splat(count);
  const total = w * C;
  for (let y = 0; y < h; y++) {
    const top = start + y * s * rowStride;
    let q = 0;
    for (; q + 1 < total; q += 2, o += 2) {
      const p1 = top + (q / C) * s * C + (q % C);
      const p2 = top + ((q + 1) / C) * s * C + ((q + 1) % C);
      let s00 = f64x2.splat(0),
        s01 = f64x2.splat(0),
        s10 = f64x2.splat(0),
        s11 = f64x2.splat(0);
      for (let r = 0, a = p1, b = p2; r <= s; r++, a += rowStride, b += rowStride) {
        let middle = f64x2.splat(0);
        for (let d = 1; d < s; d++) middle = f64x2.add(middle, pairAt(src, a + d * C, b + d * C));
        const left = f64x2.add(pairAt(src, a, b), middle);
        const right = f64x2.add(middle, pairAt(src, a + s * C, b + s * C));
        if (r < s) {
          s00 = f64x2.add(s00, left);
          s01 = f64x2.add(s01, right);
        }
        if (r > 0) {
          s10 = f64x2.add(s10, left);
          s11 = f64x2.add(s11, right);
        }
      }
      const sum = f64x2.add(
        f64x2.add(f64x2.mul(g00, s00), f64x2.mul(g01, s01)),
        f64x2.add(f64x2.mul(g10, s10), f64x2.mul(g11, s11)),
      );
      const mean = f64x2.div(sum, divisor);
      store<f32>(f32At(out, o), <f32>f64x2.extract_lane(mean, 0));
      store<f32>(f32At(out, o + 1), <f32>f64x2.extract_lane(mean, 1));
    }
    if (q < total) {
      // The row's last output, alone.
      const p = top + (q / C) * s * C + (q % C);
      store<f32>(f32At(out, o++), <f32>blockMean(src, p, rowStride, C, s, w00, w01, w10, w11, count));
    }
  }
}

/**
 * Copies the `rows x cols` samples a bilinear window reads, from its floored corner on, into
 * `into`: outside pixels 0 (zero padding) or the clamped pixel (edge padding).
 */
export function copyPadded(
  into: usize,
  image: usize,
  base: i32,
  height: i32,
  width: i32,
  C: i32,
  cornerY: i32,
  cornerX: i32,
  rows: i32,
  cols: i32,
  edge: bool,
): void {
  const rowStride = width * C;
  const c0 = min(cols, max(0, -cornerX));
  const c1 = max(c0, min(cols, width - cornerX));
  const pixel = (<usize>C) << 2;
  for (let r = 0, q = 0; r < rows; r++, q += cols * C) {
    const imageRow = cornerY + r;
    if (!edge && (imageRow < 0 || imageRow >= height)) {
      zeroBytes(f32At(into, q), (<usize>(cols * C)) << 2);
      continue;
    }
    const first = base + min(height - 1, max(0, imageRow)) * rowStride;
    const last = first + rowStride - C;
    if (edge) {
      for (let j = 0; j < c0; j++) copyBytes(f32At(into, q + j * C), f32At(image, first), pixel);
      for (let j = c1; j < cols; j++) copyBytes(f32At(into, q + j * C), f32At(image, last), pixel);
    } else {
      zeroBytes(f32At(into, q), (<usize>(c0 * C)) << 2);
      zeroBytes(f32At(into, q + c1 * C), (<usize>((cols - c1) * C)) << 2);
    }
    copyBytes(f32At(into, q + c0 * C), f32At(image, first + (cornerX + c0) * C), (<usize>((c1 - c0) * C)) << 2);
  }
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
