// One workload on one backend: tensors, checks, timed methods, measuring; the same in Node
// (lib/run_node.mjs) and in the browser page (browser/page.mjs). What differs comes in `env`
// {tf, plugin, tracker, read(call), gpu?, floors?}: `read` adds the backend's read of the results
// to a timed call; `gpu` ({finish, slice}) the page's no-readback timings and tf.slice floor;
// `floors` the JS floors and their check (Node, beside the first backend run).
import {BILINEAR, ZERO_NOISE, compositeCall, kernelCall, verifyOutputs, withWasmPaths} from './methods.mjs';
import {forwardFloor} from './floor.mjs';
import {measureInterleaved, repetitionPolicy} from './measure.mjs';
import {locationsPerImage, sensorCall, sensorGrads, sensorMethods, sensorOutputShape} from './sensor.mjs';
import {sensorReferences, sensorWindows, verifySensor} from './sensor.mjs';
import {BILINEAR_WORKLOADS, checkBoxesPickWindow, effectiveNoise, generateChecked} from './workloads.mjs';
import {pixelExactBoxes, windowGeometry} from './workloads.mjs';

/** A workload's inputs (checked against its sha256), geometry, pixel-exact boxes and the expected glimpse. */
export async function prepareWorkload(w, plugin, digest) {
  const gen = await generateChecked(w, digest);
  const geometry = windowGeometry(w, gen.pairs, plugin.windowCorner, plugin.insideSpan);
  const boxes = pixelExactBoxes(geometry);
  const badBox = checkBoxesPickWindow(geometry, boxes);
  if (badBox) throw new Error(`${w.id}: pixel-exact boxes fail the replay of cropAndResize: ${badBox}`);
  // The zero-noise glimpse in plain JS from the input: what kernel and composite must give.
  const expected = forwardFloor(geometry, gen.input, 'zero', [], 'set', true).run();
  return {gen, geometry, boxes, expected};
}

/** The sensor's images, locations, window corners and JS references, checked against the workload. */
export async function prepareSensor(w, plugin, digest) {
  const gen = await generateChecked(w, digest);
  const {corners, counts} = sensorWindows(w, gen.pairs, plugin.windowCorner, plugin.insideSpan);
  return {gen, counts, refs: sensorReferences(w, gen.input, corners)};
}

const timedWith = (read, key, call) => ({key, run: read(call), call});

/**
 * GPU: every method timed with the read, then (unless over a second with it) without it, until the
 * GPU has finished. Node: once, with the backend's read.
 */
async function measure(env, methods, policy, notes, quick) {
  const {tf, gpu, tracker} = env;
  // Every method but the floors (plain JS, `bytes` set) returns tensors.
  const disposing = methods.map(m => (m.bytes == null ? {...m, dispose: r => tf.dispose(r)} : m));
  const results = await measureInterleaved(disposing, policy, tracker);
  if (!gpu) return results;
  const slowMs = quick ? 150 : 1000;
  const slow = methods.filter(m => results[m.key].medianMs > slowMs).map(m => m.key);
  const fast = methods.filter(m => !slow.includes(m.key) && m.call);
  const withoutRead = m => ({key: `${m.key}-nrb`, run: async () => [m.call(), await gpu.finish()][0], call: m.call});
  if (fast.length && gpu.finish) Object.assign(results, await measure({tf, tracker}, fast.map(withoutRead), policy));
  if (slow.length) {
    notes.push(
      `no-readback timings of ${slow.join(', ')} skipped: over ${slowMs} ms with the read, which is then a small part`,
    );
  }
  return results;
}

/** The largest tensors a workload (a sensor workload) creates, by name: the GPU backends' limits apply. */
export function tensorShapes(w) {
  if (!w.imagesShape) return {input: w.inputShape, output: [w.inputShape[0], ...w.size, w.inputShape[3]]};
  const [batch, , , channels] = w.imagesShape;
  const n = locationsPerImage(w);
  const side = w.scaleFactor ** (w.scales - 1);
  return {
    images: w.imagesShape,
    output: sensorOutputShape(w),
    'largest composite window': [batch * n, w.size[0] * side, w.size[1] * side, channels],
    ...(n > 1 ? {'tiled images': [batch * n, ...w.imagesShape.slice(1)]} : {}),
  };
}

/** Runs `body(t, out)` with the tensors of `arrays` ({name: [values, shape, dtype?]}), disposed after. */
async function withTensors(tf, arrays, body) {
  const t = Object.fromEntries(Object.entries(arrays).map(([k, [v, shape, dtype]]) => [k, tf.tensor(v, shape, dtype)]));
  const out = {backend: tf.getBackend(), notes: []};
  try {
    await body(t, out);
  } finally {
    tf.dispose(Object.values(t));
  }
  return out;
}

/** The op, its composite, the floors, the backward kernel and tf.grad on the current backend. */
export function runWorkload(env, w, p, opts) {
  const {tf, plugin, read, gpu, floors} = env;
  const batch = w.inputShape[0];
  const boxInd = [Int32Array.from({length: batch}, (_, i) => i), [batch], 'int32'];
  const arrays = {input: [p.gen.input, w.inputShape], offsets: [p.gen.pairs, [batch, 2]], boxes: [p.boxes, [batch, 4]]};
  return withTensors(tf, {...arrays, boxInd}, async (t, out) => {
    const backend = out.backend;
    // Also uploads the input, so no timed call pays for that.
    out.verified = await verifyOutputs(tf, plugin, w, p.geometry, t, p.expected);
    const c = out.verified.composite;
    const where = `${c.mismatches} of ${c.compared} positions differ from the expected glimpse (first ${c.first})`;
    if (c.mismatches && backend === 'cpu')
      throw new Error(`${w.id}: BENCH BUG: the cpu composite differs: ${where}: the pixel-exact boxes are wrong`);
    if (c.mismatches) {
      const why = `a tfjs ${backend} CropAndResize bug (see bench/README.md)`;
      out.notes.push(`the ${backend} composite is NOT pixel-exact: ${where}, ${why}; timed anyway`);
    }

    const mode = effectiveNoise(w);
    const kernel = () => kernelCall(plugin, w, t.input, t.offsets);
    const calls = {kernel, composite: () => compositeCall(tf, w, mode, t.input, t.boxes, t.boxInd)};
    // The GPU copy-floor target compares the zero-noise kernel with tf.slice: a workload with noise
    // also times a zero-noise call of the same shapes.
    if (gpu && mode !== 'zero') calls['kernel-zero'] = () => kernelCall(plugin, w, t.input, t.offsets, ZERO_NOISE);
    if (BILINEAR_WORKLOADS.includes(w.id))
      calls['kernel-bilinear'] = () => kernelCall(plugin, w, t.input, t.offsets, BILINEAR);
    const slice = gpu && gpu.slice(w, t.input);
    if (slice) calls.slice = slice;
    else if (gpu) out.notes.push('no slice floor: the glimpse is larger than the image');
    const methods = Object.entries(calls).map(([key, call]) => timedWith(read, key, call));
    const dy = gpu ? null : kernel(); // the backward kernel's dy: a real forward output
    try {
      if (!gpu) methods.push(...nodeMethods(env, w, t, dy, kernel, out));
      const policy = (out.policy = repetitionPolicy(w, opts.quick));
      const paths = ['kernel', 'grad-kernel', 'kernel-bilinear'];
      const timed = backend === 'wasm' ? withWasmPaths(methods, plugin, paths) : methods;
      out.methods = await measure(env, timed, policy, out.notes, opts.quick);
      if (floors) out.floorStrategy = {...floors.strategy};
    } finally {
      if (dy) dy.dispose();
    }
  });
}

/** Node's extra methods: TensorFlow's like-for-like calls, the JS floors, the backward kernel, tf.grad. */
function nodeMethods({tf, plugin, read, floors}, w, t, dy, kernel, out) {
  const backend = tf.getBackend();
  const methods = [];
  // The op alone, its result left in TensorFlow: what tools/tf_baseline.py times; without a seed
  // tfjs-node draws TensorFlow's own noise, like with like with it.
  const unread = call => call;
  if (backend === 'tensorflow') methods.push(timedWith(unread, 'kernel-nrb', kernel));
  if (backend === 'tensorflow' && effectiveNoise(w) !== 'zero') {
    const unseeded = () => kernelCall(plugin, w, t.input, t.offsets, {seed: undefined});
    methods.push(timedWith(unread, 'kernel-unseeded-nrb', unseeded));
  }
  const attrs = {inputShape: w.inputShape, version: w.op === 'ExtractGlimpse' ? 1 : 2};
  Object.assign(attrs, {centered: w.centered, normalized: w.normalized});
  const gradKernel = () => tf.engine().runKernel(plugin.ExtractGlimpseGrad, {dy, offsets: t.offsets}, attrs);
  const gradOf = tf.grad(x => kernelCall(plugin, w, x, t.offsets));
  const hasGrad = tf.getKernel(plugin.ExtractGlimpseGrad, backend) != null;
  const floor = (key, f) => ({key, run: () => f.run(), bytes: f.bytes});
  if (floors) {
    Object.assign(
      out.verified,
      floors.check(dy, gradKernel, () => gradOf(t.input, dy), hasGrad),
    );
    methods.push(floor('floor', floors.forward), floor('floor-fresh', floors.forwardFresh));
  }
  if (!hasGrad) {
    out.notes.push(`no ExtractGlimpseGrad kernel on ${backend}: backward not timed`);
    return methods;
  }
  methods.push(timedWith(read, 'grad-kernel', gradKernel));
  if (floors) methods.push(floor('grad-floor', floors.backward), floor('grad-floor-fresh', floors.backwardFresh));
  methods.push(timedWith(read, 'tf.grad', () => gradOf(t.input, dy)));
  if (BILINEAR_WORKLOADS.includes(w.id)) {
    // d input and d offsets: the bilinear gradient reaches both.
    const grads = tf.grads((x, o) => kernelCall(plugin, w, x, o, BILINEAR));
    methods.push(timedWith(read, 'tf.grad-bilinear', () => grads([t.input, t.offsets], dy)));
  }
  return methods;
}

/** Why `call` fails on this backend (the GPU sensor kernels may be missing or failing), or null. */
async function failure(tf, call) {
  try {
    const r = call();
    await Promise.all([].concat(r).map(x => x.data()));
    tf.dispose(r);
    return null;
  } catch (e) {
    return e.message.split('\n')[0];
  }
}

/** The glimpse sensor: the fused op, the composite, tf.grad of each, on the current backend. */
export function runSensorWorkload(env, w, p, opts) {
  const {tf, plugin, read, gpu} = env;
  const arrays = {images: [p.gen.input, w.imagesShape], locations: [p.gen.pairs, w.locationsShape]};
  return withTensors(tf, arrays, async (t, out) => {
    const backend = out.backend;
    let fused = tf.getKernel('GlimpseSensor', backend) != null;
    let fusedGrad = tf.getKernel('GlimpseSensorGrad', backend) != null;
    if (!fused) out.notes.push(`no GlimpseSensor kernel on ${backend}: the fused op is not available`);
    if (gpu && fused) {
      const failed = await failure(tf, () => sensorCall(plugin, w, t.images, t.locations));
      if (failed) out.notes.push(`tf.glimpseSensor failed on ${backend} (${failed}): the fused op is not available`);
      fused = !failed;
    }
    fusedGrad &&= fused || !gpu;
    if (!fusedGrad && (fused || !gpu))
      out.notes.push(`no GlimpseSensorGrad kernel on ${backend}: its gradient is not available`);
    if (gpu && fusedGrad) {
      const failed = await failure(tf, () => sensorGrads(tf, plugin, w, t.locations).fused(t.images));
      if (failed) out.notes.push(`tf.grad of the fused op failed on ${backend} (${failed}): not available`);
      fusedGrad = !failed;
    }
    out.verified = await verifySensor(tf, plugin, w, t, p.refs, fused, fusedGrad);
    const cv = out.verified.compositeVsReference;
    if (!cv.ok) out.notes.push(`the composite differs from the zero-padding reference by ${cv.maxAbsDiff}`);
    const all = sensorMethods(tf, plugin, w, t, {fused, fusedGrad, wrap: read});
    const paths = ['sensor', 'sensor-grad', 'sensor-bilinear', 'sensor-grad-bilinear'];
    out.policy = repetitionPolicy(w, opts.quick);
    // On GPU backends with the read only.
    const timed = backend === 'wasm' ? withWasmPaths(all, plugin, paths) : all;
    out.methods = await measureInterleaved(timed, out.policy, env.tracker);
  });
}
