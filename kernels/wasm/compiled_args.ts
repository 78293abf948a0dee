/**
 * What the JS drivers hand the compiled kernels besides tensor addresses: corners that fit an
 * i32, mode codes, scratch in the heap, window maps (reflection padding, every backward
 * window), and the noise plans: gaussian's statistics from JS (kernels/cpu/noise_stats.ts),
 * uniform's bounds from the module's pass, which gives JS's.
 */
import {planNoise, type NoisePlan} from '../cpu/noise_fill';
import {mapAxis} from '../cpu/mapped_window';
import type {SensorCall} from '../../src/sensor_prelude';
import type {WindowCorner} from '../../src/window_geometry';
import type {CompiledKernels} from './compiled_module';

/** Mode codes of kernels/wasm/assembly/noise.ts. */
export const NOISE_CODES = {zero: 0, uniform: 1, gaussian: 2} as const;

/**
 * A corner moved no farther than one where its window (of `extent` rows or columns, a
 * bilinear neighbour's step included) is wholly outside an axis of `size`: the same spans
 * and clamped pixels as the corner itself, in an i32 (corners reach 2^63).
 */
export function clampCorner(corner: number, extent: number, size: number): number {
  return Math.min(Math.max(corner, -(extent + 2)), size + 2);
}

/** Heap scratch for one kernel call, freed together at its end. */
export class Scratch {
  private readonly pointers: number[] = [];
  constructor(private readonly kernels: CompiledKernels) {}

  /** `bytes` of scratch (at least 8), 8-byte aligned (malloc's alignment). */
  take(bytes: number): number {
    const pointer = this.kernels.malloc(Math.max(8, bytes));
    this.pointers.push(pointer);
    return pointer;
  }

  free(): void {
    for (const pointer of this.pointers.splice(0)) this.kernels.free(pointer);
  }
}

/** The noise arguments of the compiled kernels: the mode, uniform's bounds, gaussian's statistics in the heap. */
export class NoiseArgs {
  readonly code: number;
  lo = 0;
  hi = 0;
  /** Address of gaussian's `[mean, sigma, min, max]` x channels f64 (0 otherwise). */
  readonly stats: number;
  /** Address of uniform's `[lo, hi]` f64 (0 otherwise). */
  private readonly range: number;
  private rangeView: Float64Array | null = null;

  constructor(
    private readonly kernels: CompiledKernels,
    scratch: Scratch,
    private readonly mode: keyof typeof NOISE_CODES,
    private readonly channels: number,
  ) {
    this.code = NOISE_CODES[mode];
    this.stats = mode === 'gaussian' ? scratch.take(32 * channels) : 0;
    this.range = mode === 'uniform' ? scratch.take(16) : 0;
  }

  /**
   * Plans the noise of the image of `pixels` pixels whose first value is `values[start]` (the
   * image at heap address `image`): uniform's bounds from the compiled pass, gaussian's
   * statistics from JS (kernels/cpu/noise_fill.ts, planNoise).
   */
  plan(key: number, image: number, values: () => ArrayLike<number>, start: number, pixels: number): void {
    if (this.mode !== 'uniform') {
      this.use(planNoise(this.mode, key, values(), start, pixels, this.channels));
      return;
    }
    this.kernels.run.imageRange(image + 4 * start, pixels * this.channels, this.range);
    // One view for the call's images (a view of a grown memory is detached, length 0: taken anew).
    if (!this.rangeView?.length) this.rangeView = new Float64Array(this.kernels.memory.buffer, this.range, 2);
    [this.lo, this.hi] = [this.rangeView[0], this.rangeView[1]];
  }

  /** Takes one image's plan (kernels/cpu/noise_fill.ts, planNoise). */
  use(plan: NoisePlan): void {
    if (plan.mode === 'uniform') {
      this.lo = plan.lo;
      this.hi = plan.hi;
    } else if (plan.mode === 'gaussian') {
      const C = this.channels;
      const stats = new Float64Array(this.kernels.memory.buffer, this.stats, 4 * C);
      stats.set(plan.mean, 0);
      stats.set(plan.sigma, C);
      stats.set(plan.min, 2 * C);
      stats.set(plan.max, 3 * C);
    }
  }
}

/**
 * One window's row and column maps in the heap (kernels/cpu/mapped_window.ts, mapAxis), for the
 * mapped kernels: room for the call's largest window, filled per window.
 */
export class WindowMaps {
  readonly rows: number;
  readonly cols: number;

  constructor(
    private readonly kernels: CompiledKernels,
    scratch: Scratch,
    private readonly call: SensorCall,
  ) {
    const [, , k, h, w] = call.shape;
    const largest = call.blockSide(k - 1);
    this.rows = scratch.take(4 * h * largest);
    this.cols = scratch.take(4 * w * largest);
  }

  /** The maps of `scale`'s window at `corner`; views made here, after every allocation. */
  fill(scale: number, corner: WindowCorner): {rows: number; cols: number} {
    const {call} = this;
    const [, , , h, w, channels] = call.shape;
    const s = call.blockSide(scale);
    const {buffer} = this.kernels.memory;
    const {imageHeight: height, imageWidth: width} = call;
    const {padding} = call.attrs;
    mapAxis(new Int32Array(buffer, this.rows, h * s), h * s, corner.y, height, width * channels, padding);
    mapAxis(new Int32Array(buffer, this.cols, w * s), w * s, corner.x, width, channels, padding);
    return this;
  }
}
