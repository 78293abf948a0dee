// The floors (bench/README.md, "Floors"): plain JS typed-array code doing only the memory traffic
// the op cannot avoid. Forward: copy the window bytes inside the image (one contiguous NHWC row
// segment per window row), then one statistics pass over each image that needs noise. Backward: a
// zeroed input-shaped gradient, each window row segment of dy copied back. Each in two variants,
// `reused` (one output buffer: pure memory traffic) and `fresh` (a new Float32Array per call, as a
// tfjs kernel returns), and two row-copy strategies, `set` (subarray + set) and `loop` (an element
// loop, faster for short segments): lib/run_node.mjs keeps the faster on each workload.

/** Copy plan: one entry per window with an inside part, as flat Int32/Float64 arrays. */
function copyPlan(geometry) {
  const {items, batch, height, width, channels, h, w} = geometry;
  const imageRow = width * channels;
  const glimpseRow = w * channels;
  const imageSize = height * imageRow;
  const glimpseSize = h * glimpseRow;
  const plan = [];
  for (const it of items) {
    if (!it.any) continue;
    plan.push({
      image: it.b * imageSize + ((it.corner.y + it.r0) * width + it.corner.x + it.c0) * channels,
      glimpse: it.b * glimpseSize + it.r0 * glimpseRow + it.c0 * channels,
      rows: it.r1 - it.r0,
      run: (it.c1 - it.c0) * channels,
    });
  }
  const n = plan.length;
  // int32 indices keep element access on the fast path (doubles would not be).
  if (batch * imageSize >= 2 ** 31) throw new Error('floor: input too large for int32 indices');
  return {
    n,
    imageRow,
    glimpseRow,
    image: Int32Array.from(plan, p => p.image),
    glimpse: Int32Array.from(plan, p => p.glimpse),
    rows: Int32Array.from(plan, p => p.rows),
    run: Int32Array.from(plan, p => p.run),
  };
}

/** Copies rows of `run` floats from `src` (stride srcRow) to `dst` (stride dstRow). */
function copyRowsSet(dst, dstStart, dstRow, src, srcStart, srcRow, rows, run) {
  for (let i = 0, s = srcStart, d = dstStart; i < rows; i++, s += srcRow, d += dstRow) {
    dst.set(src.subarray(s, s + run), d);
  }
}

function copyRowsLoop(dst, dstStart, dstRow, src, srcStart, srcRow, rows, run) {
  for (let i = 0, s = srcStart, d = dstStart; i < rows; i++, s += srcRow, d += dstRow) {
    for (let k = 0; k < run; k++) dst[d + k] = src[s + k];
  }
}

const COPY = {set: copyRowsSet, loop: copyRowsLoop};

/** min/max over values[start, end). */
function rangePass(values, start, end, sink, at) {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = start; k < end; k++) {
    const v = values[k];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  sink[at] = lo;
  sink[at + 1] = hi;
}

/** Per channel sum, sum of squares, min, max over `pixels` pixels of 3 channels: unrolled. */
function moments3(values, start, pixels, sink, at) {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    q0 = 0,
    q1 = 0,
    q2 = 0;
  let lo0 = Infinity,
    lo1 = Infinity,
    lo2 = Infinity,
    hi0 = -Infinity,
    hi1 = -Infinity,
    hi2 = -Infinity;
  for (let p = 0, k = start; p < pixels; p++, k += 3) {
    const a = values[k],
      b = values[k + 1],
      c = values[k + 2];
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

/** The same for any channel count. */
function momentsN(values, start, pixels, channels, sink, at) {
  const sum = new Float64Array(channels),
    sq = new Float64Array(channels);
  const lo = new Float64Array(channels).fill(Infinity),
    hi = new Float64Array(channels).fill(-Infinity);
  for (let p = 0, k = start; p < pixels; p++) {
    for (let c = 0; c < channels; c++, k++) {
      const v = values[k];
      sum[c] += v;
      sq[c] += v * v;
      if (v < lo[c]) lo[c] = v;
      if (v > hi[c]) hi[c] = v;
    }
  }
  sink.set(sum, at);
  sink.set(sq, at + channels);
  sink.set(lo, at + 2 * channels);
  sink.set(hi, at + 3 * channels);
}

/**
 * The forward floor of a workload. `statItems` lists the batch items needing statistics,
 * `mode` the effective noise, `fresh` picks the variant. Returns {run(): Float32Array, bytes, sink}.
 */
export function forwardFloor(geometry, input, mode, statItems, strategy, fresh) {
  const {batch, height, width, channels, h, w} = geometry;
  const p = copyPlan(geometry);
  const copy = COPY[strategy];
  const outSize = batch * h * w * channels;
  const imageSize = height * width * channels;
  const pixels = height * width;
  const stats = Int32Array.from(statItems, it => it.b);
  const sink = new Float64Array(Math.max(1, stats.length * 4 * channels));
  const reused = fresh ? null : new Float32Array(outSize).fill(0);
  return {
    bytes: outSize * 4,
    sink,
    run() {
      const out = fresh ? new Float32Array(outSize) : reused;
      for (let j = 0; j < p.n; j++) {
        copy(out, p.glimpse[j], p.glimpseRow, input, p.image[j], p.imageRow, p.rows[j], p.run[j]);
      }
      if (mode === 'uniform') {
        for (let j = 0; j < stats.length; j++) {
          rangePass(input, stats[j] * imageSize, (stats[j] + 1) * imageSize, sink, 2 * j);
        }
      } else if (mode === 'gaussian') {
        for (let j = 0; j < stats.length; j++) {
          if (channels === 3) moments3(input, stats[j] * imageSize, pixels, sink, 12 * j);
          else momentsN(input, stats[j] * imageSize, pixels, channels, sink, 4 * channels * j);
        }
      }
      return out;
    },
  };
}

/**
 * The backward floor: a zeroed input-shaped gradient (fresh, or reused and fill(0)), each
 * window row segment of dy copied back.
 */
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
      for (let j = 0; j < p.n; j++) {
        copy(dx, p.image[j], p.imageRow, dy, p.glimpse[j], p.glimpseRow, p.rows[j], p.run[j]);
      }
      return dx;
    },
  };
}

export const COPY_STRATEGIES = Object.keys(COPY);
