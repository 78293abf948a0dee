import type {GlimpseVersion, Interpolation} from './kernel_names';
import {formatValue} from './errors';

/** What the op takes beyond TF2's positional arguments. */
export interface ExtractGlimpseOptions {
  /** 2 (default): `ExtractGlimpseV2`, as TF2's `tf.image.extract_glimpse`; 1: TF1's `ExtractGlimpse`. */
  version?: GlimpseVersion;
  /** TF's legacy switch, used when `noise` is `''`. Default false (TF2's setting). */
  uniformNoise?: boolean;
  /** Same seed, inputs and backend: same noise. Any finite number; default: a fresh draw per call. */
  seed?: number;
  /**
   * Beyond TF. 'nearest' (default): TF's glimpse, moved in whole pixels; 'bilinear': sampled
   * at the unrounded corner, with a gradient for the offsets (docs/semantics.md, "Bilinear glimpses").
   */
  interpolation?: Interpolation;
  /**
   * Beyond TF: outside positions read the image instead of taking the noise: 'edge' (the
   * nearest pixel) or 'reflection' (mirrored, the border pixel not repeated; docs/semantics.md,
   * "Padding modes"). When set, `noise` does not apply.
   */
  padding?: GlimpsePadding;
}

/** extractGlimpse's image paddings (the noise argument covers the others). */
export type GlimpsePadding = 'edge' | 'reflection';

export interface CheckedOptions {
  version: GlimpseVersion;
  uniformNoise: boolean;
  interpolation: Interpolation;
  seed?: number;
  padding?: GlimpsePadding;
}

const KNOWN = ['version', 'uniformNoise', 'seed', 'interpolation', 'padding'];

export function checkOptions(options: unknown, opName: string): CheckedOptions {
  if (options == null) return {version: 2, uniformNoise: false, interpolation: 'nearest'};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${opName}: options must be an object, got ${formatValue(options)}`);
  }
  const o = options as Record<string, unknown>;
  const unknown = Object.keys(o).filter(k => !KNOWN.includes(k));
  if (unknown.length > 0) {
    throw new Error(`${opName}: unknown option ${formatValue(unknown)}; known: ${KNOWN.join(', ')}`);
  }
  const version = o.version ?? 2;
  if (version !== 1 && version !== 2) {
    throw new Error(`${opName}: options.version must be 1 or 2, got ${formatValue(version)}`);
  }
  const uniformNoise = o.uniformNoise ?? false;
  if (typeof uniformNoise !== 'boolean') {
    throw new Error(`${opName}: options.uniformNoise must be a boolean, got ${formatValue(uniformNoise)}`);
  }
  const seed = checkSeed(o.seed, 'options.seed', opName);
  const interpolation = o.interpolation ?? 'nearest';
  if (interpolation !== 'nearest' && interpolation !== 'bilinear') {
    throw new Error(
      `${opName}: options.interpolation must be 'nearest' or 'bilinear', got ${formatValue(interpolation)}`,
    );
  }
  const padding = o.padding;
  if (padding !== undefined && padding !== 'edge' && padding !== 'reflection') {
    throw new Error(`${opName}: options.padding must be 'edge' or 'reflection', got ${formatValue(padding)}`);
  }
  return {
    version,
    uniformNoise,
    interpolation,
    ...(seed === undefined ? {} : {seed}),
    ...(padding === undefined ? {} : {padding}),
  };
}

export function checkFlag(value: unknown, argName: string, opName: string): boolean {
  if (typeof value !== 'boolean') {
    throw new Error(`${opName}: ${argName} must be a boolean, got ${formatValue(value)}`);
  }
  return value;
}

/** A seed is absent or a finite number. */
export function checkSeed(value: unknown, argName: string, opName: string): number | undefined {
  if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value))) {
    throw new Error(`${opName}: ${argName} must be a finite number, got ${formatValue(value)}`);
  }
  return value;
}
