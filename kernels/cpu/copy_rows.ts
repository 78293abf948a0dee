type Values = Float32Array | Int32Array | Uint8Array;

/** Below this many values per row a plain loop beats creating a subarray view. */
const SHORT_ROW = 48;

/**
 * Copies `rows` row segments of `length` values from `from` (starting at `src`, rows
 * `srcStride` apart) to `to` (at `dst`, rows `dstStride` apart): the forward copy of a
 * window's inside part, and the backward copy of `dy` back to it.
 */
export function copyRows(
  to: Float32Array,
  dst: number,
  dstStride: number,
  from: Values,
  src: number,
  srcStride: number,
  rows: number,
  length: number,
): void {
  if (length >= SHORT_ROW) {
    for (let i = 0; i < rows; i++, src += srcStride, dst += dstStride) {
      to.set(from.subarray(src, src + length), dst);
    }
  } else {
    for (let i = 0; i < rows; i++, src += srcStride, dst += dstStride) {
      for (let k = 0; k < length; k++) to[dst + k] = from[src + k];
    }
  }
}
