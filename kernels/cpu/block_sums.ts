/**
 * Sums of the glimpse sensor's s x s blocks, one window row at a time (docs/semantics.md, "The
 * glimpse sensor"): `sums[x * channels + c]` gathers block x of the current block row. The sums
 * are float64, rounded once when the mean is stored, so the order of the additions does not
 * show; that leaves the loops free to read each row contiguously, with the common block
 * sides unrolled. Accumulators start at -0, the identity of IEEE addition, so a one-sample
 * block (s = 1) stores its sample itself, -0 included.
 */
import type {BlockLayout} from './image_window';

type Values = Float32Array | Int32Array | Uint8Array;

/** A window's rows or columns `[start, end)` that fall inside the image (`insideSpan`). */
export type Span = readonly [number, number];

/**
 * Adds the inside samples of one window row: window column j is `image[row + j * channels]`
 * for j in `[c0, c1)`.
 */
export function addRowSums(
  sums: Float64Array,
  image: Values,
  row: number,
  c0: number,
  c1: number,
  layout: BlockLayout,
): void {
  if (c0 >= c1) return;
  const {s, channels} = layout;
  // Blocks [full0, full1) lie wholly inside the span; the ones around them only in part.
  const full0 = Math.ceil(c0 / s);
  const full1 = Math.floor(c1 / s);
  if (full0 > full1) {
    addRun(sums, full1, image, row, c0, c1, channels);
    return;
  }
  if (c0 < full0 * s) addRun(sums, full0 - 1, image, row, c0, full0 * s, channels);
  if (full1 * s < c1) addRun(sums, full1, image, row, full1 * s, c1, channels);
  if (channels === 1) addWholeBlocks(sums, image, row + full0 * s, full0, full1, s);
  else addWholeBlocksChannels(sums, image, row + full0 * s * channels, full0, full1, s, channels);
}

/**
 * Adds a window row's outside samples under edge padding: columns left of the image repeat
 * its first pixel (`image[first]`, the image row's start), columns right of it its last.
 * `glimpse` is the window's width.
 */
export function addEdgeSums(
  sums: Float64Array,
  image: Values,
  first: number,
  columns: Span,
  glimpse: number,
  layout: BlockLayout,
): void {
  const {s, channels, rowStride} = layout;
  const last = first + rowStride - channels;
  const [c0, c1] = columns;
  for (let x = 0; x * s < c0; x++) addRepeated(sums, x, image, first, Math.min(x * s + s, c0) - x * s, channels);
  for (let x = Math.floor(c1 / s); x * s < glimpse; x++) {
    addRepeated(sums, x, image, last, x * s + s - Math.max(x * s, c1), channels);
  }
}

/** Adds window columns `[j0, j1)` of one row, all in block x. */
function addRun(sums: Float64Array, x: number, image: Values, row: number, j0: number, j1: number, channels: number) {
  for (let c = 0; c < channels; c++) {
    let t = -0;
    for (let q = row + j0 * channels + c, end = row + j1 * channels; q < end; q += channels) t += image[q];
    sums[x * channels + c] += t;
  }
}

/** Adds the pixel at `image[at]` `times` times to block x. */
function addRepeated(sums: Float64Array, x: number, image: Values, at: number, times: number, channels: number) {
  for (let c = 0; c < channels; c++) sums[x * channels + c] += times * image[at + c];
}

/** One channel: blocks [x0, x1) of s consecutive samples from `image[q]` on. */
function addWholeBlocks(sums: Float64Array, image: Values, q: number, x0: number, x1: number, s: number) {
  if (s === 1) {
    for (let x = x0; x < x1; x++, q++) sums[x] += image[q];
  } else if (s === 2) {
    for (let x = x0; x < x1; x++, q += 2) sums[x] += image[q] + image[q + 1];
  } else if (s === 4) {
    for (let x = x0; x < x1; x++, q += 4) sums[x] += image[q] + image[q + 1] + (image[q + 2] + image[q + 3]);
  } else {
    for (let x = x0; x < x1; x++) {
      let t = -0;
      for (const end = q + s; q < end; q++) t += image[q];
      sums[x] += t;
    }
  }
}

/** Several channels: blocks [x0, x1) of s consecutive pixels from `image[q]` on. */
function addWholeBlocksChannels(
  sums: Float64Array,
  image: Values,
  q: number,
  x0: number,
  x1: number,
  s: number,
  channels: number,
) {
  const stride = s * channels;
  if (channels === 3) {
    // Colour: the three channels in one pass over the pixels (each channel's order unchanged).
    for (let x = x0; x < x1; x++, q += stride) {
      let [t0, t1, t2] = [-0, -0, -0];
      for (let p = q, end = q + stride; p < end; p += 3) {
        t0 += image[p];
        t1 += image[p + 1];
        t2 += image[p + 2];
      }
      sums[3 * x] += t0;
      sums[3 * x + 1] += t1;
      sums[3 * x + 2] += t2;
    }
    return;
  }
  for (let x = x0; x < x1; x++, q += stride) {
    for (let c = 0; c < channels; c++) {
      let t = -0;
      for (let p = q + c, end = q + stride; p < end; p += channels) t += image[p];
      sums[x * channels + c] += t;
    }
  }
}

/**
 * Means of `blocks` whole blocks side by side, all inside the image, the first's top-left
 * sample at `image[top]`, written from `out[at]` on. One block at a time, no accumulator.
 */
export function wholeBlockMeans(
  out: Float32Array,
  at: number,
  image: Values,
  top: number,
  blocks: number,
  layout: BlockLayout,
): void {
  const {s, channels, rowStride} = layout;
  const count = s * s;
  if (channels === 1 && s === 2) {
    for (let x = 0, q = top; x < blocks; x++, q += 2) {
      out[at + x] = (image[q] + image[q + 1] + (image[q + rowStride] + image[q + rowStride + 1])) / 4;
    }
  } else if (channels === 1 && s === 4) {
    const r = rowStride;
    for (let x = 0, q = top; x < blocks; x++, q += 4) {
      const t0 = image[q] + image[q + 1] + (image[q + 2] + image[q + 3]);
      const t1 = image[q + r] + image[q + r + 1] + (image[q + r + 2] + image[q + r + 3]);
      const t2 = image[q + 2 * r] + image[q + 2 * r + 1] + (image[q + 2 * r + 2] + image[q + 2 * r + 3]);
      const t3 = image[q + 3 * r] + image[q + 3 * r + 1] + (image[q + 3 * r + 2] + image[q + 3 * r + 3]);
      out[at + x] = (t0 + t1 + (t2 + t3)) / 16;
    }
  } else if (channels === 3) {
    // Colour: the three channels in one pass over the block (each channel's order unchanged).
    const stride = s * 3;
    for (let x = 0, block = top; x < blocks; x++, block += stride) {
      let [t0, t1, t2] = [-0, -0, -0];
      for (let a = 0, row = block; a < s; a++, row += rowStride) {
        for (let p = row, end = row + stride; p < end; p += 3) {
          t0 += image[p];
          t1 += image[p + 1];
          t2 += image[p + 2];
        }
      }
      out[at++] = t0 / count;
      out[at++] = t1 / count;
      out[at++] = t2 / count;
    }
  } else {
    const stride = s * channels;
    for (let x = 0, block = top; x < blocks; x++, block += stride) {
      for (let c = 0; c < channels; c++) {
        let t = -0;
        for (let a = 0, row = block + c; a < s; a++, row += rowStride) {
          for (let p = row, end = row + stride; p < end; p += channels) t += image[p];
        }
        out[at++] = t / count;
      }
    }
  }
}
