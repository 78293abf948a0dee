/**
 * The part of src/window_geometry.ts a compiled kernel needs once the JS driver has placed a
 * window: which of its rows (columns) fall inside an image axis. Corners arrive clamped
 * (kernels/wasm/compiled_args.ts) so that they fit an i32 and give the same spans.
 */

/** `[start, end)` of `insideSpan(corner, glimpse, size)`, packed as start | end << 32. */
export function insideSpan(corner: i32, glimpse: i32, size: i32): u64 {
  const start = min(glimpse, max(0, -corner));
  const end = max(start, min(glimpse, size - corner));
  return (<u64>(<u32>start)) | ((<u64>(<u32>end)) << 32);
}

export function spanStart(span: u64): i32 {
  return <i32>(<u32>span);
}

export function spanEnd(span: u64): i32 {
  return <i32>(<u32>(span >> 32));
}

/** Byte address of float32 element `index` of the tensor at `base`. */
export function f32At(base: usize, index: i32): usize {
  return base + ((<usize>index) << 2);
}

/** Below this many bytes a loop beats memory.copy and memory.fill, which engines run as calls. */
const SHORT_RUN: usize = 256;

/**
 * Copies `bytes` (a multiple of 4) from `src` to `dst`, which do not overlap. memory.copy (the
 * engine's memmove) runs about four times slower when dst lies less than 32 bytes past src
 * modulo 4 KiB, its stores aliasing its next loads; the loop, loading a run before storing it,
 * keeps its speed there.
 */
export function copyBytes(dst: usize, src: usize, bytes: usize): void {
  const gap = (dst - src) & 4095;
  if (bytes >= SHORT_RUN && (gap == 0 || gap >= 64)) {
    memory.copy(dst, src, bytes);
    return;
  }
  let k: usize = 0;
  if (ASC_FEATURE_SIMD) {
    for (; k + 64 <= bytes; k += 64) {
      const a = v128.load(src + k),
        b = v128.load(src + k + 16),
        c = v128.load(src + k + 32),
        d = v128.load(src + k + 48);
      v128.store(dst + k, a);
      v128.store(dst + k + 16, b);
      v128.store(dst + k + 32, c);
      v128.store(dst + k + 48, d);
    }
    for (; k + 16 <= bytes; k += 16) v128.store(dst + k, v128.load(src + k));
  } else {
    for (; k + 32 <= bytes; k += 32) {
      const a = load<u64>(src + k),
        b = load<u64>(src + k + 8),
        c = load<u64>(src + k + 16),
        d = load<u64>(src + k + 24);
      store<u64>(dst + k, a);
      store<u64>(dst + k + 8, b);
      store<u64>(dst + k + 16, c);
      store<u64>(dst + k + 24, d);
    }
  }
  for (; k < bytes; k += 4) store<u32>(dst + k, load<u32>(src + k));
}

/** Zeroes `bytes` (a multiple of 4) from `dst`. */
export function zeroBytes(dst: usize, bytes: usize): void {
  if (bytes >= SHORT_RUN) {
    memory.fill(dst, 0, bytes);
    return;
  }
  let k: usize = 0;
  if (ASC_FEATURE_SIMD) {
    for (; k + 16 <= bytes; k += 16) v128.store(dst + k, i32x4.splat(0));
  }
  for (; k < bytes; k += 4) store<u32>(dst + k, 0);
}

/** Copies `rows` runs of `length` float32 values, rows `srcStride` / `dstStride` values apart. */
export function copyRows(
  to: usize,
  dst: i32,
  dstStride: i32,
  from: usize,
  src: i32,
  srcStride: i32,
  rows: i32,
  length: i32,
): void {
  const bytes = (<usize>length) << 2;
  for (let i = 0; i < rows; i++, src += srcStride, dst += dstStride) {
    copyBytes(f32At(to, dst), f32At(from, src), bytes);
  }
}
