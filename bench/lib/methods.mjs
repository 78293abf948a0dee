// The measured methods and their checks, shared by Node and the browser page (lib/runner.mjs). tfjs
// (`tf`) and the plugin's exports are passed in, so the same code runs against the Node packages
// and the UMD bundles.

/** A tensor's values (`await data()`), the tensor disposed. */
export const read = async t => [await t.data(), t.dispose()][0];

/**
 * The plugin's op as the workload calls it, fixed seed (every rep draws the same noise); `options`
 * override its noise, uniformNoise, interpolation or seed (seed undefined: on tfjs-node, TensorFlow's op).
 */
export const kernelCall = (plugin, w, input, offsets, {noise = w.noise, ...options} = {}) =>
  plugin.extractGlimpse(input, w.size, offsets, w.centered, w.normalized, noise, {
    version: w.op === 'ExtractGlimpse' ? 1 : 2,
    ...{uniformNoise: w.uniformNoise, seed: 20261125, interpolation: 'nearest', ...options},
  });

export const ZERO_NOISE = {noise: 'zero', uniformNoise: false};
export const BILINEAR = {interpolation: 'bilinear'};

/**
 * The composite without the plugin: tf.image.cropAndResize ('nearest', pixel-exact boxes,
 * extrapolation 0) plus the statistics the noise needs, for every image (restricting them would
 * need a gather, itself a copy); it draws no noise: a lower bound on a complete composite.
 */
export function compositeCall(tf, w, mode, input, boxes, boxInd) {
  return tf.tidy(() => {
    const crop = tf.image.cropAndResize(input, boxes, boxInd, w.size, 'nearest', 0);
    if (mode === 'zero') return [crop];
    if (mode === 'uniform') return [crop, tf.min(input, [1, 2, 3]), tf.max(input, [1, 2, 3])];
    // tfjs transposes once per reduction over non-innermost axes: one transpose to [B, C, H, W]
    // first is about twice as fast on cpu, so that is the composite timed.
    const planar = tf.transpose(input, [0, 3, 1, 2]);
    const {mean, variance} = tf.moments(planar, [2, 3]);
    return [crop, mean, tf.sqrt(variance), tf.min(planar, [2, 3]), tf.max(planar, [2, 3])];
  });
}

/** Compares two float32 arrays bit for bit where `mask(i)` (everywhere without): {compared, mismatches, first}. */
export function compareBits(a, b, mask) {
  if (a.length !== b.length)
    return {compared: 0, mismatches: Math.max(a.length, b.length), first: `length ${a.length} vs ${b.length}`};
  const [ua, ub] = [a, b].map(v => new Uint32Array(v.buffer, v.byteOffset, v.length));
  const r = {compared: 0, mismatches: 0, first: null};
  for (let i = 0; i < ua.length; i++) {
    if (mask && !mask(i)) continue;
    r.compared++;
    if (ua[i] !== ub[i] && r.mismatches++ === 0) r.first = `index ${i}: ${a[i]} vs ${b[i]}`;
  }
  return r;
}

/** A predicate over flat output indices: true where the window position is inside the image. */
export function insideMask({items, h, w, channels}) {
  const [outRow, glimpseSize] = [w * channels, h * w * channels];
  return i => {
    const [it, r] = [items[Math.floor(i / glimpseSize)], i % glimpseSize];
    const [y, x] = [Math.floor(r / outRow), Math.floor((r % outRow) / channels)];
    return it.any && y >= it.r0 && y < it.r1 && x >= it.c0 && x < it.c1;
  };
}

/**
 * Checks against `expected` (the zero-noise glimpse in plain JS): the kernel with zero noise
 * everywhere, with the workload's noise at the inside positions, the composite everywhere. A
 * wrong kernel throws (its timings would mean nothing); a wrong composite (a tfjs bug on that
 * backend) is returned, reported beside its timings.
 */
export async function verifyOutputs(tf, plugin, w, geometry, tensors, expected) {
  const {input, offsets, boxes, boxInd} = tensors;

  const pick = r => ({compared: r.compared, mismatches: r.mismatches, ...(r.first ? {first: r.first} : {})});
  // [name, the kernel's options, the positions compared, what the failure says]
  const checks = [
    ['kernelZeroNoise', ZERO_NOISE, null, 'with zero noise the kernel differs from the expected glimpse'],
  ];
  if (w.noise !== 'zero') {
    const what = "with the workload's noise the kernel differs from the expected glimpse";
    checks.push(['kernelNoiseInside', {}, insideMask(geometry), what]);
  }
  const result = {};
  for (const [name, options, mask, what] of checks) {
    const r = compareBits(await read(kernelCall(plugin, w, input, offsets, options)), expected, mask);
    if (r.mismatches) {
      const where = `${r.mismatches} of ${r.compared} ${mask ? 'inside ' : ''}positions, first ${r.first}`;
      throw new Error(`${w.id} on ${tf.getBackend()}: WRONG KERNEL OUTPUT: ${what} at ${where}`);
    }
    result[name] = pick(r);
  }
  const [c] = compositeCall(tf, w, 'zero', input, boxes, boxInd);
  result.composite = pick(compareBits(await read(c), expected));
  return result;
}

/**
 * On wasm: each method whose key is in `keys` also timed on the scalar build and on the JS kernels
 * (`<key>-scalar`, `<key>-js`) in the same rounds; each first sets its path (`auto`: SIMD).
 */
export function withWasmPaths(methods, plugin, keys) {
  const onPath = (path, run) => () => {
    plugin.setWasmKernelPath(path);
    return run();
  };
  const out = methods.map(m => ({...m, run: onPath('auto', m.run)}));
  for (const m of methods.filter(x => keys.includes(x.key))) {
    for (const path of ['scalar', 'js']) out.push({...m, key: `${m.key}-${path}`, run: onPath(path, m.run)});
  }
  return out;
}
