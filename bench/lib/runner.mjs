// One workload on one backend: tensors, checks, timed methods, measuring. The same module runs in
// Node (lib/run_node.mjs: cpu, wasm, tensorflow) and in the browser page (browser/page.mjs: webgl,
// webgpu), which each generate the inputs with prepareWorkload / prepareSensor; what differs comes
// in `env` {tf, plugin, tracker, read(call), gpu?, floors?, checkFloors?}: `read` adds the backend's
// read of the results to a timed call (dataSync on tensorflow, await data() on GPU backends, none
// on cpu and wasm); `gpu` ({finish, slice}) the no-readback timings and the tf.slice floor of the
// GPU page; `floors` and `checkFloors` the JS floors (Node, beside the first backend run).
import {BILINEAR_WORKLOADS, bilinearCall, compositeCall, kernelCall, unseededCall} from './methods.mjs';
import {verifyOutputs, withWasmPaths} from './methods.mjs';
import {forwardFloor} from './floor.mjs';
import {measureInterleaved, repetitionPolicy} from './measure.mjs';
import {generateSensorChecked, sensorCall, sensorGrads, sensorMethods, sensorOutputShape} from './sensor.mjs';
import {locationsPerImage, sensorReferences, sensorWindows, verifySensor} from './sensor.mjs';
import {checkBoxesPickWindow, effectiveNoise, generateChecked, pixelExactBoxes, windowGeometry} from './workloads.mjs';

/** A workload's inputs (checked against its sha256), geometry, pixel-exact boxes and the expected glimpse. */
export async function prepareWorkload(w, plugin, digest) {
  const gen = await generateChecked(w, digest);
  const geometry = windowGeometry(w, gen.offsets, plugin.windowCorner, plugin.insideSpan);
  const boxes = pixelExactBoxes(geometry);
  const badBox = checkBoxesPickWindow(geometry, boxes);
  if (badBox) throw new Error(`${w.id}: pixel-exact boxes fail the replay of cropAndResize: ${badBox}`);
  // The zero-noise glimpse in plain JS from the input: what kernel and composite must give.
  const expected = forwardFloor(geometry, gen.input, 'zero', [], 'set', true).run();
  return {gen, geometry, boxes, expected};
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
  const withoutRead = m => ({
    key: `${m.key}-nrb`,
    run: async () => {
      const r = m.call();
      await gpu.finish();
      return r;
    },
    dispose: r => tf.dispose(r),
  });
  if (fast.length && gpu.finish)
    Object.assign(results, await measureInterleaved(fast.map(withoutRead), policy, tracker));
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

/** The op, its composite, the floors, the backward kernel and tf.grad on the current backend. */
export async function runWorkload(env, w, p, opts) {
  const {tf, plugin, read, gpu, floors} = env;
  const backend = tf.getBackend();
  const batch = w.inputShape[0];
  const t = {
    input: tf.tensor4d(p.gen.input, w.inputShape),
    offsets: tf.tensor2d(p.gen.offsets, [batch, 2]),
    boxes: tf.tensor2d(p.boxes, [batch, 4]),
    boxInd: tf.tensor1d(
      Int32Array.from({length: batch}, (_, i) => i),
      'int32',
    ),
  };
  const out = {backend, notes: []};
  try {
    // Also uploads the input, so no timed call pays for that.
    out.verified = await verifyOutputs(tf, plugin, w, p.geometry, t, p.expected);
    const c = out.verified.composite;
    if (c.mismatches && backend === 'cpu') {
      throw new Error(
        `${w.id}: BENCH BUG: the cpu composite differs from the expected glimpse at ${c.mismatches} positions ` +
          `(${c.first}): the pixel-exact boxes are wrong`,
      );
    }
    if (c.mismatches) {
      out.notes.push(
        `the ${backend} composite is NOT pixel-exact: ${c.mismatches} of ${c.compared} positions differ from ` +
          `the expected glimpse (first ${c.first}), a tfjs ${backend} CropAndResize bug (see bench/README.md); ` +
          'timed anyway',
      );
    }
    const mode = effectiveNoise(w);
    const kernel = () => kernelCall(plugin, w, t.input, t.offsets);
    const calls = {kernel, composite: () => compositeCall(tf, w, mode, t.input, t.boxes, t.boxInd)};
    // The GPU copy-floor target compares the zero-noise kernel with tf.slice: a workload with noise
    // also times a zero-noise call of the same shapes.
    if (gpu && mode !== 'zero') calls['kernel-zero'] = () => kernelCall(plugin, w, t.input, t.offsets, 'zero', false);
    if (BILINEAR_WORKLOADS.includes(w.id)) calls['kernel-bilinear'] = () => bilinearCall(plugin, w, t.input, t.offsets);
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
      if (floors) out.floorStrategy = {forward: floors.strategy.forward, backward: floors.strategy.backward};
    } finally {
      if (dy) dy.dispose();
    }
  } finally {
    tf.dispose(Object.values(t));
  }
  return out;
}

/** Node's extra methods: TensorFlow's like-for-like calls, the JS floors, the backward kernel, tf.grad. */
function nodeMethods({tf, plugin, read, floors, checkFloors}, w, t, dy, kernel, out) {
  const backend = tf.getBackend();
  const methods = [];
  // The op alone, its result left in TensorFlow: what tools/tf_baseline.py times; without a seed
  // tfjs-node draws TensorFlow's own noise, like with like with it.
  const unread = call => call;
  if (backend === 'tensorflow') methods.push(timedWith(unread, 'kernel-nrb', kernel));
  if (backend === 'tensorflow' && effectiveNoise(w) !== 'zero') {
    methods.push(timedWith(unread, 'kernel-unseeded-nrb', () => unseededCall(plugin, w, t.input, t.offsets)));
  }
  const attrs = {inputShape: w.inputShape, version: w.op === 'ExtractGlimpse' ? 1 : 2};
  Object.assign(attrs, {centered: w.centered, normalized: w.normalized});
  const gradKernel = () => tf.engine().runKernel(plugin.ExtractGlimpseGrad, {dy, offsets: t.offsets}, attrs);
  const gradOf = tf.grad(x => kernelCall(plugin, w, x, t.offsets));
  const hasGrad = tf.getKernel(plugin.ExtractGlimpseGrad, backend) != null;
  const floor = (key, f) => ({key, run: () => f.run(), bytes: f.bytes});
  if (floors) {
    const verified = checkFloors(w, floors, dy, gradKernel, () => gradOf(t.input, dy), hasGrad);
    Object.assign(out.verified, verified);
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
    const grads = tf.grads((x, o) => bilinearCall(plugin, w, x, o));
    methods.push(timedWith(read, 'tf.grad-bilinear', () => grads([t.input, t.offsets], dy)));
  }
  return methods;
}

/** Whether `call` works on this backend: the GPU sensor kernels may be missing or failing. */
async function tryCall(tf, call) {
  try {
    const r = call();
    await Promise.all([].concat(r).map(x => x.data()));
    tf.dispose(r);
    return null;
  } catch (e) {
    return e.message.split('\n')[0];
  }
}

/** The sensor's images, locations, window corners and JS references, checked against the workload. */
export async function prepareSensor(w, plugin, digest) {
  const gen = await generateSensorChecked(w, digest);
  const {corners, counts} = sensorWindows(w, gen.locations, plugin.windowCorner, plugin.insideSpan);
  return {gen, counts, refs: sensorReferences(w, gen.images, corners)};
}

/** The glimpse sensor: the fused op, the composite, tf.grad of each, on the current backend. */
export async function runSensorWorkload(env, w, p, opts) {
  const {tf, plugin, read, gpu} = env;
  const backend = tf.getBackend();
  const t = {images: tf.tensor4d(p.gen.images, w.imagesShape), locations: tf.tensor(p.gen.locations, w.locationsShape)};
  const out = {backend, notes: []};
  try {
    let fused = tf.getKernel('GlimpseSensor', backend) != null;
    let fusedGrad = tf.getKernel('GlimpseSensorGrad', backend) != null;
    if (!fused) out.notes.push(`no GlimpseSensor kernel on ${backend}: the fused op is not available`);
    if (gpu && fused) {
      const failed = await tryCall(tf, () => sensorCall(plugin, w, t.images, t.locations));
      if (failed) out.notes.push(`tf.glimpseSensor failed on ${backend} (${failed}): the fused op is not available`);
      fused = !failed;
    }
    fusedGrad &&= fused || !gpu;
    if (!fusedGrad && (fused || !gpu))
      out.notes.push(`no GlimpseSensorGrad kernel on ${backend}: its gradient is not available`);
    if (gpu && fusedGrad) {
      const failed = await tryCall(tf, () => sensorGrads(tf, plugin, w, t.locations).fused(t.images));
      if (failed) out.notes.push(`tf.grad of the fused op failed on ${backend} (${failed}): not available`);
      fusedGrad = !failed;
    }
    out.verified = await verifySensor(tf, plugin, w, t, p.refs, fused, fusedGrad);
    const cv = out.verified.compositeVsReference;
    if (!cv.ok) out.notes.push(`the composite differs from the zero-padding reference by ${cv.maxAbsDiff}`);
    const all = sensorMethods(tf, plugin, w, t, {fused, fusedGrad, wrap: read});
    const paths = ['sensor', 'sensor-grad', 'sensor-bilinear', 'sensor-grad-bilinear'];
    out.policy = repetitionPolicy(w, opts.quick);
    const methods = backend === 'wasm' ? withWasmPaths(all, plugin, paths) : all;
    // On GPU backends with the read only.
    out.methods = await measureInterleaved(methods, out.policy, env.tracker);
  } finally {
    tf.dispose(Object.values(t));
  }
  return out;
}
