/**
 * Sums of the glimpse sensor's s x s blocks (kernels/cpu/block_sums.ts), one block row at a
 * time: first every window column's sum down the block row's s rows (SIMD across columns,
 * any number of channels), then each block's sum across its s columns. float64 throughout,
 * rounded once when a mean is stored. The order of the additions is not the JS kernel's,
 * which cannot show: a block's float64 sum of float32 samples is exact, and so is a count
 * times a sample, which is how edge padding's repeated rows and columns enter.
 * Sums start at -0, the identity of IEEE addition; a count of 0 adds nothing (0 * -0 would
 * turn a block of -0 samples into +0, 0 * Infinity into NaN).
 */
import {f32At} from './geometry';

function sample(image: usize, index: i32): f64 {
  return <f64>load<f32>(f32At(image, index));
}

function f64At(base: usize, index: i32): usize {
  return base + ((<usize>index) << 3);
}

/**
 * `cols[j] = Σ image[first + r * stride + j]` over `rows` rows, plus `above` times
 * `image[top + j]` and `below` times `image[bottom + j]`, for j in `[0, n)`.
 */
export function columnSums(
  cols: usize,
  image: usize,
  first: i32,
  rows: i32,
  stride: i32,
  n: i32,
  above: f64,
  top: i32,
  below: f64,
  bottom: i32,
): void {
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    // Eight columns at a time: four independent accumulators keep the adds in flight.
    for (; j + 8 <= n; j += 8) {
      let a = f64x2.splat(-0.0);
      let b = f64x2.splat(-0.0);
      let c = f64x2.splat(-0.0);
      let d = f64x2.splat(-0.0);
      for (let r = 0, p = first + j; r < rows; r++, p += stride) {
        const v = v128.load(f32At(image, p));
        const u = v128.load(f32At(image, p + 4));
        a = f64x2.add(a, f64x2.promote_low_f32x4(v));
        b = f64x2.add(b, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3)));
        c = f64x2.add(c, f64x2.promote_low_f32x4(u));
        d = f64x2.add(d, f64x2.promote_low_f32x4(v128.shuffle<f32>(u, u, 2, 3, 2, 3)));
      }
      // The border rows, above then below, each its count times.
      for (let e = 0; e < 2; e++) {
        const times = e == 0 ? above : below;
        if (times == 0) continue;
        const g = f64x2.splat(times);
        const at = (e == 0 ? top : bottom) + j;
        const v = v128.load(f32At(image, at));
        const u = v128.load(f32At(image, at + 4));
        a = f64x2.add(a, f64x2.mul(g, f64x2.promote_low_f32x4(v)));
        b = f64x2.add(b, f64x2.mul(g, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3))));
        c = f64x2.add(c, f64x2.mul(g, f64x2.promote_low_f32x4(u)));
        d = f64x2.add(d, f64x2.mul(g, f64x2.promote_low_f32x4(v128.shuffle<f32>(u, u, 2, 3, 2, 3))));
      }
      v128.store(f64At(cols, j), a);
      v128.store(f64At(cols, j + 2), b);
      v128.store(f64At(cols, j + 4), c);
      v128.store(f64At(cols, j + 6), d);
    }
  }
  for (; j < n; j++) {
    let t: f64 = -0.0;
    for (let r = 0, p = first + j; r < rows; r++, p += stride) t += sample(image, p);
    if (above != 0) t += above * sample(image, top + j);
    if (below != 0) t += below * sample(image, bottom + j);
    store<f64>(f64At(cols, j), t);
  }
}

/**
 * Block means of one block row from its column sums: block x covers window columns
 * `[x*s, x*s + s)`; of those, the ones in `[c0, c1)` are `cols[(j - c0) * channels + c]`,
 * the ones left of c0 repeat `left[c]` and the ones right of c1 `right[c]` (edge padding;
 * zero padding passes `edge` false and adds nothing for them). Writes blocks `[x0, x1)`
 * from `out[at]` on.
 */
export function blockMeans(
  out: usize,
  at: i32,
  cols: usize,
  left: usize,
  right: usize,
  x0: i32,
  x1: i32,
  c0: i32,
  c1: i32,
  s: i32,
  channels: i32,
  edge: bool,
): void {
  // Blocks [whole0, whole1) lie wholly inside [c0, c1).
  const whole0 = min(x1, max(x0, (c0 + s - 1) / s));
  const whole1 = max(whole0, min(x1, c1 / s));
  const count = <f64>(s * s);
  let x = whole0;
  if (ASC_FEATURE_SIMD && channels == 3 && (s & 1) == 0) {
    // Two pixels, r0 g0 b0 r1 g1 b1, as (r0, g0), (b0, r1) and (g1, b1): three sums apart.
    for (let p = (whole0 * s - c0) * 3; x < whole1; x++) {
      let a = f64x2.splat(-0.0);
      let b = f64x2.splat(-0.0);
      let c = f64x2.splat(-0.0);
      for (let d = 0; d < s; d += 2, p += 6) {
        a = f64x2.add(a, v128.load(f64At(cols, p)));
        b = f64x2.add(b, v128.load(f64At(cols, p + 2)));
        c = f64x2.add(c, v128.load(f64At(cols, p + 4)));
      }
      const q = at + x * 3;
      store<f32>(f32At(out, q), <f32>((f64x2.extract_lane(a, 0) + f64x2.extract_lane(b, 1)) / count));
      store<f32>(f32At(out, q + 1), <f32>((f64x2.extract_lane(a, 1) + f64x2.extract_lane(c, 0)) / count));
      store<f32>(f32At(out, q + 2), <f32>((f64x2.extract_lane(b, 0) + f64x2.extract_lane(c, 1)) / count));
    }
  }
  if (ASC_FEATURE_SIMD && channels == 1 && (s & 1) == 0) {
    for (let p = whole0 * s - c0; x < whole1; x++) {
      let a = f64x2.splat(-0.0);
      for (let d = 0; d < s; d += 2, p += 2) a = f64x2.add(a, v128.load(f64At(cols, p)));
      store<f32>(f32At(out, at + x), <f32>((f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1)) / count));
    }
  }
  if (ASC_FEATURE_SIMD && (channels & 1) == 0) {
    // Channel pairs side by side.
    for (; x < whole1; x++) {
      for (let c = 0; c < channels; c += 2) {
        let a = f64x2.splat(-0.0);
        for (let d = 0, p = (x * s - c0) * channels + c; d < s; d++, p += channels) {
          a = f64x2.add(a, v128.load(f64At(cols, p)));
        }
        const q = at + x * channels + c;
        store<f32>(f32At(out, q), <f32>(f64x2.extract_lane(a, 0) / count));
        store<f32>(f32At(out, q + 1), <f32>(f64x2.extract_lane(a, 1) / count));
      }
    }
  }
  partBlockMeans(out, at, cols, left, right, x, whole1, c0, c1, s, channels, edge);
  partBlockMeans(out, at, cols, left, right, x0, whole0, c0, c1, s, channels, edge);
  partBlockMeans(out, at, cols, left, right, whole1, x1, c0, c1, s, channels, edge);
}

/** blockMeans for blocks `[x0, x1)`, partly or wholly outside `[c0, c1)`: a few per window row. */
function partBlockMeans(
  out: usize,
  at: i32,
  cols: usize,
  left: usize,
  right: usize,
  x0: i32,
  x1: i32,
  c0: i32,
  c1: i32,
  s: i32,
  channels: i32,
  edge: bool,
): void {
  const count = <f64>(s * s);
  for (let x = x0; x < x1; x++) {
    const j0 = max(x * s, c0),
      j1 = max(j0, min(x * s + s, c1));
    const before = edge ? <f64>min(s, max(0, c0 - x * s)) : 0;
    const after = edge ? <f64>(s - (j1 - j0)) - before : 0;
    for (let c = 0; c < channels; c++) {
      let t: f64 = -0.0;
      for (let q = (j0 - c0) * channels + c, end = (j1 - c0) * channels; q < end; q += channels) {
        t += load<f64>(f64At(cols, q));
      }
      if (before != 0) t += before * load<f64>(f64At(left, c));
      if (after != 0) t += after * load<f64>(f64At(right, c));
      store<f32>(f32At(out, at + x * channels + c), <f32>(t / count));
    }
  }
}
