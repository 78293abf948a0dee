/**
 * One glimpse sensor window at a whole-pixel corner (kernels/cpu/sensor_window.ts): block
 * means under zero or edge padding reading only the inside part, or, with noise padding,
 * every sample checked and the outside ones drawn. `out` holds zeros: blocks of zero padding
 * stay as they are.
 */
import {copyBytes, f32At, insideSpan, spanEnd, spanStart} from './geometry';
import {blockMeans, columnSums} from './block_sums';
import {drawNoise, noiseAt} from './noise';

/**
 * Means of a window under zero or edge padding: image at `image + base`, window of
 * `(h*s) x (w*s)` samples at (cornerY, cornerX), written at `out[o]`; `sums` is scratch of
 * `(min(w*s, width) + 2) * channels` f64.
 */
export function windowMeans(
  out: usize,
  o: i32,
  image: usize,
  base: i32,
  height: i32,
  width: i32,
  channels: i32,
  cornerY: i32,
  cornerX: i32,
  h: i32,
  w: i32,
  s: i32,
  edge: bool,
  sums: usize,
): void {
  const rows = insideSpan(cornerY, h * s, height);
  const columns = insideSpan(cornerX, w * s, width);
  const in0 = spanStart(rows),
    in1 = spanEnd(rows);
  const c0 = spanStart(columns),
    c1 = spanEnd(columns);
  const rowStride = width * channels;
  if (s == 1) {
    copySamples(
      out,
      o,
      image,
      base,
      height,
      rowStride,
      channels,
      cornerY,
      cornerX,
      w,
      edge ? 0 : in0,
      edge ? h : in1,
      c0,
      c1,
      edge,
    );
    return;
  }
  if (!edge && (in0 == in1 || c0 == c1)) return;
  // Column sums: the window's inside columns, then (edge) image columns 0 and width - 1.
  const n = (c1 - c0) * channels;
  const left = sums + ((<usize>n) << 3);
  const right = left + ((<usize>channels) << 3);
  const x0 = edge ? 0 : c0 / s,
    x1 = edge ? w : (c1 + s - 1) / s;
  const y0 = edge ? 0 : in0 / s,
    y1 = edge ? h : (in1 + s - 1) / s;
  const lastRow = base + (height - 1) * rowStride;
  for (let y = y0; y < y1; y++) {
    // Window rows [y*s, y*s + s): `above` of them clamp to image row 0, `below` to the last.
    const a0 = max(y * s, in0),
      a1 = max(a0, min(y * s + s, in1));
    const above = edge ? <f64>min(s, max(0, in0 - y * s)) : 0;
    const below = edge ? <f64>(s - (a1 - a0)) - above : 0;
    const first = base + (cornerY + a0) * rowStride;
    columnSums(
      sums,
      image,
      first + (cornerX + c0) * channels,
      a1 - a0,
      rowStride,
      n,
      above,
      base + (cornerX + c0) * channels,
      below,
      lastRow + (cornerX + c0) * channels,
    );
    if (edge && c0 > 0) columnSums(left, image, first, a1 - a0, rowStride, channels, above, base, below, lastRow);
    if (edge && c1 < w * s) {
      const end = rowStride - channels;
      columnSums(right, image, first + end, a1 - a0, rowStride, channels, above, base + end, below, lastRow + end);
    }
    blockMeans(out, o + y * w * channels, sums, left, right, x0, x1, c0, c1, s, channels, edge);
  }
}

/**
 * noisyBilinearMeans for s = 1 and more than a copy: per output the four samples, each inside
 * one read, the others the output position's noise (drawn once, a row's into `noiseRow`, w * C
 * float32); outputs whose four samples are all inside go through insidePixels. The arithmetic
 * is noisyBilinearMeans' own.
 */
function noisyPixels(
  out: usize,
  o: i32,
  image: usize,
  base: i32,
  height: i32,
  width: i32,
  channels: i32,
  reachable: bool,
  cornerY: i32,
  cornerX: i32,
  h: i32,
  w: i32,
  mode: i32,
  key: u32,
  lo: f64,
  hi: f64,
  stats: usize,
  windowRow: i32,
  first: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
  noiseRow: usize,
): void {
  const rowStride = width * channels;
  const total = w * channels;
  // Outputs [k0, k1) of a row read only inside samples when both its sample rows are inside.
  const x0 = min(w, max(0, -cornerX)),
    x1 = max(x0, min(w, width - 1 - cornerX));
  const k0 = x0 * channels,
    k1 = x1 * channels;
  for (let y = 0; y < h; y++, o += total) {
    const r0 = cornerY + y;
    const in0 = reachable && r0 >= 0 && r0 < height;
    const in1 = reachable && r0 + 1 >= 0 && r0 + 1 < height;
    const row = base + r0 * rowStride + cornerX * channels;
    const fast = in0 && in1 && k0 < k1;
    // The row's noise, drawn in runs: every output, or those around the inside run.
    const counter = first + y * windowRow;
    if (fast) {
      insidePixels(out, o, image, row, rowStride, channels, k0, k1, w00, w01, w10, w11);
      drawNoise(noiseRow, counter, k0, mode, key, lo, hi, stats, channels);
      drawNoise(f32At(noiseRow, k1), counter + k1, total - k1, mode, key, lo, hi, stats, channels);
    } else {
      drawNoise(noiseRow, counter, total, mode, key, lo, hi, stats, channels);
    }
    for (let x = 0, k = 0; x < w; x++) {
      if (fast && x == x0) {
        x = x1 - 1;
        k = k1;
        continue;
      }
      const left = reachable && cornerX + x >= 0 && cornerX + x < width;
      const right = reachable && cornerX + x + 1 >= 0 && cornerX + x + 1 < width;
      for (let c = 0; c < channels; c++, k++) {
        const noise = <f64>load<f32>(f32At(noiseRow, k));
        const at = row + k;
        let sum: f64 = 0;
        if (w00 != 0) sum += w00 * (in0 && left ? <f64>load<f32>(f32At(image, at)) : noise);
        if (w01 != 0) sum += w01 * (in0 && right ? <f64>load<f32>(f32At(image, at + channels)) : noise);
        if (w10 != 0) sum += w10 * (in1 && left ? <f64>load<f32>(f32At(image, at + rowStride)) : noise);
        if (w11 != 0) sum += w11 * (in1 && right ? <f64>load<f32>(f32At(image, at + rowStride + channels)) : noise);
        store<f32>(f32At(out, o + k), <f32>sum);
      }
    }
  }
}

/**
 * noisyBilinearMeans' outputs `[k0, k1)` of one row whose four samples are all inside (s = 1):
 * output k's samples are `image[row + k]`, the next pixel's, and those a row below; the
 * weighted sum in noisyBilinearMeans' order, two outputs at a time with SIMD.
 */
function insidePixels(
  out: usize,
  o: i32,
  image: usize,
  row: i32,
  rowStride: i32,
  channels: i32,
  k0: i32,
  k1: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
): void {
  let k = k0;
  const below = row + rowStride;
  if (ASC_FEATURE_SIMD) {
    const g00 = f64x2.splat(w00),
      g01 = f64x2.splat(w01),
      g10 = f64x2.splat(w10),
      g11 = f64x2.splat(w11);
    for (; k + 2 <= k1; k += 2) {
      let sum = f64x2.splat(0);
      if (w00 != 0) sum = f64x2.add(sum, f64x2.mul(g00, pixelPair(image, row + k)));
      if (w01 != 0) sum = f64x2.add(sum, f64x2.mul(g01, pixelPair(image, row + k + channels)));
      if (w10 != 0) sum = f64x2.add(sum, f64x2.mul(g10, pixelPair(image, below + k)));
      if (w11 != 0) sum = f64x2.add(sum, f64x2.mul(g11, pixelPair(image, below + k + channels)));
      store<f32>(f32At(out, o + k), <f32>f64x2.extract_lane(sum, 0));
      store<f32>(f32At(out, o + k + 1), <f32>f64x2.extract_lane(sum, 1));
    }
  }
  for (; k < k1; k++) {
    let sum: f64 = 0;
    if (w00 != 0) sum += w00 * <f64>load<f32>(f32At(image, row + k));
    if (w01 != 0) sum += w01 * <f64>load<f32>(f32At(image, row + k + channels));
    if (w10 != 0) sum += w10 * <f64>load<f32>(f32At(image, below + k));
    if (w11 != 0) sum += w11 * <f64>load<f32>(f32At(image, below + k + channels));
    store<f32>(f32At(out, o + k), <f32>sum);
  }
}

/** The float32 samples at `image[p]` and `image[p + 1]` as an f64x2. */
function pixelPair(image: usize, p: i32): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(f32At(image, p)));
}

/** Scale 1 x 1: the window's samples themselves (edge padding repeats the border pixels). */
function copySamples(
  out: usize,
  o: i32,
  image: usize,
  base: i32,
  height: i32,
  rowStride: i32,
  channels: i32,
  cornerY: i32,
  cornerX: i32,
  w: i32,
  r0: i32,
  r1: i32,
  c0: i32,
  c1: i32,
  edge: bool,
): void {
  for (let a = r0; a < r1; a++) {
    const first = base + min(height - 1, max(0, cornerY + a)) * rowStride;
    const row = o + a * w * channels;
    if (c1 > c0) {
      copyBytes(
        f32At(out, row + c0 * channels),
        f32At(image, first + (cornerX + c0) * channels),
        (<usize>((c1 - c0) * channels)) << 2,
      );
    }
    if (!edge) continue;
    for (let q = 0, c = 0; q < c0 * channels; q++) {
      store<f32>(f32At(out, row + q), load<f32>(f32At(image, first + c)));
      if (++c == channels) c = 0;
    }
    const last = first + rowStride - channels;
    for (let q = c1 * channels, c = 0; q < w * channels; q++) {
      store<f32>(f32At(out, row + q), load<f32>(f32At(image, last + c)));
      if (++c == channels) c = 0;
    }
  }
}

/**
 * Block means with noise padding (kernels/cpu/mapped_window.ts): outside samples take the
 * noise of their position in the scale's whole window (`first`, rows `windowRow` apart).
 * `reachable` false: every sample is outside.
 */
export function noisyMeans(
  out: usize,
  o: i32,
  image: usize,
  base: i32,
  height: i32,
  width: i32,
  channels: i32,
  reachable: bool,
  cornerY: i32,
  cornerX: i32,
  h: i32,
  w: i32,
  s: i32,
  mode: i32,
  key: u32,
  lo: f64,
  hi: f64,
  stats: usize,
  windowRow: i32,
  first: i32,
): void {
  const count = <f64>(s * s);
  const rowStride = width * channels;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < channels; c++) {
        let sum: f64 = -0.0;
        for (let a = 0; a < s; a++) {
          const i = y * s + a;
          const r = cornerY + i;
          const rowInside = reachable && r >= 0 && r < height;
          for (let d = 0; d < s; d++) {
            const j = x * s + d;
            const q = cornerX + j;
            sum +=
              rowInside && q >= 0 && q < width
                ? <f64>load<f32>(f32At(image, base + r * rowStride + q * channels + c))
                : noiseAt(mode, key, <u32>(first + i * windowRow + j * channels + c), c, lo, hi, stats, channels);
          }
        }
        store<f32>(f32At(out, o++), <f32>(sum / count));
      }
    }
  }
}

/**
 * A bilinear window with noise padding: the four whole-pixel neighbours' block means (each as
 * noisyMeans would give it, rounded to float32), weighted and summed as `combine` does. The
 * neighbours share each window position's noise, drawn once here instead of four times.
 * Neighbour k sits at (cornerY + k / 2, cornerX + k % 2) and is used where its weight is not 0;
 * `reachable` false: every sample is noise. `noiseRow`: scratch of w * C float32 (s = 1 takes it).
 */
export function noisyBilinearMeans(
  out: usize,
  o: i32,
  image: usize,
  base: i32,
  height: i32,
  width: i32,
  channels: i32,
  reachable: bool,
  cornerY: i32,
  cornerX: i32,
  h: i32,
  w: i32,
  s: i32,
  mode: i32,
  key: u32,
  lo: f64,
  hi: f64,
  stats: usize,
  windowRow: i32,
  first: i32,
  w00: f64,
  w01: f64,
  w10: f64,
  w11: f64,
  noiseRow: usize,
): void {
  const count = <f64>(s * s);
  const rowStride = width * channels;
  const use0 = w00 != 0,
    use1 = w01 != 0,
    use2 = w10 != 0,
    use3 = w11 != 0;
  // One neighbour of weight 1 is copied as it is (-0 included), as combine does.
  const used = <i32>use0 + <i32>use1 + <i32>use2 + <i32>use3;
  const alone = used == 1 && (use0 ? w00 : use1 ? w01 : use2 ? w10 : w11) == 1;
  if (s == 1 && !alone) {
    // prettier-ignore
    noisyPixels(
      out, o, image, base, height, width, channels, reachable, cornerY, cornerX, h, w, mode, key, lo, hi, stats,
      windowRow, first, w00, w01, w10, w11, noiseRow,
    );
    return;
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < channels; c++) {
        let s0: f64 = -0.0,
          s1: f64 = -0.0,
          s2: f64 = -0.0,
          s3: f64 = -0.0;
        for (let a = 0; a < s; a++) {
          const i = y * s + a;
          const r0 = cornerY + i;
          const r1 = r0 + 1;
          const in0 = reachable && r0 >= 0 && r0 < height;
          const in1 = reachable && r1 >= 0 && r1 < height;
          for (let d = 0; d < s; d++) {
            const j = x * s + d;
            const q0 = cornerX + j;
            const q1 = q0 + 1;
            const left = q0 >= 0 && q0 < width;
            const right = q1 >= 0 && q1 < width;
            let noise: f64 = 0;
            if (!(in0 && left && in1 && right)) {
              noise = noiseAt(mode, key, <u32>(first + i * windowRow + j * channels + c), c, lo, hi, stats, channels);
            }
            const at0 = base + r0 * rowStride + q0 * channels + c;
            if (use0) s0 += in0 && left ? <f64>load<f32>(f32At(image, at0)) : noise;
            if (use1) s1 += in0 && right ? <f64>load<f32>(f32At(image, at0 + channels)) : noise;
            if (use2) s2 += in1 && left ? <f64>load<f32>(f32At(image, at0 + rowStride)) : noise;
            if (use3) s3 += in1 && right ? <f64>load<f32>(f32At(image, at0 + rowStride + channels)) : noise;
          }
        }
        if (alone) {
          const only = use0 ? s0 : use1 ? s1 : use2 ? s2 : s3;
          store<f32>(f32At(out, o++), <f32>(only / count));
          continue;
        }
        let sum: f64 = 0;
        if (use0) sum += w00 * <f64>(<f32>(s0 / count));
        if (use1) sum += w01 * <f64>(<f32>(s1 / count));
        if (use2) sum += w10 * <f64>(<f32>(s2 / count));
        if (use3) sum += w11 * <f64>(<f32>(s3 / count));
        store<f32>(f32At(out, o++), <f32>sum);
      }
    }
  }
}
