/**
 * The glimpse sensor forward, slope and backward on the compiled kernels: the cpu kernels'
 * loop and choices (writeSensorWindows, spreadSensorWindows in kernels/cpu/sensor_loop.ts)
 * visit and place the windows and plan the noise; the module reads and writes the samples.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import type {WindowCorner} from '../../src/window_geometry';
import type {WeightsOf} from '../../src/bilinear';
import {scaleKey} from '../../src/noise_random';
import type {SensorCall} from '../../src/sensor_prelude';
import type {Weights} from '../cpu/bilinear_means';
import {spreadSensorWindows, writeSensorWindows, type SensorWriter} from '../cpu/sensor_loop';
import {clampCorner, NoiseArgs, Scratch, WindowMaps} from './compiled_args';
import type {CompiledKernels} from './compiled_module';
import {heapFloats, heapView} from './heap';
import {drawsNoise} from '../../src/padding_mode';

/** Whether a window of `extent` samples from `corner` lies wholly inside an axis of `size`. */
const wholeInside = (corner: number, extent: number, size: number) =>
  extent === 0 || (corner >= 0 && corner + extent <= size);

/** Larger padded copies take the four-neighbour sum instead, as on the cpu. */
const MAX_PADDED_VALUES = 2 ** 24;
/** The most scratch a bilinear window's column sums take (bytes); wider windows go block by block. */
const MAX_COLUMN_BYTES = 2 ** 23;

/** One call's windows on the compiled kernels, by heap address (the cpu's SensorWindows). */
class CompiledWindows implements SensorWriter<number> {
  private readonly image: number;
  private readonly neighbours: number[] = [];
  private readonly sums: number;
  private readonly columns: number = 0;
  /** A window row's noise (the noisy bilinear pass). */
  private readonly noiseRow: number = 0;
  private readonly noise: NoiseArgs | null;
  private readonly maps: WindowMaps | null;
  private planFor = -1;
  // The call's shape, read once (the per-window methods run thousands of times a call).
  private readonly h: number;
  private readonly w: number;
  private readonly channels: number;
  private readonly height: number;
  private readonly width: number;
  private readonly edge: number;
  private readonly args = new Float64Array(18);
  /** Per scale: the block side, and the noise stream's key. */
  private readonly sides: number[];
  private readonly keys: number[];

  constructor(
    private readonly kernels: CompiledKernels,
    private readonly backend: BackendWasm,
    private readonly images: TensorInfo,
    private readonly call: SensorCall,
    private readonly key: number,
    private readonly scratch: Scratch,
    readonly out: number,
  ) {
    const [, , , h, w, channels] = call.shape;
    const {padding} = call.attrs;
    [this.h, this.w, this.channels] = [h, w, channels];
    [this.height, this.width] = [call.imageHeight, call.imageWidth];
    this.edge = padding === 'edge' ? 1 : 0;
    this.sides = Array.from({length: call.attrs.scales}, (_, i) => call.blockSide(i));
    this.keys = Array.from({length: call.attrs.scales}, (_, i) => scaleKey(key, i));
    this.image = kernels.address(images);
    const side = call.blockSide(Math.max(0, call.attrs.scales - 1));
    // Column sums of the widest window's inside columns and of the image's first and last column.
    this.sums = scratch.take(8 * (Math.min(w * side, call.imageWidth) + 2) * channels);
    const columnBytes = 16 * (w * side + 1) * channels;
    if (call.attrs.interpolation === 'bilinear' && columnBytes <= MAX_COLUMN_BYTES) {
      this.columns = scratch.take(columnBytes);
    }
    this.noise = drawsNoise(padding) ? new NoiseArgs(kernels, scratch, padding, channels) : null;
    if (this.noise && call.attrs.interpolation === 'bilinear') this.noiseRow = scratch.take(4 * w * channels);
    this.maps = padding === 'reflection' ? new WindowMaps(kernels, scratch, call) : null;
  }

  neighbour(i: number): number {
    const size = this.h * this.w * this.channels;
    this.neighbours[i] ??= this.scratch.take(4 * size);
    this.kernels.run.zeroFloats(this.neighbours[i], size);
    return this.neighbours[i];
  }

  combine(o: number, used: ReadonlyArray<{weight: number; values: number}>): void {
    const pairs = used.flatMap(({values, weight}) => [values, weight]);
    while (pairs.length < 8) pairs.push(0, 0);
    this.kernels.run.combine(this.out, o, this.h * this.w * this.channels, used.length, ...pairs);
  }

  /** Image b's window of `scale` at `corner` (null: unreachable) into `out[o]`, which holds zeros. */
  means(out: number, o: number, b: number, l: number, scale: number, corner: WindowCorner | null): void {
    const {noise, h, w, channels, height, width} = this;
    const s = this.sides[scale];
    const whole = corner !== null && wholeInside(corner.y, h * s, height) && wholeInside(corner.x, w * s, width);
    if (this.maps && corner && !whole) {
      const {rows, cols} = this.maps.fill(scale, corner);
      this.kernels.run.mappedMeans(out, o, this.image, b * height * width * channels, rows, cols, h, w, s, channels);
      return;
    }
    if (noise === null || whole) {
      if (!corner) return;
      const [y, x] = [clampCorner(corner.y, h * s, height), clampCorner(corner.x, w * s, width)];
      const base = b * height * width * channels;
      this.kernels.run.windowMeans(
        out,
        o,
        this.image,
        base,
        height,
        width,
        channels,
        y,
        x,
        h,
        w,
        s,
        this.edge,
        this.sums,
      );
      return;
    }
    const a = this.noisyWindow(b, l, scale, corner);
    // prettier-ignore
    this.kernels.run.noisyMeans(
      out, o, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15],
      a[16], a[17],
    );
  }

  /**
   * Bilinear means in one pass where the cpu takes one (SensorWindows.bilinear); false, having
   * written nothing, where the four-neighbour sum must do it.
   */
  bilinear(o: number, b: number, scale: number, corner: WindowCorner, weights: Weights): boolean {
    const {h, w, channels, height, width} = this;
    const s = this.sides[scale];
    const rows = h * s + 1;
    const cols = w * s + 1;
    const inside = corner.y >= 0 && corner.y + rows <= height && corner.x >= 0 && corner.x + cols <= width;
    // The cpu pads a copy of the window, and past this size (or with reflection) takes the four-neighbour sum.
    if (!inside && (this.noise || this.maps || rows * cols * channels > MAX_PADDED_VALUES)) return false;
    this.kernels.run.bilinearWindow(
      this.out,
      o,
      this.image,
      b * height * width * channels,
      height,
      width,
      channels,
      this.edge,
      clampCorner(corner.y, rows, height),
      clampCorner(corner.x, cols, width),
      h,
      w,
      s,
      weights[0],
      weights[1],
      weights[2],
      weights[3],
      this.columns,
    );
    return true;
  }

  /**
   * A bilinear window with noise padding that the one pass could not take: the four
   * neighbours in one call that draws each window position's noise once. False without noise.
   */
  noisyBilinear(
    o: number,
    b: number,
    l: number,
    scale: number,
    corner: WindowCorner | null,
    weights: Weights,
  ): boolean {
    if (this.noise === null) return false;
    const a = this.noisyWindow(b, l, scale, corner);
    // prettier-ignore
    this.kernels.run.noisyBilinearMeans(
      this.out, o, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15],
      a[16], a[17], weights[0], weights[1], weights[2], weights[3], this.noiseRow,
    );
    return true;
  }

  /**
   * The compiled noisy means' arguments after (out, o), in one reused array: image b's window
   * of `scale` at `corner` (null: unreachable), its noise plan, and its noise counters (the
   * scale's whole window, as in a [batch, n, h*s, w*s, C] glimpse).
   */
  private noisyWindow(b: number, l: number, scale: number, corner: WindowCorner | null): Float64Array {
    const {call, h, w, channels, height, width} = this;
    const noise = this.noise!;
    const s = this.sides[scale];
    this.planOf(b);
    const a = this.args;
    a[0] = this.image;
    a[1] = b * height * width * channels;
    a[2] = height;
    a[3] = width;
    a[4] = channels;
    a[5] = corner ? 1 : 0;
    a[6] = corner ? clampCorner(corner.y, h * s + 1, height) : 0;
    a[7] = corner ? clampCorner(corner.x, w * s + 1, width) : 0;
    a[8] = h;
    a[9] = w;
    a[10] = s;
    a[11] = noise.code;
    a[12] = this.keys[scale];
    a[13] = noise.lo;
    a[14] = noise.hi;
    a[15] = noise.stats;
    // The scale's whole window, (h*s) x (w*s).
    a[16] = w * s * channels;
    a[17] = (b * call.shape[1] + l) * h * s * w * s * channels;
    return a;
  }

  private planOf(b: number): void {
    if (this.planFor === b || this.noise === null) return;
    const {imageHeight: height, imageWidth: width, shape} = this.call;
    const values = () => heapView(this.backend, this.images);
    this.noise.plan(this.key, this.image, values, b * height * width * shape[5], height * width);
    this.planFor = b;
  }
}

/** The sensor's output, or (`weightsOf` y or x) its slope along that corner axis, into `out`. */
export function compiledSensor(
  kernels: CompiledKernels,
  backend: BackendWasm,
  inputs: {images: TensorInfo; locations: TensorInfo},
  call: SensorCall,
  key: number,
  out: TensorInfo,
  weightsOf: WeightsOf,
): void {
  const [batch, n, k, h, w, channels] = call.shape;
  const output = kernels.address(out);
  kernels.run.zeroFloats(output, batch * n * k * h * w * channels);
  if (call.empty || (call.attrs.interpolation === 'nearest' && weightsOf !== 'value')) return;
  const locations = heapFloats(backend, inputs.locations).slice();
  const scratch = new Scratch(kernels);
  try {
    const writer = new CompiledWindows(kernels, backend, inputs.images, call, key, scratch, output);
    writeSensorWindows(writer, call, locations, weightsOf);
  } finally {
    scratch.free();
  }
}

/** The sensor's backward pass into `out` (the images' shape). */
export function compiledSensorGrad(
  kernels: CompiledKernels,
  backend: BackendWasm,
  inputs: {dy: TensorInfo; locations: TensorInfo},
  call: SensorCall & {imagesShape: readonly number[]},
  out: TensorInfo,
): void {
  const [, , , h, w, channels] = call.shape;
  const {imageHeight: height, imageWidth: width} = call;
  const dx = kernels.address(out);
  kernels.run.zeroFloats(
    dx,
    call.imagesShape.reduce((a, v) => a * v, 1),
  );
  if (call.empty) return;
  const dy = kernels.address(inputs.dy);
  const locations = heapFloats(backend, inputs.locations).slice();
  const run = kernels.run;
  const scratch = new Scratch(kernels);
  // Every window's samples through its maps: the padding's rule in JS alone.
  const maps = new WindowMaps(kernels, scratch, call);
  try {
    spreadSensorWindows(
      {
        spread: (o, b, scale, corner, weight) => {
          const s = call.blockSide(scale);
          const {rows, cols} = maps.fill(scale, corner);
          run.spreadWindow(dx, dy, o, b * height * width * channels, rows, cols, h, w, s, channels, weight);
        },
        spreadInside: (o, b, scale, corner, weights) => {
          const s = call.blockSide(scale);
          if (corner.y < 0 || corner.y + h * s + 1 > height || corner.x < 0 || corner.x + w * s + 1 > width)
            return false;
          const start = (b * height * width + corner.y * width + corner.x) * channels;
          run.spreadInside(dx, dy, o, start, width * channels, h, w, channels, s, ...weights);
          return true;
        },
      },
      call,
      locations,
    );
  } finally {
    scratch.free();
  }
}
