/** The shared geometry against TF's own window corners and SPEC's hand-worked arithmetic. */
import {insideSpan, placementSlope, subpixelCorner, windowCorner, type WindowParams} from '../src';
import {ALL_CASES} from './helpers/fixtures';
import {decode, windowParamsOf} from './helpers/golden_run';

// TF reports no corner for an empty output (nothing ran), so those cases are left out.
const withCorners = ALL_CASES.filter(c => c.expected.window_corners && (c.expected.shape ?? [0]).every(d => d > 0));

test.each(withCorners.map(c => [c.name, c] as const))("corner of %s is TF's", (_n, c) => {
  const p = windowParamsOf(c);
  const offsets = decode(c.offsets) as number[][];
  c.expected.window_corners!.forEach((want, b) => {
    const got = windowCorner(offsets[b][0], offsets[b][1], p);
    if (want === null) {
      // TF reports null where no pixel lands in the window.
      const rows = got ? insideSpan(got.y, p.glimpseHeight, p.imageHeight) : [0, 0];
      const cols = got ? insideSpan(got.x, p.glimpseWidth, p.imageWidth) : [0, 0];
      expect(rows[1] > rows[0] && cols[1] > cols[0]).toBe(false);
    } else {
      expect(got).toEqual({y: want[0], x: want[1]});
    }
  });
});

const base: WindowParams = {
  version: 2,
  centered: false,
  normalized: false,
  imageHeight: 5,
  imageWidth: 5,
  glimpseHeight: 3,
  glimpseWidth: 3,
};

test('truncation is toward zero and never yields -0', () => {
  const c = windowCorner(-0.5, -0.9, base)!;
  expect(Object.is(c.y, 0) && Object.is(c.x, 0)).toBe(true);
  expect(windowCorner(-1.5, 2.7, base)).toEqual({y: -1, x: 2});
});

test('V1 always subtracts half the window; V2 only when centered and normalized', () => {
  // V1 pixels: 0 - 1.5 -> -1. V2 pixels: 0 -> 0. V2 centered pixels: 0 + 2.5 -> 2 (no half window).
  expect(windowCorner(0, 0, {...base, version: 1})).toEqual({y: -1, x: -1});
  expect(windowCorner(0, 0, base)).toEqual({y: 0, x: 0});
  expect(windowCorner(0, 0, {...base, centered: true})).toEqual({y: 2, x: 2});
  // V2 normalized only: 0.5 * 5 = 2.5 -> 2, no shift.
  expect(windowCorner(0.5, 0.5, {...base, normalized: true})).toEqual({y: 2, x: 2});
  // V2 both: 0.5*5 = 2.5; /2 = 1.25; +2.5 = 3.75; -1.5 = 2.25 -> 2.
  expect(windowCorner(0.5, 0.5, {...base, normalized: true, centered: true})).toEqual({y: 2, x: 2});
});

test('float32 rounding at each step, not float64: hand-worked', () => {
  // V1 centered normalized, W = 7, w = 4, x = 0.2142857164144516 (the float32 nearest 3/14).
  // float32: x*7 = 1.5 (the exact 1.5000000149 rounds to 1.5); /2 = 0.75; +3.5 = 4.25; -2 = 2.25 -> 2.
  const p: WindowParams = {
    version: 1,
    centered: true,
    normalized: true,
    imageHeight: 6,
    imageWidth: 7,
    glimpseHeight: 3,
    glimpseWidth: 4,
  };
  expect(windowCorner(0, 0.2142857164144516, p)).toEqual({y: 1, x: 2});
  // V2 normalized, W = 10, x = 0.29999998f (0.2999999821186065673828125): the exact product
  // 2.999999821186 truncates to 2 in float64, but float32 rounds it to 2.9999998 -> 2 as well;
  // x = 0.3f (0.300000011920928955078125): 3.0000001192 rounds to 3 in float32 -> 3.
  const q = {...base, normalized: true, imageHeight: 10, imageWidth: 10};
  expect(windowCorner(0.2999999821186065673828125, 0.300000011920928955078125, q)).toEqual({y: 2, x: 3});
  // A case where float64 and float32 disagree: V2 normalized, W = 3, x = 0.99999994f
  // (1 - 2^-24 = 0.999999940395355224609375): exact product 2.999999821 -> 2 in float64, but the
  // nearest float32 of 2.999999821 is 2.9999998 (ulp 2.4e-7 below 3) -> 2. And with W = 5 and
  // x = 0.6f + 1ulp (0.600000083446502685546875): 3.0000004172 -> 3 in both. The traps that do
  // split float32 from float64 are in TF's extra cases (test/fixtures/tf_extra_cases.json).
  expect(windowCorner(0, 0.999999940395355224609375, {...q, imageWidth: 3})).toEqual({y: 0, x: 2});
});

test('non-finite and beyond-int64 coordinates put the window fully outside', () => {
  for (const v of [NaN, Infinity, -Infinity, 1e19, -1e19, 3e38]) {
    expect(windowCorner(v, 0, base)).toBeNull();
    expect(windowCorner(0, v, base)).toBeNull();
  }
  // Normalized: 1e38 * 5 overflows float32 to Infinity.
  expect(windowCorner(1e38, 0, {...base, normalized: true})).toBeNull();
  // Huge but finite within int64: a real (far away) corner.
  expect(windowCorner(3e9, -3e9, base)).toEqual({y: 3e9, x: -3e9});
});

test('insideSpan clips the window to the image axis', () => {
  expect(insideSpan(-2, 5, 4)).toEqual([2, 5]);
  expect(insideSpan(2, 5, 4)).toEqual([0, 2]);
  expect(insideSpan(10, 5, 4)).toEqual([0, 0]);
  expect(insideSpan(-10, 5, 4)).toEqual([5, 5]);
  expect(insideSpan(0, 0, 4)).toEqual([0, 0]);
});

describe('subpixelCorner: the corner before truncation', () => {
  test.each(withCorners.map(c => [c.name, c] as const))('%s: floor + fraction, truncated is windowCorner', (_n, c) => {
    const p = windowParamsOf(c);
    const offsets = decode(c.offsets) as number[][];
    offsets.forEach(([y, x]) => {
      const whole = windowCorner(y, x, p);
      const sub = subpixelCorner(y, x, p);
      expect(sub === null).toBe(whole === null);
      if (!sub || !whole) return;
      for (const [floor, fraction, truncated] of [
        [sub.y, sub.fy, whole.y],
        [sub.x, sub.fx, whole.x],
      ]) {
        expect(Number.isInteger(floor)).toBe(true);
        expect(fraction >= 0 && fraction < 1).toBe(true);
        // The unrounded corner is a float32: floor + fraction is it, and its truncation is TF's corner.
        const unrounded = floor + fraction;
        expect(Math.fround(unrounded)).toBe(unrounded);
        expect(Math.trunc(unrounded) + 0).toBe(truncated);
      }
    });
  });

  test('hand-worked: V2 centered normalized, 0.3 on an 11-pixel axis with a 4-pixel window', () => {
    const p: WindowParams = {
      version: 2,
      centered: true,
      normalized: true,
      imageHeight: 11,
      imageWidth: 11,
      glimpseHeight: 4,
      glimpseWidth: 4,
    };
    // fround(0.3) * 11 = 3.3000000..., /2 + 5.5 - 2 = 5.15 (float32 steps); -0.3 gives 1.85.
    const c = subpixelCorner(0.3, -0.3, p)!;
    expect([c.y, c.x]).toEqual([5, 1]);
    expect(c.fy).toBeCloseTo(0.15, 6);
    expect(c.fx).toBeCloseTo(0.85, 6);
    expect(subpixelCorner(NaN, 0, p)).toBeNull();
  });

  test('placementSlope: d corner / d offset of every placement, against a finite difference', () => {
    for (const version of [1, 2] as const) {
      for (const centered of [true, false]) {
        for (const normalized of [true, false]) {
          const p: WindowParams = {
            version,
            centered,
            normalized,
            imageHeight: 64,
            imageWidth: 32,
            glimpseHeight: 8,
            glimpseWidth: 6,
          };
          const at = (o: number) => {
            const c = subpixelCorner(o, o, p)!;
            return [c.y + c.fy, c.x + c.fx];
          };
          const step = 1 / 16;
          const [y0, x0] = at(0.25);
          const [y1, x1] = at(0.25 + step);
          expect(placementSlope(p)).toEqual([(y1 - y0) / step, (x1 - x0) / step]);
        }
      }
    }
  });
});
