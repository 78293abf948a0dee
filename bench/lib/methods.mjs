// The measured methods and their checks, shared by Node and the browser page (lib/runner.mjs). No
// imports: tfjs (`tf`) and the plugin's exports are passed in, so the same code runs against the
// Node packages and the UMD bundles.

/** The plugin's op, exactly as the workload calls it (fixed seed, so every rep draws the same noise). */
export function kernelCall(
  plugin,
  w,
  input,
  offsets,
  noise = w.noise,
  uniformNoise = w.uniformNoise,
  interpolation = 'nearest',
) {
  return plugin.extractGlimpse(input, w.size, offsets, w.centered, w.normalized, noise, {
    version: w.op === 'ExtractGlimpse' ? 1 : 2,
    uniformNoise,
    seed: 20261125,
    interpolation,
  });
}

/** The op without a seed: on tfjs-node it runs TensorFlow's own op, noise and all. */
export const unseededCall = (plugin, w, input, offsets) =>
  plugin.extractGlimpse(input, w.size, offsets, w.centered, w.normalized, w.noise, {
    version: w.op === 'ExtractGlimpse' ? 1 : 2,
    uniformNoise: w.uniformNoise,
  });

/** Workloads also timed with bilinear interpolation, against their nearest figures (forward and backward). */
export const BILINEAR_WORKLOADS = ['W1', 'W4', 'S1', 'S2', 'S3'];

/** The op with bilinear interpolation: the workload's call otherwise. */
export const bilinearCall = (plugin, w, input, offsets) =>
  kernelCall(plugin, w, input, offsets, w.noise, w.uniformNoise, 'bilinear');

/**
 * The composite without the plugin: tf.image.cropAndResize ('nearest', pixel-exact boxes,
 * extrapolation 0) plus, when the workload has noise, the statistics the noise needs via
 * tfjs ops: min/max per image for uniform, tf.moments + min/max per image and channel for
 * gaussian (per channel, after one transpose). It computes them for every image (a
 * composite would need a gather, itself a copy, to restrict them to the images with outside
 * positions) and draws no noise, so it is a lower bound on a complete composite. Returns
 * the tensors it keeps (tidy disposes every intermediate).
 */
export function compositeCall(tf, w, mode, input, boxes, boxInd) {
  return tf.tidy(() => {
    const crop = tf.image.cropAndResize(input, boxes, boxInd, w.size, 'nearest', 0);
    if (mode === 'zero') return [crop];
    if (mode === 'uniform') return [crop, tf.min(input, [1, 2, 3]), tf.max(input, [1, 2, 3])];
    // Channels innermost: tfjs reduces over non-innermost axes by transposing first, once
    // per reduction (tf.moments(input, [1, 2]) plus min and max: four transposes). One
    // transpose to [B, C, H, W], then reductions over the innermost axes, is about twice
    // as fast on cpu, so that is the composite timed.
    const planar = tf.transpose(input, [0, 3, 1, 2]);
    const {mean, variance} = tf.moments(planar, [2, 3]);
    return [crop, mean, tf.sqrt(variance), tf.min(planar, [2, 3]), tf.max(planar, [2, 3])];
  });
}

/**
 * Compares two float32 arrays bit for bit at the positions `mask(i)` says (all when no
 * mask). Returns {compared, mismatches, first}.
 */
export function compareBits(a, b, mask) {
  if (a.length !== b.length) {
    return {compared: 0, mismatches: Math.max(a.length, b.length), first: `length ${a.length} vs ${b.length}`};
  }
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
  let compared = 0;
  let mismatches = 0;
  let first = null;
  for (let i = 0; i < ua.length; i++) {
    if (mask && !mask(i)) continue;
    compared++;
    if (ua[i] !== ub[i]) {
      if (first === null) first = `index ${i}: ${a[i]} vs ${b[i]}`;
      mismatches++;
    }
  }
  return {compared, mismatches, first};
}

/** A predicate over flat output indices: true where the window position is inside the image. */
export function insideMask(geometry) {
  const {items, h, w, channels} = geometry;
  const outRow = w * channels;
  const glimpseSize = h * outRow;
  return i => {
    const it = items[Math.floor(i / glimpseSize)];
    if (!it.any) return false;
    const r = i % glimpseSize;
    const y = Math.floor(r / outRow);
    const x = Math.floor((r % outRow) / channels);
    return y >= it.r0 && y < it.r1 && x >= it.c0 && x < it.c1;
  };
}

/**
 * Checks on one backend, against `expected` (the zero-noise glimpse computed in plain JS
 * from the input: the floor's copy with zero noise):
 *   - the kernel with zero noise, everywhere (outside positions are 0);
 *   - the kernel with the workload's own noise, at the inside positions;
 *   - the composite (extrapolation 0), everywhere: where it equals `expected`, it equals
 *     the kernel's output outside noise positions.
 * A wrong kernel throws (its timings would mean nothing). A wrong composite is returned
 * (`composite.mismatches` > 0): it is a tfjs bug on that backend, reported beside its timings.
 */
export async function verifyOutputs(tf, plugin, w, geometry, tensors, expected) {
  const {input, offsets, boxes, boxInd} = tensors;
  const backend = tf.getBackend();
  const pick = r => ({compared: r.compared, mismatches: r.mismatches, ...(r.first ? {first: r.first} : {})});
  const kz = kernelCall(plugin, w, input, offsets, 'zero', false);
  const kzv = await kz.data();
  tf.dispose(kz);
  const kernel = compareBits(kzv, expected);
  if (kernel.mismatches) {
    throw new Error(
      `${w.id} on ${backend}: WRONG KERNEL OUTPUT: with zero noise the kernel differs ` +
        'from the expected ' +
        `glimpse at ${kernel.mismatches} of ${kernel.compared} positions, first ${kernel.first}`,
    );
  }
  const result = {kernelZeroNoise: pick(kernel)};
  if (w.noise !== 'zero') {
    const k = kernelCall(plugin, w, input, offsets);
    const kv = await k.data();
    tf.dispose(k);
    const inside = compareBits(kv, expected, insideMask(geometry));
    if (inside.mismatches) {
      throw new Error(
        `${w.id} on ${backend}: WRONG KERNEL OUTPUT: with the workload's noise the kernel ` +
          `differs from the expected glimpse at ${inside.mismatches} of ${inside.compared} ` +
          `inside positions, first ${inside.first}`,
      );
    }
    result.kernelNoiseInside = pick(inside);
  }
  const [c] = compositeCall(tf, w, 'zero', input, boxes, boxInd);
  const cv = await c.data();
  tf.dispose(c);
  result.composite = pick(compareBits(cv, expected));
  return result;
}

/** The wasm kernels' paths the bench times besides the default (compiled SIMD in Node). */
export const WASM_PATHS = ['scalar', 'js'];

/**
 * On wasm: each method whose key is in `keys` also timed on the scalar build and on the JS
 * kernels (`<key>-scalar`, `<key>-js`), in the same interleaved rounds; every wasm method
 * first puts the kernels on its path (`auto`, the SIMD build, for the plain keys).
 */
export function withWasmPaths(methods, plugin, keys) {
  const onPath = (path, run) => () => {
    plugin.setWasmKernelPath(path);
    return run();
  };
  const out = methods.map(m => ({...m, run: onPath('auto', m.run)}));
  for (const m of methods.filter(x => keys.includes(x.key))) {
    for (const path of WASM_PATHS) out.push({...m, key: `${m.key}-${path}`, run: onPath(path, m.run)});
  }
  return out;
}
