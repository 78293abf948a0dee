/**
 * Sums of the glimpse sensor's s x s blocks (kernels/cpu/block_sums.ts): float64, rounded once
 * when a mean is stored; accumulators start at -0 so a one-sample block stores its sample.
 * `sums` and the images are addresses; every index counts float32 (image) or f64 (sums) values.
 */
import {f32At} from './geometry';
import * as colour from './simd_sums';
import {sumRun} from './simd_sums';

function px(image: usize, index: i32): f64 {
  return <f64>load<f32>(f32At(image, index));
}

function addSum(sums: usize, index: i32, v: f64): void {
  const at = sums + ((<usize>index) << 3);
  store<f64>(at, load<f64>(at) + v);
}

/** Adds window columns `[j0, j1)` of one row, all in block x. */
function addRun(sums: usize, x: i32, image: usize, row: i32, j0: i32, j1: i32, channels: i32): void {
  for (let c = 0; c < channels; c++) {
    let t: f64 = -0.0;
    for (let q = row + j0 * channels + c, end = row + j1 * channels; q < end; q += channels) t += px(image, q);
    addSum(sums, x * channels + c, t);
  }
}

/** One channel: blocks [x0, x1) of s consecutive samples from `image[q]` on. */
function addWholeBlocks(sums: usize, image: usize, q: i32, x0: i32, x1: i32, s: i32): void {
  if (s == 1) {
    for (let x = x0; x < x1; x++, q++) addSum(sums, x, px(image, q));
  } else if (s == 2) {
    for (let x = x0; x < x1; x++, q += 2) addSum(sums, x, px(image, q) + px(image, q + 1));
  } else if (s == 4) {
    for (let x = x0; x < x1; x++, q += 4) {
      addSum(sums, x, px(image, q) + px(image, q + 1) + (px(image, q + 2) + px(image, q + 3)));
    }
  } else {
    for (let x = x0; x < x1; x++, q += s) addSum(sums, x, sumRun(image, q, s));
  }
}

/** Several channels: blocks [x0, x1) of s consecutive pixels from `image[q]` on. */
function addWholeBlocksChannels(sums: usize, image: usize, q: i32, x0: i32, x1: i32, s: i32, channels: i32): void {
  const stride = s * channels;
  if (channels == 3) {
    for (let x = x0; x < x1; x++, q += stride) {
      colour.red = colour.green = colour.blue = -0.0;
      colour.addColourRun(image, q, s);
      addSum(sums, 3 * x, colour.red);
      addSum(sums, 3 * x + 1, colour.green);
      addSum(sums, 3 * x + 2, colour.blue);
    }
    return;
  }
  for (let x = x0; x < x1; x++, q += stride) {
    for (let c = 0; c < channels; c++) {
      let t: f64 = -0.0;
      for (let p = q + c, end = q + stride; p < end; p += channels) t += px(image, p);
      addSum(sums, x * channels + c, t);
    }
  }
}

/** Adds the inside samples of one window row: window column j is `image[row + j * channels]`, j in [c0, c1). */
export function addRowSums(sums: usize, image: usize, row: i32, c0: i32, c1: i32, s: i32, channels: i32): void {
  if (c0 >= c1) return;
  const full0 = (c0 + s - 1) / s;
  const full1 = c1 / s;
  if (full0 > full1) {
    addRun(sums, full1, image, row, c0, c1, channels);
    return;
  }
  if (c0 < full0 * s) addRun(sums, full0 - 1, image, row, c0, full0 * s, channels);
  if (full1 * s < c1) addRun(sums, full1, image, row, full1 * s, c1, channels);
  if (channels == 1) addWholeBlocks(sums, image, row + full0 * s, full0, full1, s);
  else addWholeBlocksChannels(sums, image, row + full0 * s * channels, full0, full1, s, channels);
}

/** Adds the pixel at `image[at]` `times` times to block x. */
function addRepeated(sums: usize, x: i32, image: usize, at: i32, times: i32, channels: i32): void {
  for (let c = 0; c < channels; c++) addSum(sums, x * channels + c, <f64>times * px(image, at + c));
}

/**
 * Adds a window row's outside samples under edge padding: columns left of the image repeat
 * the image row's first pixel (`image[first]`), columns right of it its last.
 */
export function addEdgeSums(
  sums: usize,
  image: usize,
  first: i32,
  c0: i32,
  c1: i32,
  glimpse: i32,
  s: i32,
  channels: i32,
  rowStride: i32,
): void {
  const last = first + rowStride - channels;
  for (let x = 0; x * s < c0; x++) addRepeated(sums, x, image, first, min(x * s + s, c0) - x * s, channels);
  for (let x = c1 / s; x * s < glimpse; x++) addRepeated(sums, x, image, last, x * s + s - max(x * s, c1), channels);
}

/**
 * Means of `blocks` whole blocks side by side, all inside the image, the first's top-left
 * sample at `image[top]`, written from `out[at]` on.
 */
export function wholeBlockMeans(
  out: usize,
  at: i32,
  image: usize,
  top: i32,
  blocks: i32,
  s: i32,
  channels: i32,
  rowStride: i32,
): void {
  const count = <f64>(s * s);
  if (channels == 1 && s == 2) {
    for (let x = 0, q = top; x < blocks; x++, q += 2) {
      const v = px(image, q) + px(image, q + 1) + (px(image, q + rowStride) + px(image, q + rowStride + 1));
      store<f32>(f32At(out, at + x), <f32>(v / 4));
    }
  } else if (channels == 1 && s == 4) {
    const r = rowStride;
    for (let x = 0, q = top; x < blocks; x++, q += 4) {
      const t0 = px(image, q) + px(image, q + 1) + (px(image, q + 2) + px(image, q + 3));
      const t1 = px(image, q + r) + px(image, q + r + 1) + (px(image, q + r + 2) + px(image, q + r + 3));
      const t2 =
        px(image, q + 2 * r) + px(image, q + 2 * r + 1) + (px(image, q + 2 * r + 2) + px(image, q + 2 * r + 3));
      const t3 =
        px(image, q + 3 * r) + px(image, q + 3 * r + 1) + (px(image, q + 3 * r + 2) + px(image, q + 3 * r + 3));
      store<f32>(f32At(out, at + x), <f32>((t0 + t1 + (t2 + t3)) / 16));
    }
  } else if (channels == 3) {
    colourBlockMeans(out, at, image, top, blocks, s, rowStride, count);
  } else if (channels == 1) {
    for (let x = 0, block = top; x < blocks; x++, block += s) {
      let t: f64 = -0.0;
      for (let a = 0, row = block; a < s; a++, row += rowStride) t += sumRun(image, row, s);
      store<f32>(f32At(out, at++), <f32>(t / count));
    }
  } else {
    const stride = s * channels;
    for (let x = 0, block = top; x < blocks; x++, block += stride) {
      for (let c = 0; c < channels; c++) {
        let t: f64 = -0.0;
        for (let a = 0, row = block + c; a < s; a++, row += rowStride) {
          for (let p = row, end = row + stride; p < end; p += channels) t += px(image, p);
        }
        store<f32>(f32At(out, at++), <f32>(t / count));
      }
    }
  }
}

/** Colour: the three channels in one pass over each block (each channel's order unchanged). */
function colourBlockMeans(
  out: usize,
  at: i32,
  image: usize,
  top: i32,
  blocks: i32,
  s: i32,
  rowStride: i32,
  count: f64,
): void {
  const stride = s * 3;
  for (let x = 0, block = top; x < blocks; x++, block += stride) {
    colour.red = colour.green = colour.blue = -0.0;
    for (let a = 0, row = block; a < s; a++, row += rowStride) colour.addColourRun(image, row, s);
    store<f32>(f32At(out, at++), <f32>(colour.red / count));
    store<f32>(f32At(out, at++), <f32>(colour.green / count));
    store<f32>(f32At(out, at++), <f32>(colour.blue / count));
  }
}
