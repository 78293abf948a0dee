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
    let lo4 = f32x4.splat(Infinity),
      hi4 = f32x4.splat(-Infinity);
    for (; k + 4 <= count; k += 4) {
      const v = v128.load(values + ((<usize>k) << 2));
      lo4 = f32x4.min(lo4, v);
      hi4 = f32x4.max(hi4, v);
    }
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
