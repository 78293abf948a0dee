// The browser side of the benchmark, added to bench/browser/page.html after the tfjs and plugin UMD
// bundles; bench/lib/run_browser.mjs drives it through window.benchPage: the runner Node uses
// (lib/runner.mjs), with the GPU's extras: size limits, no-readback timings, the tf.slice floor.
import {installPeakTracker} from '../lib/measure.mjs';
import {prepareSensor, prepareWorkload, runSensorWorkload, runWorkload, tensorShapes} from '../lib/runner.mjs';
import {sizeOf} from '../lib/workloads.mjs';

const tf = window.tf;
let tracker = null;

function gpuInfo(backend) {
  const info = {};
  if (backend === 'webgl') {
    const gl = tf.backend().gpgpu.gl;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    info.renderer = gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    const [number, bool] = [k => tf.env().getNumber(k), k => tf.env().getBool(k)];
    Object.assign(info, {webglVersion: number('WEBGL_VERSION'), maxTextureSize: number('WEBGL_MAX_TEXTURE_SIZE')});
    Object.assign(info, {float32Render: bool('WEBGL_RENDER_FLOAT32_ENABLED'), pack: bool('WEBGL_PACK')});
  } else if (backend === 'webgpu') {
    const be = tf.backend();
    const {maxStorageBufferBindingSize, maxBufferSize} = be.device?.limits ?? {};
    if (be.device?.limits) Object.assign(info, {maxStorageBufferBindingSize, maxBufferSize});
    if (be.adapterInfo) info.adapter = JSON.parse(JSON.stringify(be.adapterInfo));
  }
  return info;
}

async function init(backend) {
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

/** Why named tensor shapes do not fit webgl's texture size or webgpu's buffer limits, or null. */
function doesNotFit(shapes) {
  const backend = tf.getBackend();
  if (backend === 'webgl') {
    const max = tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE');
    for (const [name, shape] of Object.entries(shapes)) {
      for (const packed of [false, true]) {
        // Packed shapes come in value units, two texels' worth per texel side.
        const tex = tf.webgl_util
          .getTextureShapeFromLogicalShape(shape, packed)
          .map(d => (packed ? Math.ceil(d / 2) : d));
        const texture = `${packed ? 'packed' : 'unpacked'} texture of ${tex[0]}x${tex[1]} texels`;
        if (tex[0] > max || tex[1] > max)
          return `${name} [${shape}] needs a ${texture}, beyond WEBGL_MAX_TEXTURE_SIZE ${max}`;
      }
    }
  } else if (backend === 'webgpu') {
    const limits = tf.backend().device.limits;
    const cap = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
    for (const [name, shape] of Object.entries(shapes)) {
      const bytes = sizeOf(shape) * 4;
      if (bytes > cap) return `${name} is ${bytes} bytes, beyond the device's buffer limit ${cap}`;
    }
  }
  return null;
}

/** Yields to the event loop (a new task) without setTimeout's 4 ms clamp. */
function yieldTask() {
  const ch = new MessageChannel();
  return new Promise(resolve => ((ch.port1.onmessage = resolve), ch.port2.postMessage(0)));
}

/**
 * Waits for the GPU to finish the work submitted so far, without a read. WebGL: a fence polled once
 * per task (gl.finish() does not block in Chromium); WebGPU: submit, then onSubmittedWorkDone.
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

/** The GPU copy floor: a centred tf.slice of the glimpse's shape; null when larger than the image. */
function sliceCall(w, input) {
  const [batch, height, width, channels] = w.inputShape;
  const [h, wd] = w.size;
  if (h > height || wd > width) return null;
  const begin = [0, Math.floor((height - h) / 2), Math.floor((width - wd) / 2), 0];
  const size = [batch, h, wd, channels];
  if (tf.getBackend() !== 'webgl') return () => tf.slice(input, begin, size);
  // webgl's default packed slice would re-pack the whole (unpacked) input on every call; the
  // kernel reads and writes unpacked textures, so the unpacked slice is the like-for-like copy.
  return () => {
    const env = tf.env();
    const packed = env.getBool('WEBGL_PACK_ARRAY_OPERATIONS');
    env.set('WEBGL_PACK_ARRAY_OPERATIONS', false);
    try {
      return tf.slice(input, begin, size);
    } finally {
      env.set('WEBGL_PACK_ARRAY_OPERATIONS', packed);
    }
  };
}

/** Every result read back (await data() of each): what an app that uses the values pays. */
const withRead = call => async () => {
  const r = call();
  await Promise.all([].concat(r).map(t => t.data()));
  return r;
};

function env() {
  const gl = tf.getBackend() === 'webgl' && tf.backend().gpgpu.gl;
  // Without a fence (WebGL 1) the GPU cannot be waited for without a read: no no-readback timings.
  const finish = gl && typeof gl.fenceSync !== 'function' ? null : gpuFinish;
  return {tf, plugin: tf, tracker, read: withRead, gpu: {finish, slice: sliceCall}};
}

/** A workload the backend can hold, generated and checked here, run by the shared runner. */
const runner = (prepare, run) => async (w, opts) => {
  const reason = doesNotFit(tensorShapes(w));
  return reason ? {skipped: reason} : run(env(), w, await prepare(w, tf), opts);
};

window.benchPage = {
  init,
  runWorkload: runner(prepareWorkload, runWorkload),
  runSensorWorkload: runner(prepareSensor, runSensorWorkload),
};
