/**
 * Bilinear glimpses as four whole-pixel ones (docs/semantics.md, "Bilinear glimpses"): every
 * sample of a window shares the corner's fractions (fy, fx), so the glimpse at the unrounded
 * corner is the weighted sum of the glimpses at its four whole-pixel neighbours, in this order:
 * (floor y, floor x), (floor y, floor x + 1), (floor y + 1, floor x), (floor y + 1, floor x + 1).
 * The same weights, differentiated by fy or fx, give the glimpse's slope along that axis.
 * The JS (here), GLSL and WGSL copies move together.
 */

/** The four neighbours' steps from the floored corner, `[dy, dx]`, in weight order. */
export const NEIGHBOUR_STEPS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** `value`: the bilinear weights; `y` / `x`: their derivatives by fy / fx. */
export type WeightsOf = 'value' | 'y' | 'x';

/**
 * The neighbours' weights. A neighbour whose weight is 0 is left out of the sum, so an integer
 * corner gives its whole-pixel glimpse bit for bit (-0 and non-finite pixels included).
 */
export function neighbourWeights(fy: number, fx: number, weightsOf: WeightsOf): [number, number, number, number] {
  if (weightsOf === 'y') return [-(1 - fx), -fx, 1 - fx, fx];
  if (weightsOf === 'x') return [-(1 - fy), 1 - fy, -fy, fy];
  return [(1 - fy) * (1 - fx), (1 - fy) * fx, fy * (1 - fx), fy * fx];
}
