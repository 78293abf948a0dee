/**
 * Uniform noise's bounds (kernels/cpu/noise_stats.ts, imageRange): the min and max over one
 * image, or 0 and 0 where it holds NaN or an infinity. float32 min and max treat -0 as below
 * +0 and pass NaN on, as Math.min and Math.max do, so the bounds are JS's.
 */

/** `[lo, hi]` over `count` float32 values from `values`, written as two f64 at `into`. */
export function imageRange(values: usize, count: i32, into: usize): void {
  let lo: f32 = Infinity,
    hi: f32 = -Infinity;
  let k = 0;
  if (ASC_FEATURE_SIMD) {
    // Four bounds apart, so each min and max waits on its own chain only.
    let lo0 = f32x4.splat(Infinity),
      lo1 = lo0,
      lo2 = lo0,
      lo3 = lo0,
      hi0 = f32x4.splat(-Infinity),
      hi1 = hi0,
      hi2 = hi0,
      hi3 = hi0;
    for (; k + 16 <= count; k += 16) {
      const at = values + ((<usize>k) << 2);
      const a = v128.load(at),
        b = v128.load(at + 16),
        c = v128.load(at + 32),
        d = v128.load(at + 48);
      lo0 = f32x4.min(lo0, a);
      hi0 = f32x4.max(hi0, a);
      lo1 = f32x4.min(lo1, b);
      hi1 = f32x4.max(hi1, b);
      lo2 = f32x4.min(lo2, c);
      hi2 = f32x4.max(hi2, c);
      lo3 = f32x4.min(lo3, d);
      hi3 = f32x4.max(hi3, d);
    }
    for (; k + 4 <= count; k += 4) {
      const v = v128.load(values + ((<usize>k) << 2));
      lo0 = f32x4.min(lo0, v);
      hi0 = f32x4.max(hi0, v);
    }
    const lo4 = f32x4.min(f32x4.min(lo0, lo1), f32x4.min(lo2, lo3));
    const hi4 = f32x4.max(f32x4.max(hi0, hi1), f32x4.max(hi2, hi3));
    lo = min(
      min(f32x4.extract_lane(lo4, 0), f32x4.extract_lane(lo4, 1)),
      min(f32x4.extract_lane(lo4, 2), f32x4.extract_lane(lo4, 3)),
    );
    hi = max(
      max(f32x4.extract_lane(hi4, 0), f32x4.extract_lane(hi4, 1)),
      max(f32x4.extract_lane(hi4, 2), f32x4.extract_lane(hi4, 3)),
    );
  }
  for (; k < count; k++) {
    const v = load<f32>(values + ((<usize>k) << 2));
    lo = min(lo, v);
    hi = max(hi, v);
  }
  // An empty image has no bounds to clear: JS's sums are 0 there, its min and max the infinities.
  const usable = count == 0 || (isFinite(lo) && isFinite(hi));
  store<f64>(into, usable ? <f64>lo : 0);
  store<f64>(into + 8, usable ? <f64>hi : 0);
}
