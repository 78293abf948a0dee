/**
 * ExtractGlimpse, one window at a time (kernels/cpu/extract_glimpse_impl.ts and
 * extract_glimpse_grad_impl.ts): the inside part copied as row segments, noise written only
 * at outside positions.
 */
import {copyRows, insideSpan, spanEnd, spanStart} from './geometry';
import {fillNoise} from './noise';

/**
 * Window b of the forward op: `out` and `image` are the tensors' addresses, `outBase` and
 * `imageBase` the window's and its image's first elements; `reachable` is false where the
 * window has no corner (all noise). The noise plan is (mode, key, lo, hi, stats).
 */
export function glimpseWindow(
  out: usize,
  outBase: i32,
  image: usize,
  imageBase: i32,
  h: i32,
  w: i32,
  channels: i32,
  height: i32,
  width: i32,
  reachable: bool,
  cornerY: i32,
  cornerX: i32,
  mode: i32,
  key: u32,
  lo: f64,
  hi: f64,
  stats: usize,
): void {
  const outRow = w * channels;
  const glimpseSize = h * outRow;
  let r0 = 0,
    r1 = 0,
    c0 = 0,
    c1 = 0;
  if (reachable) {
    const rows = insideSpan(cornerY, h, height);
    r0 = spanStart(rows);
    r1 = spanEnd(rows);
    if (r1 > r0) {
      const columns = insideSpan(cornerX, w, width);
      c0 = spanStart(columns);
      c1 = spanEnd(columns);
    }
  }
  const inside = r1 > r0 && c1 > c0;
  const whole = r0 == 0 && r1 == h && c0 == 0 && c1 == w;
  if (!whole) {
    if (!inside) {
      fillNoise(out, outBase, glimpseSize, mode, key, lo, hi, stats, channels);
    } else {
      fillNoise(out, outBase, r0 * outRow, mode, key, lo, hi, stats, channels);
      for (let i = r0; i < r1; i++) {
        const rowBase = outBase + i * outRow;
        if (c0 > 0) fillNoise(out, rowBase, c0 * channels, mode, key, lo, hi, stats, channels);
        if (c1 < w) fillNoise(out, rowBase + c1 * channels, (w - c1) * channels, mode, key, lo, hi, stats, channels);
      }
      fillNoise(out, outBase + r1 * outRow, (h - r1) * outRow, mode, key, lo, hi, stats, channels);
    }
  }
  if (!inside) return;
  const src = imageBase + ((cornerY + r0) * width + cornerX + c0) * channels;
  const dst = outBase + r0 * outRow + c0 * channels;
  copyRows(out, dst, outRow, image, src, width * channels, r1 - r0, (c1 - c0) * channels);
}

/** Window b of the backward op: its inside part of `dy` copied back into `dx`, which holds zeros. */
export function glimpseGradWindow(
  dx: usize,
  imageBase: i32,
  dy: usize,
  dyBase: i32,
  h: i32,
  w: i32,
  channels: i32,
  height: i32,
  width: i32,
  cornerY: i32,
  cornerX: i32,
): void {
  const rows = insideSpan(cornerY, h, height);
  const columns = insideSpan(cornerX, w, width);
  const r0 = spanStart(rows),
    r1 = spanEnd(rows),
    c0 = spanStart(columns),
    c1 = spanEnd(columns);
  if (r1 <= r0 || c1 <= c0) return;
  const glimpseRow = w * channels;
  const src = dyBase + r0 * glimpseRow + c0 * channels;
  const dst = imageBase + ((cornerY + r0) * width + cornerX + c0) * channels;
  copyRows(dx, dst, width * channels, dy, src, glimpseRow, r1 - r0, (c1 - c0) * channels);
}

/** Zeroes `count` float32 values from `at`. */
export function zeroFloats(at: usize, count: i32): void {
  memory.fill(at, 0, (<usize>count) << 2);
}
