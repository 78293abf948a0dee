/**
 * float64 sums of float32 runs with WebAssembly SIMD (the `simd` and `shared` builds; the
 * `scalar` build compiles the plain loops instead, ASC_FEATURE_SIMD being false there). The
 * lanes split a run into interleaved parts summed apart and added at the end: float64 sums
 * of float32 samples are exact for the blocks the sensor averages, so the order does not show
 * (kernels/cpu/block_sums.ts), and every path gives the same bits.
 */
import {f32At} from './geometry';

/** Sum of `count` consecutive float32 values from `image[p]`. */
export function sumRun(image: usize, p: i32, count: i32): f64 {
  let t: f64 = -0.0;
  let k = 0;
  if (ASC_FEATURE_SIMD) {
    let even = f64x2.splat(-0.0);
    let odd = f64x2.splat(-0.0);
    for (; k + 4 <= count; k += 4) {
      const v = v128.load(f32At(image, p + k));
      even = f64x2.add(even, f64x2.promote_low_f32x4(v));
      odd = f64x2.add(odd, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3)));
    }
    const both = f64x2.add(even, odd);
    t = f64x2.extract_lane(both, 0) + f64x2.extract_lane(both, 1);
  }
  for (; k < count; k++) t += <f64>load<f32>(f32At(image, p + k));
  return t;
}

/** The three channel sums addColourRun adds to: the caller sets them (to -0) and reads them. */
export let red: f64 = -0.0;
export let green: f64 = -0.0;
export let blue: f64 = -0.0;

/** Adds `pixels` consecutive RGB pixels from `image[p]` to red, green and blue. */
export function addColourRun(image: usize, p: i32, pixels: i32): void {
  let k = 0;
  if (ASC_FEATURE_SIMD) {
    // Two pixels, r0 g0 b0 r1 g1 b1, as (r0, g0), (b0, r1) and (g1, b1).
    let a = f64x2.splat(-0.0);
    let b = f64x2.splat(-0.0);
    let c = f64x2.splat(-0.0);
    for (; k + 2 <= pixels; k += 2, p += 6) {
      const v = v128.load(f32At(image, p));
      a = f64x2.add(a, f64x2.promote_low_f32x4(v));
      b = f64x2.add(b, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3)));
      c = f64x2.add(c, f64x2.promote_low_f32x4(v128.load64_zero(f32At(image, p + 4))));
    }
    red += f64x2.extract_lane(a, 0) + f64x2.extract_lane(b, 1);
    green += f64x2.extract_lane(a, 1) + f64x2.extract_lane(c, 0);
    blue += f64x2.extract_lane(b, 0) + f64x2.extract_lane(c, 1);
  }
  for (; k < pixels; k++, p += 3) {
    red += <f64>load<f32>(f32At(image, p));
    green += <f64>load<f32>(f32At(image, p + 1));
    blue += <f64>load<f32>(f32At(image, p + 2));
  }
}
