// The floors (bench/README.md, "Floors"): plain JS doing only the memory traffic the op cannot
// avoid, forward (window rows copied, one statistics pass per image that needs noise) and backward
// (a zeroed gradient, dy's window rows copied back); each `reused` (one output buffer) or `fresh` (a
// new one per call, as a kernel returns), with row copies by `set` or by `loop` (faster when short).

/** Copy plan: per window with an inside part, its first image and glimpse element, rows and row length. */
function copyPlan({items, batch, height, width, channels, h, w}) {
  const [imageRow, glimpseRow] = [width * channels, w * channels];
  // int32 indices keep element access on the fast path (doubles would not be).
  if (batch * height * imageRow >= 2 ** 31) throw new Error('floor: input too large for int32 indices');
  const inside = items.filter(it => it.any);
  const column = f => Int32Array.from(inside, f);
  return {
    n: inside.length,
    imageRow,
    glimpseRow,
    image: column(it => (it.b * height + it.corner.y + it.r0) * imageRow + (it.corner.x + it.c0) * channels),
    glimpse: column(it => (it.b * h + it.r0) * glimpseRow + it.c0 * channels),
    rows: column(it => it.r1 - it.r0),
    run: column(it => (it.c1 - it.c0) * channels),
  };
}

/** Copies rows of `run` floats from `src` (stride srcRow) to `dst` (stride dstRow). */
function copyRowsSet(dst, dstStart, dstRow, src, srcStart, srcRow, rows, run) {
  for (let i = 0, s = srcStart, d = dstStart; i < rows; i++, s += srcRow, d += dstRow)
    dst.set(src.subarray(s, s + run), d);
}

function copyRowsLoop(dst, dstStart, dstRow, src, srcStart, srcRow, rows, run) {
  for (let i = 0, s = srcStart, d = dstStart; i < rows; i++, s += srcRow, d += dstRow)
    for (let k = 0; k < run; k++) dst[d + k] = src[s + k];
}

const COPY = {set: copyRowsSet, loop: copyRowsLoop};

/** min/max over values[start, end). */
function rangePass(values, start, end, sink, at) {
  let [lo, hi] = [Infinity, -Infinity];
  for (let k = start; k < end; k++) {
    const v = values[k];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  [sink[at], sink[at + 1]] = [lo, hi];
}

/** Per channel sum, sum of squares, min, max over `pixels` pixels of 3 channels: unrolled. */
function moments3(values, start, pixels, sink, at) {
  let [s0, s1, s2, q0, q1, q2] = [0, 0, 0, 0, 0, 0];
  let [lo0, lo1, lo2, hi0, hi1, hi2] = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
  for (let p = 0, k = start; p < pixels; p++, k += 3) {
    const a = values[k];
    const b = values[k + 1];
    const c = values[k + 2];
    s0 += a;
    q0 += a * a;
    if (a < lo0) lo0 = a;
    if (a > hi0) hi0 = a;
    s1 += b;
    q1 += b * b;
    if (b < lo1) lo1 = b;
    if (b > hi1) hi1 = b;
    s2 += c;
    q2 += c * c;
    if (c < lo2) lo2 = c;
    if (c > hi2) hi2 = c;
  }
  sink.set([s0, s1, s2, q0, q1, q2, lo0, lo1, lo2, hi0, hi1, hi2], at);
}

/** The forward floor: `statItems` the items needing statistics, `mode` the effective noise. */
export function forwardFloor(geometry, input, mode, statItems, strategy, fresh) {
  const {batch, height, width, channels, h, w} = geometry;
  const p = copyPlan(geometry);
  const copy = COPY[strategy];
  const outSize = batch * h * w * channels;
  const imageSize = height * width * channels;
  const pixels = height * width;
  // Every gaussian workload has 3 channels (workloads.json is pinned): moments3 alone.
  if (mode === 'gaussian' && channels !== 3) throw new Error('floor: gaussian statistics need 3 channels');
  const stats = Int32Array.from(statItems, it => it.b);
  const sink = new Float64Array(Math.max(1, stats.length * 4 * channels));
  const reused = fresh ? null : new Float32Array(outSize).fill(0);
  return {
    bytes: outSize * 4,
    sink,
    run() {
      const out = fresh ? new Float32Array(outSize) : reused;
      for (let j = 0; j < p.n; j++)
        copy(out, p.glimpse[j], p.glimpseRow, input, p.image[j], p.imageRow, p.rows[j], p.run[j]);
      if (mode === 'uniform') {
        for (let j = 0; j < stats.length; j++)
          rangePass(input, stats[j] * imageSize, (stats[j] + 1) * imageSize, sink, 2 * j);
      } else if (mode === 'gaussian') {
        for (let j = 0; j < stats.length; j++) moments3(input, stats[j] * imageSize, pixels, sink, 12 * j);
      }
      return out;
    },
  };
}

/** The backward floor: a zeroed input-shaped gradient (fresh, or reused and fill(0)), dy's rows copied back. */
export function backwardFloor(geometry, dy, strategy, fresh) {
  const {batch, height, width, channels} = geometry;
  const p = copyPlan(geometry);
  const copy = COPY[strategy];
  const inSize = batch * height * width * channels;
  const reused = fresh ? null : new Float32Array(inSize).fill(0);
  return {
    bytes: inSize * 4,
    run() {
      const dx = fresh ? new Float32Array(inSize) : reused.fill(0);
      for (let j = 0; j < p.n; j++)
        copy(dx, p.image[j], p.imageRow, dy, p.glimpse[j], p.glimpseRow, p.rows[j], p.run[j]);
      return dx;
    },
  };
}

export const COPY_STRATEGIES = Object.keys(COPY);
