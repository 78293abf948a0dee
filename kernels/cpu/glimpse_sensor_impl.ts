/**
 * The glimpse sensor over plain typed arrays (NHWC), shared by the cpu, wasm and tensorflow
 * kernels: each output value is the float32 mean of its s x s block of window samples, read
 * straight from the image (docs/semantics.md, "The glimpse sensor"); nothing per scale is
 * materialised. A window wholly inside the image is read with strides alone; otherwise its
 * rows and columns are mapped to image offsets once, so the inner loops only add.
 */
import {insideSpan, windowCorner} from '../../src/window_geometry';
import {scaleKey} from '../../src/noise_random';
import type {SensorCall} from '../../src/sensor_prelude';
import {noiseAt, planNoise, type NoisePlan} from './noise_fill';

type Values = Float32Array | Int32Array | Uint8Array;

const f = Math.fround;
/** A window row or column outside the image (zero or noise padding). */
const OUTSIDE = -1;

/** Image offsets of a window's rows (`stride` W*C) or columns (`stride` C): clamped (edge) or OUTSIDE. */
function mapAxis(into: Int32Array, count: number, start: number, size: number, stride: number, edge: boolean): void {
  for (let i = 0; i < count; i++) {
    const p = start + i;
    if (p >= 0 && p < size) into[i] = p * stride;
    else into[i] = edge ? (p < 0 ? 0 : size - 1) * stride : OUTSIDE;
  }
}

export function glimpseSensorImpl(
  image: Values,
  locations: ArrayLike<number>,
  call: SensorCall,
  key: number,
  output?: Float32Array,
): Float32Array {
  const [batch, n, k, h, w, channels] = call.shape;
  const out = output ?? new Float32Array(batch * n * k * h * w * channels);
  if (call.empty) return out;
  const {imageHeight: height, imageWidth: width} = call;
  const {padding} = call.attrs;
  const edge = padding === 'edge';
  const noisy = padding === 'uniform' || padding === 'gaussian';
  const imageSize = height * width * channels;
  const rowStride = width * channels;
  const largest = call.blockSide(k - 1);
  const rows = new Int32Array(h * largest);
  const cols = new Int32Array(w * largest);
  const glimpseSize = h * w * channels;
  let o = 0;
  for (let b = 0; b < batch; b++) {
    const base = b * imageSize;
    let plan: NoisePlan | undefined;
    for (let l = 0; l < n; l++) {
      const ly = locations[2 * (b * n + l)];
      const lx = locations[2 * (b * n + l) + 1];
      for (let scale = 0; scale < k; scale++, o += glimpseSize) {
        const s = call.blockSide(scale);
        const params = call.windowParams(scale);
        const corner = windowCorner(ly, lx, params);
        if (corner) {
          const [r0, r1] = insideSpan(corner.y, h * s, height);
          const [c0, c1] = insideSpan(corner.x, w * s, width);
          const start = base + corner.y * rowStride + corner.x * channels;
          if (r0 === 0 && r1 === h * s && c0 === 0 && c1 === w * s) {
            insideBlockMeans(out, o, image, start, rowStride, h, w, channels, s);
            continue;
          }
          if (padding === 'zero') {
            zeroPaddedBlockMeans(out, o, image, start, rowStride, [r0, r1, c0, c1], h, w, channels, s);
            continue;
          }
          mapAxis(rows, h * s, corner.y, height, rowStride, edge);
          mapAxis(cols, w * s, corner.x, width, channels, edge);
          if (edge) {
            blockMeans(out, o, image, base, rows, cols, h, w, channels, s);
            continue;
          }
        } else if (!noisy) {
          out.fill(0, o, o + glimpseSize);
          continue;
        } else {
          rows.fill(OUTSIDE, 0, h * s);
        }
        plan ??= planNoise(padding, key, image, base, height * width, channels);
        noisyBlockMeans(out, o, image, base, rows, cols, h, w, channels, s, plan, {
          key: scaleKey(key, scale),
          // Noise counters run over the scale's whole window, as in a [batch, n, h*s, w*s, C] glimpse.
          windowRow: params.glimpseWidth * channels,
          first: (b * n + l) * params.glimpseHeight * params.glimpseWidth * channels,
        });
      }
    }
  }
  return out;
}

/**
 * Block means of a window wholly inside the image, whose top-left sample is `image[start]`:
 * float32 sums in row-major order from the first sample, one division.
 */
function insideBlockMeans(
  out: Float32Array,
  o: number,
  image: Values,
  start: number,
  rowStride: number,
  h: number,
  w: number,
  channels: number,
  s: number,
): void {
  if (s === 1) {
    for (let y = 0, row = start; y < h; y++, row += rowStride) {
      for (let q = row, end = row + w * channels; q < end; q++) out[o++] = image[q];
    }
    return;
  }
  const count = s * s;
  const blockRow = s * rowStride;
  const blockCol = s * channels;
  for (let y = 0, top = start; y < h; y++, top += blockRow) {
    for (let x = 0, block = top; x < w; x++, block += blockCol) {
      for (let c = 0; c < channels; c++) {
        const first = block + c;
        let sum = image[first];
        for (let d = 1; d < s; d++) sum = f(sum + image[first + d * channels]);
        for (let a = 1, row = first + rowStride; a < s; a++, row += rowStride) {
          for (let d = 0; d < s; d++) sum = f(sum + image[row + d * channels]);
        }
        out[o++] = sum / count;
      }
    }
  }
}

/** Block means through the row and column tables, every entry an image offset (edge padding). */
function blockMeans(
  out: Float32Array,
  o: number,
  image: Values,
  base: number,
  rows: Int32Array,
  cols: Int32Array,
  h: number,
  w: number,
  channels: number,
  s: number,
): void {
  const count = s * s;
  for (let y = 0; y < h; y++) {
    const r0 = y * s;
    for (let x = 0; x < w; x++) {
      const c0 = x * s;
      for (let c = 0; c < channels; c++) {
        let sum = image[base + rows[r0] + cols[c0] + c];
        for (let d = 1; d < s; d++) sum = f(sum + image[base + rows[r0] + cols[c0 + d] + c]);
        for (let a = 1; a < s; a++) {
          const at = base + rows[r0 + a] + c;
          for (let d = 0; d < s; d++) sum = f(sum + image[at + cols[c0 + d]]);
        }
        out[o++] = s === 1 ? sum : sum / count;
      }
    }
  }
}

/**
 * Block means with zero padding: only the samples inside the image (rows [r0, r1), columns
 * [c0, c1) of the window, whose top-left sample is `image[start]`) are added. Adding a 0
 * leaves a float32 sum as it is, except that a zero sum becomes +0: a block that had
 * outside samples turns a -0 sum into +0, as the sum over every sample would.
 */
function zeroPaddedBlockMeans(
  out: Float32Array,
  o: number,
  image: Values,
  start: number,
  rowStride: number,
  span: readonly [number, number, number, number],
  h: number,
  w: number,
  channels: number,
  s: number,
): void {
  const [r0, r1, c0, c1] = span;
  const count = s * s;
  for (let y = 0; y < h; y++) {
    const a0 = Math.max(y * s, r0);
    const a1 = Math.min(y * s + s, r1);
    for (let x = 0; x < w; x++) {
      const d0 = Math.max(x * s, c0);
      const d1 = Math.min(x * s + s, c1);
      if (a0 >= a1 || d0 >= d1) {
        for (let c = 0; c < channels; c++) out[o++] = 0;
        continue;
      }
      const whole = (a1 - a0) * (d1 - d0) === count;
      for (let c = 0; c < channels; c++) {
        const topLeft = start + a0 * rowStride + d0 * channels + c;
        const rowEnd = (d1 - d0) * channels;
        let sum = image[topLeft];
        for (let q = channels; q < rowEnd; q += channels) sum = f(sum + image[topLeft + q]);
        for (let a = a0 + 1, row = topLeft + rowStride; a < a1; a++, row += rowStride) {
          for (let q = 0; q < rowEnd; q += channels) sum = f(sum + image[row + q]);
        }
        if (!whole && sum === 0) sum = 0;
        out[o++] = s === 1 ? sum : sum / count;
      }
    }
  }
}

interface Draws {
  key: number;
  windowRow: number;
  first: number;
}

/** Block means with noise padding: every sample checked, outside ones drawn. */
function noisyBlockMeans(
  out: Float32Array,
  o: number,
  image: Values,
  base: number,
  rows: Int32Array,
  cols: Int32Array,
  h: number,
  w: number,
  channels: number,
  s: number,
  plan: NoisePlan,
  draws: Draws,
): void {
  const count = s * s;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let a = 0; a < s; a++) {
          const i = y * s + a;
          const row = rows[i];
          for (let d = 0; d < s; d++) {
            const j = x * s + d;
            const col = cols[j];
            const v =
              row !== OUTSIDE && col !== OUTSIDE
                ? image[base + row + col + c]
                : noiseAt(plan, draws.key, draws.first + i * draws.windowRow + j * channels + c, c);
            sum = a === 0 && d === 0 ? v : f(sum + v);
          }
        }
        out[o++] = s === 1 ? sum : sum / count;
      }
    }
  }
}
