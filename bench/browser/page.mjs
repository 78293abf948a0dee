// Browser side of the benchmark (loaded by bench/browser/page.html after the tfjs and plugin
// UMD bundles). bench/run.mjs drives it through window.benchPage: init(backend, flags) once
// per page, then runWorkload(workload, options) per workload. Inputs are generated here by
// the same code as in Node (bench/lib/workloads.mjs) and checked against the same sha256.
import {checkBoxesPickWindow, effectiveNoise, generateChecked, pixelExactBoxes, sizeOf, windowGeometry} from '../lib/workloads.mjs';
import {compositeCall, installPeakTracker, kernelCall, measureInterleaved, repetitionPolicy, verifyOutputs} from '../lib/methods.mjs';
import {forwardFloor} from '../lib/floor.mjs';

const tf = window.tf;
let tracker = null;

function gpuInfo(backend) {
  const info = {};
  if (backend === 'webgl') {
    const gl = tf.backend().gpgpu.gl;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    info.renderer = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    info.webglVersion = tf.env().getNumber('WEBGL_VERSION');
    info.maxTextureSize = tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE');
    info.float32Render = tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED');
    info.pack = tf.env().getBool('WEBGL_PACK');
  } else if (backend === 'webgpu') {
    const be = tf.backend();
    const limits = be.device && be.device.limits;
    if (limits) {
      info.maxStorageBufferBindingSize = limits.maxStorageBufferBindingSize;
      info.maxBufferSize = limits.maxBufferSize;
    }
    if (be.adapterInfo) info.adapter = JSON.parse(JSON.stringify(be.adapterInfo));
  }
  return info;
}

async function init(backend, flags) {
  for (const [k, v] of Object.entries(flags || {})) tf.env().set(k, v);
  if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') returned false`);
  await tf.ready();
  tracker = installPeakTracker(tf);
  return {
    backend: tf.getBackend(),
    kernelRegistered: tf.getKernel('ExtractGlimpseV2', backend) != null,
    userAgent: navigator.userAgent,
    crossOriginIsolated: self.crossOriginIsolated,
    ...gpuInfo(backend),
  };
}

/**
 * Whether the workload's tensors fit the backend's limits: webgl's texture shape for the
 * input and output (unpacked and packed) within WEBGL_MAX_TEXTURE_SIZE; webgpu's buffer
 * limits. Returns null when it fits, else the reason.
 */
function doesNotFit(w) {
  const backend = tf.getBackend();
  const shapes = {input: w.inputShape, output: [w.inputShape[0], w.size[0], w.size[1], w.inputShape[3]]};
  if (backend === 'webgl') {
    const max = tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE');
    for (const [name, shape] of Object.entries(shapes)) {
      for (const packed of [false, true]) {
        // Packed shapes come in value units, two texels' worth per texel side.
        const tex = tf.webgl_util.getTextureShapeFromLogicalShape(shape, packed).map(d => (packed ? Math.ceil(d / 2) : d));
        if (tex[0] > max || tex[1] > max) {
          return `${name} [${shape}] needs a ${packed ? 'packed' : 'unpacked'} texture of ${tex[0]}x${tex[1]} texels, ` +
                 `beyond WEBGL_MAX_TEXTURE_SIZE ${max}`;
        }
      }
    }
  } else if (backend === 'webgpu') {
    const limits = tf.backend().device.limits;
    const bytes = sizeOf(w.inputShape) * 4;
    const cap = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
    if (bytes > cap) return `input is ${bytes} bytes, beyond the device's buffer limit ${cap}`;
  }
  return null;
}

/** Yields to the event loop (a new task) without setTimeout's 4 ms clamp. */
function yieldTask() {
  return new Promise(resolve => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
}

/**
 * Waits for the GPU to finish the work submitted so far, without reading anything back.
 * WebGL: a fence (fenceSync + flush), polled once per task; gl.finish() does not block in
 * Chromium (a no-op in practice), so it cannot be used. WebGPU: submit what tfjs batched,
 * then onSubmittedWorkDone.
 */
async function gpuFinish() {
  const be = tf.backend();
  if (tf.getBackend() === 'webgl') {
    const gl = be.gpgpu.gl;
    const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
    while (gl.getSyncParameter(sync, gl.SYNC_STATUS) !== gl.SIGNALED) await yieldTask();
    gl.deleteSync(sync);
  } else if (tf.getBackend() === 'webgpu') {
    // tfjs-webgpu batches dispatches in an open compute pass: end it and submit, as its own
    // reads do (submitting with the pass open would drop the work and break later calls).
    if (be.commandEncoder) {
      be.endComputePassEncoder();
      be.submitQueue();
    }
    await be.device.queue.onSubmittedWorkDone();
  }
}

async function runWorkload(w, options = {}) {
  const backend = tf.getBackend();
  const reason = doesNotFit(w);
  if (reason) return {skipped: reason};
  const t0 = performance.now();
  let gen = await generateChecked(w);
  const geometry = windowGeometry(w, gen.offsets, tf.windowCorner, tf.insideSpan);
  const boxes = pixelExactBoxes(geometry);
  const badBox = checkBoxesPickWindow(geometry, boxes);
  if (badBox) throw new Error(`${w.id}: pixel-exact boxes fail the replay of cropAndResize: ${badBox}`);
  const batch = w.inputShape[0];
  const tensors = {
    input: tf.tensor4d(gen.input, w.inputShape),
    offsets: tf.tensor2d(gen.offsets, [batch, 2]),
    boxes: tf.tensor2d(boxes, [batch, 4]),
    boxInd: tf.tensor1d(Int32Array.from({length: batch}, (_, i) => i), 'int32'),
  };
  const shas = {input: gen.inputSha, offsets: gen.offsetsSha};
  // The zero-noise glimpse, in plain JS from the input: what kernel and composite must give.
  const expected = forwardFloor(geometry, gen.input, 'zero', [], 'set', true).run();
  gen = null;  // the tensor holds the values (until uploaded); drop our reference
  const setupMs = performance.now() - t0;
  try {
    const verified = await verifyOutputs(tf, tf, w, geometry, tensors, expected);
    const notes = [];
    if (verified.composite.mismatches) {
      const c = verified.composite;
      notes.push(`the ${backend} composite is NOT pixel-exact: ${c.mismatches} of ${c.compared} positions differ ` +
                 `from the expected glimpse (first ${c.first}), a tfjs ${backend} CropAndResize bug; timed anyway`);
    }
    const mode = effectiveNoise(w);
    const {input, offsets, boxes: boxesT, boxInd} = tensors;
    const kernel = () => kernelCall(tf, w, input, offsets);
    const composite = () => compositeCall(tf, w, mode, input, boxesT, boxInd);
    const policy = repetitionPolicy(w, options.quick);
    const now = () => performance.now();
    // With a final read (await data() of every result): what an app that uses the values pays.
    const results = await measureInterleaved([
      {key: 'kernel', run: async () => { const t = kernel(); await t.data(); return t; }, dispose: t => t.dispose()},
      {key: 'composite', run: async () => { const ts = composite(); await Promise.all(ts.map(t => t.data())); return ts; },
       dispose: ts => tf.dispose(ts)},
    ], policy, now, tracker);
    // Without the read: until the GPU has finished. Skipped when the calls take over a
    // second (the read is then a small part, and time is short).
    const canSync = backend === 'webgpu' || (backend === 'webgl' && typeof tf.backend().gpgpu.gl.fenceSync === 'function');
    const slowMs = options.quick ? 150 : 1000;
    const slow = Math.max(results.kernel.medianMs, results.composite.medianMs) > slowMs;
    if (options.noReadback !== false && canSync && !slow) {
      Object.assign(results, await measureInterleaved([
        {key: 'kernel-nrb', run: async () => { const t = kernel(); await gpuFinish(); return t; }, dispose: t => t.dispose()},
        {key: 'composite-nrb', run: async () => { const ts = composite(); await gpuFinish(); return ts; }, dispose: ts => tf.dispose(ts)},
      ], policy, now, tracker));
    } else if (slow) {
      notes.push(`no-readback timings skipped: a call takes over ${slowMs} ms with the read, which is then a small part`);
    }
    return {backend, shas, setupMs, verified, notes, policy, methods: results};
  } finally {
    tf.dispose(Object.values(tensors));
  }
}

window.benchPage = {init, runWorkload, memory: () => ({...tf.memory()})};
