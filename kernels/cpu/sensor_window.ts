/**
 * One window of the glimpse sensor at a whole-pixel corner: its block means (docs/semantics.md,
 * "The glimpse sensor"), written into a glimpse-sized run of an output. Zero and edge padding
 * sum in float64 (block_sums.ts) and read only the window's inside part: whole blocks in one
 * go, the blocks the image's border cuts (and, for edge padding, the repeated border pixels) a
 * block row at a time. Noise padding checks every sample and draws the outside ones, and
 * reflection maps every sample of a window that reaches outside (mapped_window.ts).
 */
import {insideSpan, type WindowCorner} from '../../src/window_geometry';
import {scaleKey} from '../../src/noise_random';
import type {SensorCall} from '../../src/sensor_prelude';
import type {NoiseMode} from '../../src/kernel_names';
import {addEdgeSums, addRowSums, wholeBlockMeans, type Span} from './block_sums';
import {blockLayout, imageWindow, type ImageWindow} from './image_window';
import {planNoise, type NoisePlan} from './noise_fill';
import {OUTSIDE, mapAxis, mappedBlockMeans} from './mapped_window';
import {bilinearBlockMeans, copyPadded, type Weights} from './bilinear_means';
import {drawsNoise} from '../../src/padding_mode';

type Values = Float32Array | Int32Array | Uint8Array;

/** What one call's windows share: the image, the call, scratch rows, and each image's noise plan. */
export class SensorWindows {
  private readonly noise: NoiseMode | null;
  private readonly sums: Float64Array;
  private readonly rows: Int32Array;
  private readonly cols: Int32Array;
  private readonly scales: Array<{s: number; glimpseHeight: number; glimpseWidth: number}>;
  private plan: NoisePlan | undefined;
  private planFor = -1;
  private padded = new Float32Array(0);

  constructor(
    private readonly image: Values,
    private readonly call: SensorCall,
    private readonly key: number,
  ) {
    const [, , k, h, w, channels] = call.shape;
    const {padding} = call.attrs;
    this.noise = drawsNoise(padding) ? padding : null;
    this.scales = Array.from({length: k}, (_, i) => {
      const {glimpseHeight, glimpseWidth} = call.windowParams(i);
      return {s: call.blockSide(i), glimpseHeight, glimpseWidth};
    });
    const largest = this.scales[k - 1].s;
    this.sums = new Float64Array(w * channels);
    const mapped = this.noise !== null || padding === 'reflection';
    this.rows = new Int32Array(mapped ? h * largest : 0);
    this.cols = new Int32Array(mapped ? w * largest : 0);
  }

  /**
   * Writes the means of image b's window of `scale` at `corner` (null: unreachable) into
   * `out[o, o + h*w*C)`, which holds zeros: blocks of zero padding stay as they are. `l` is
   * the location's index, which numbers the noise draws.
   */
  means(out: Float32Array, o: number, b: number, l: number, scale: number, corner: WindowCorner | null): void {
    const {call, noise} = this;
    const [, , , h, w] = call.shape;
    const {s} = this.scales[scale];
    // An unreachable location leaves a glimpse of zeros, for edge padding too.
    const rows = corner ? insideSpan(corner.y, h * s, call.imageHeight) : ([0, 0] as const);
    const columns = corner ? insideSpan(corner.x, w * s, call.imageWidth) : ([0, 0] as const);
    const whole = rows[0] === 0 && rows[1] === h * s && columns[0] === 0 && columns[1] === w * s;
    // Noise, and reflection of a reachable window, read what reaches outside through maps.
    const mapped = noise !== null || (corner !== null && call.attrs.padding === 'reflection');
    if (whole || !mapped) {
      if (corner) blockMeans(out, o, this.image, imageWindow(call, b, scale, corner), {rows, columns}, this.sums);
      return;
    }
    this.mappedMeans(out, o, b, l, scale, corner);
  }

  /**
   * A window that is not wholly inside its image, every sample mapped under the call's padding
   * (mapped_window.ts): reflection reads its pixel, noise padding draws where none is read.
   */
  private mappedMeans(out: Float32Array, o: number, b: number, l: number, scale: number, corner: WindowCorner | null) {
    const {image, call, noise, rows, cols} = this;
    const [, n, , h, w, channels] = call.shape;
    const {imageHeight: height, imageWidth: width} = call;
    const {s, glimpseHeight, glimpseWidth} = this.scales[scale];
    if (corner) {
      mapAxis(rows, h * s, corner.y, height, width * channels, call.attrs.padding);
      mapAxis(cols, w * s, corner.x, width, channels, call.attrs.padding);
    } else {
      rows.fill(OUTSIDE, 0, h * s);
    }
    mappedBlockMeans(out, o, image, {
      base: b * height * width * channels,
      rows,
      cols,
      size: [h, w],
      channels,
      s,
      noise:
        noise === null
          ? undefined
          : {
              plan: this.planOf(b, noise),
              key: scaleKey(this.key, scale),
              // Noise counters run over the scale's whole window, as in a [batch, n, h*s, w*s, C] glimpse.
              windowRow: glimpseWidth * channels,
              first: (b * n + l) * glimpseHeight * glimpseWidth * channels,
            },
    });
  }

  /**
   * Bilinear block means of image b's window of `scale` whose floored corner is `corner`, in
   * one pass (bilinear_means.ts): windows whose neighbours are all inside the image, and with
   * zero or edge padding the others too, through a padded copy. Returns false, having written
   * nothing, where the four-neighbour sum must do it: noise padding with neighbours outside,
   * or a padded copy of more than 2^24 values.
   */
  bilinear(out: Float32Array, o: number, b: number, scale: number, corner: WindowCorner, weights: Weights): boolean {
    const window = imageWindow(this.call, b, scale, corner);
    const {base, height, width, channels, h, w, s} = window;
    const shape = {h, w, channels, s};
    const [rows, cols] = [h * s + 1, w * s + 1];
    if (corner.y >= 0 && corner.y + rows <= height && corner.x >= 0 && corner.x + cols <= width) {
      const start = base + (corner.y * width + corner.x) * channels;
      bilinearBlockMeans(out, o, this.image, start, width * channels, shape, weights);
      return true;
    }
    // Outside neighbours: noise is drawn per output position, which a padded copy cannot hold;
    // reflection takes the four neighbours' mapped means, as the compiled kernels do.
    if (this.noise !== null || window.padding === 'reflection') return false;
    const size = rows * cols * channels;
    if (size > 2 ** 24) return false;
    if (this.padded.length < size) this.padded = new Float32Array(size);
    copyPadded(this.padded, this.image, window);
    bilinearBlockMeans(out, o, this.padded, 0, cols * channels, shape, weights);
    return true;
  }

  /** Image b's noise statistics, worked out once per image and only if some window needs them. */
  private planOf(b: number, noise: NoiseMode): NoisePlan {
    if (this.planFor !== b || this.plan === undefined) {
      const {imageHeight: height, imageWidth: width, shape} = this.call;
      const channels = shape[5];
      this.plan = planNoise(noise, this.key, this.image, b * height * width * channels, height * width, channels);
      this.planFor = b;
    }
    return this.plan;
  }
}

/** The window's rows and columns `[start, end)` inside the image (insideSpan). */
interface InsidePart {
  rows: Span;
  columns: Span;
}

/**
 * Block means of one window under zero or edge padding, block row by block row. Zero padding
 * reads the inside rows and columns only, so blocks wholly outside stay 0; edge padding reads
 * every window row at its clamped image row and repeats the border pixels.
 */
function blockMeans(
  out: Float32Array,
  o: number,
  image: Values,
  window: ImageWindow,
  inside: InsidePart,
  sums: Float64Array,
): void {
  const {base, corner, height, h, w, s, channels} = window;
  const edge = window.padding === 'edge';
  const layout = blockLayout(window);
  const {rowStride} = layout;
  const [r0, r1] = edge ? [0, h * s] : inside.rows;
  const [c0, c1] = inside.columns;
  // Zero padding: the blocks any inside sample falls in; edge padding: all of them.
  const [x0, x1] = edge ? [0, w] : [Math.floor(c0 / s), Math.ceil(c1 / s)];
  if (s === 1) {
    copySamples(out, o, image, window, inside);
    return;
  }
  const count = s * s;
  // Blocks [whole0, whole1) of the inside columns are whole: in a block row of inside rows,
  // their means come straight from the image; the sums gather the rest.
  const whole0 = Math.ceil(c0 / s);
  const whole1 = Math.max(whole0, Math.floor(c1 / s));
  for (let y = Math.floor(r0 / s), end = Math.ceil(r1 / s); y < end; y++) {
    const row = o + y * w * channels;
    const rowsInside = y * s >= inside.rows[0] && y * s + s <= inside.rows[1];
    const skip0 = rowsInside ? whole0 : x1;
    const skip1 = rowsInside ? whole1 : x1;
    if (rowsInside) {
      const top = base + (corner.y + y * s) * rowStride + (corner.x + whole0 * s) * channels;
      wholeBlockMeans(out, row + whole0 * channels, image, top, whole1 - whole0, layout);
    }
    if (skip0 === x0 && skip1 === x1 && !edge) continue;
    for (let j = x0 * channels; j < x1 * channels; j++) sums[j] = -0;
    for (let a = Math.max(y * s, r0), a1 = Math.min(y * s + s, r1); a < a1; a++) {
      const imageRow = Math.min(height - 1, Math.max(0, corner.y + a));
      const first = base + imageRow * rowStride;
      const at = first + corner.x * channels;
      addRowSums(sums, image, at, c0, Math.min(c1, skip0 * s), layout);
      addRowSums(sums, image, at, Math.max(c0, skip1 * s), c1, layout);
      if (edge) addEdgeSums(sums, image, first, inside.columns, w * s, layout);
    }
    for (let j = x0 * channels; j < skip0 * channels; j++) out[row + j] = sums[j] / count;
    for (let j = skip1 * channels; j < x1 * channels; j++) out[row + j] = sums[j] / count;
  }
}

/** Scale 1 x 1: the window's samples themselves, copied (edge padding repeats the border pixels). */
function copySamples(out: Float32Array, o: number, image: Values, window: ImageWindow, inside: InsidePart): void {
  const {base, corner, height, width, w, channels} = window;
  const edge = window.padding === 'edge';
  const rowStride = width * channels;
  const [r0, r1] = edge ? [0, window.h] : inside.rows;
  const [c0, c1] = inside.columns;
  for (let a = r0; a < r1; a++) {
    const first = base + Math.min(height - 1, Math.max(0, corner.y + a)) * rowStride;
    const row = o + a * w * channels;
    for (let q = c0 * channels, p = first + (corner.x + c0) * channels; q < c1 * channels; q++, p++) {
      out[row + q] = image[p];
    }
    if (!edge) continue;
    for (let q = 0, c = 0; q < c0 * channels; q++) {
      out[row + q] = image[first + c];
      if (++c === channels) c = 0;
    }
    const last = first + rowStride - channels;
    for (let q = c1 * channels, c = 0; q < w * channels; q++) {
      out[row + q] = image[last + c];
      if (++c === channels) c = 0;
    }
  }
}
