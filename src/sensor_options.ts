import {formatValue} from './errors';
import {checkSize} from './shape_inference';
import {checkSeed} from './options';
import type {GlimpseSensorAttrs, Interpolation} from './kernel_names';
import {PADDING_MODES, type SensorPadding} from './padding_mode';

/** glimpseSensor's options (docs/semantics.md, "The glimpse sensor"). */
export interface GlimpseSensorOptions {
  /** `[h, w]`: every scale's output size. */
  size: [number, number];
  /** How many scales, k >= 1 (default 1). */
  scales?: number;
  /** Each scale's window is this many times the last one's, an integer >= 1 (default 2). */
  scaleFactor?: number;
  /** Default true: (0, 0) is the image centre. */
  centered?: boolean;
  /** Default true: locations are fractions of the image size. */
  normalized?: boolean;
  /** Default 'zero'. */
  padding?: SensorPadding;
  /**
   * 'nearest' (default): windows in whole pixels, as extractGlimpse's; 'bilinear': samples at
   * the unrounded corner, and the locations get a gradient.
   */
  interpolation?: Interpolation;
  /** Same seed, inputs and backend: same noise (uniform or gaussian padding). */
  seed?: number;
}

const KNOWN = ['size', 'scales', 'scaleFactor', 'centered', 'normalized', 'padding', 'interpolation', 'seed'];

/** The largest window side (h or w times scaleFactor^(scales-1)) a call may ask for. */
export const MAX_SENSOR_WINDOW = 2 ** 24;

/**
 * The most scales a call may ask for: past the 25 a factor of 2 reaches within
 * MAX_SENSOR_WINDOW; a factor of 1 repeats the same window, so more would only add copies.
 */
export const MAX_SENSOR_SCALES = 32;

function positiveInteger(value: unknown, name: string, opName: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(`${opName}: options.${name} must be an integer >= 1, got ${formatValue(value)}`);
  }
  return value;
}

function flag(value: unknown, name: string, opName: string): boolean {
  if (typeof value !== 'boolean')
    throw new Error(`${opName}: options.${name} must be a boolean, got ${formatValue(value)}`);
  return value;
}

/** Validates the options and returns the kernel's attrs. */
export function checkSensorOptions(options: unknown, opName: string): GlimpseSensorAttrs {
  if (options == null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${opName}: options must be an object with at least size: [h, w], got ${formatValue(options)}`);
  }
  const o = options as Record<string, unknown>;
  const unknown = Object.keys(o).filter(k => !KNOWN.includes(k));
  if (unknown.length > 0) {
    throw new Error(`${opName}: unknown option ${formatValue(unknown)}; known: ${KNOWN.join(', ')}`);
  }
  const size = checkSize(o.size, opName);
  const scales = positiveInteger(o.scales ?? 1, 'scales', opName);
  if (scales > MAX_SENSOR_SCALES) {
    throw new Error(`${opName}: options.scales must be at most ${MAX_SENSOR_SCALES}, got ${scales}`);
  }
  const scaleFactor = positiveInteger(o.scaleFactor ?? 2, 'scaleFactor', opName);
  const largest = Math.max(...size) * scaleFactor ** (scales - 1);
  if (!(largest <= MAX_SENSOR_WINDOW)) {
    throw new Error(
      `${opName}: size ${formatValue(size)} with ${scales} scales of factor ${scaleFactor} makes a window of ` +
        `${largest} pixels a side, more than the ${MAX_SENSOR_WINDOW} allowed`,
    );
  }
  const padding = o.padding ?? 'zero';
  if (typeof padding !== 'string' || !(PADDING_MODES as readonly string[]).includes(padding)) {
    const names = PADDING_MODES.map(m => `'${m}'`);
    throw new Error(
      `${opName}: options.padding must be ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}, ` +
        `got ${formatValue(padding)}`,
    );
  }
  const interpolation = o.interpolation ?? 'nearest';
  if (interpolation !== 'nearest' && interpolation !== 'bilinear') {
    throw new Error(
      `${opName}: options.interpolation must be 'nearest' or 'bilinear', got ${formatValue(interpolation)}`,
    );
  }
  const seed = checkSeed(o.seed, 'options.seed', opName);
  return {
    size,
    scales,
    scaleFactor,
    centered: flag(o.centered ?? true, 'centered', opName),
    normalized: flag(o.normalized ?? true, 'normalized', opName),
    padding: padding as SensorPadding,
    interpolation,
    ...(seed === undefined ? {} : {seed}),
  };
}
