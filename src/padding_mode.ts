/**
 * The padding modes of the glimpse sensor (docs/semantics.md, "Padding modes"): what a sample
 * outside the image reads. One table, one index rule per mode; every backend's copy of the rule
 * (JS here, GLSL, WGSL, the compiled kernels) uses these codes and moves with this file.
 */

/** Every mode, in the order of its code. */
export const PADDING_MODES = ['zero', 'edge', 'reflection', 'uniform', 'gaussian'] as const;

/** What outside positions of a sensor window take: 0, a pixel of the image, or the op's noise. */
export type SensorPadding = (typeof PADDING_MODES)[number];

/** A mode's code, as GPU uniforms and the compiled kernels take it: its index in PADDING_MODES. */
export const PADDING_CODE = Object.freeze(
  Object.fromEntries(PADDING_MODES.map((mode, code) => [mode, code])) as Record<SensorPadding, number>,
);

/** Modes whose outside samples read a pixel of the image (so they carry its gradient). */
export const readsImage = (mode: SensorPadding): boolean => mode === 'edge' || mode === 'reflection';

/** Modes whose outside samples are noise draws. */
export const drawsNoise = (mode: SensorPadding): mode is 'uniform' | 'gaussian' =>
  mode === 'uniform' || mode === 'gaussian';

/** Reflection's period on an axis of n > 1 pixels: out to the far border and back. */
const reflectionPeriod = (n: number): number => 2 * (n - 1);

/**
 * numpy's 'reflect' (tf.mirrorPad's REFLECT) carried on: the border pixel is not repeated, and
 * a position past one reflection keeps reflecting, with period 2(n - 1); n = 1 reads pixel 0.
 * `p` is a whole number (a window corner plus a step), exact in float64 at any size.
 */
export function reflectIndex(p: number, n: number): number {
  if (n === 1) return 0;
  const period = reflectionPeriod(n);
  let m = p % period;
  if (m < 0) m += period;
  return m < n ? m : period - m;
}

/** The nearest index in [0, n). */
export const clampIndex = (p: number, n: number): number => (p < 0 ? 0 : p >= n ? n - 1 : p);

/**
 * The index in [0, n) a sample at whole-pixel position `p` reads under `mode`, or -1 where it
 * reads no pixel (zero padding, and noise, whose draws replace it).
 */
export function sourceIndex(p: number, n: number, mode: SensorPadding): number {
  if (p >= 0 && p < n) return p;
  if (mode === 'edge') return clampIndex(p, n);
  if (mode === 'reflection') return reflectIndex(p, n);
  return -1;
}

/**
 * A window's corner moved by whole periods of the mode's rule, to where it reads the same
 * pixels: reflection's corner modulo 2(n - 1) on each axis (exact in float64), so that a
 * corner past 2^53 plus a window step stays exact; other modes' as given (null: unreachable).
 */
export function periodicCorner<C extends {y: number; x: number}>(
  corner: C | null,
  height: number,
  width: number,
  mode: SensorPadding,
): C | null {
  if (corner === null || mode !== 'reflection') return corner;
  const reduce = (p: number, n: number) => (n === 1 ? 0 : p % reflectionPeriod(n));
  return {...corner, y: reduce(corner.y, height), x: reduce(corner.x, width)};
}
