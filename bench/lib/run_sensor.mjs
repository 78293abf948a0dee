// The glimpse sensor workloads on the Node backends started (cpu, wasm, tensorflow): the fused
// op, the composite users write without it, and tf.grad of the sum of each.
import {performance} from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs-core';
import {installPeakTracker, measureInterleaved, repetitionPolicy, withWasmPaths} from './methods.mjs';
import {log} from './paths.mjs';
import {nodeDigest, readBack} from './run_node.mjs';
import {generateSensorChecked, sensorMethods, sensorReferences, sensorWindows, verifySensor} from './sensor.mjs';

async function runOne(backend, w, gen, refs, plugin, opts) {
  await tf.setBackend(backend);
  await tf.ready();
  const held = tf.memory().numTensors;
  const tracker = installPeakTracker(tf);
  const t = {
    images: tf.tensor4d(gen.images, w.imagesShape),
    locations: tf.tensor(gen.locations, w.locationsShape),
  };
  const out = {backend, notes: []};
  try {
    const fused = tf.getKernel('GlimpseSensor', backend) != null;
    const fusedGrad = tf.getKernel('GlimpseSensorGrad', backend) != null;
    if (!fused) out.notes.push(`no GlimpseSensor kernel on ${backend}: the fused op is not available`);
    if (!fusedGrad) out.notes.push(`no GlimpseSensorGrad kernel on ${backend}: its gradient is not available`);
    out.verified = await verifySensor(tf, plugin, w, t, refs, fused, fusedGrad);
    if (!out.verified.compositeVsReference.ok) {
      out.notes.push(
        `the composite differs from the zero-padding reference by ${out.verified.compositeVsReference.maxAbsDiff}`,
      );
    }
    const wrap = call => readBack(backend, call);
    const all = sensorMethods(tf, plugin, w, t, {fused, fusedGrad, wrap});
    const paths = ['sensor', 'sensor-grad', 'sensor-bilinear', 'sensor-grad-bilinear'];
    const methods = backend === 'wasm' ? withWasmPaths(all, plugin, paths) : all;
    out.policy = repetitionPolicy(w, opts.quick);
    out.methods = await measureInterleaved(methods, out.policy, () => performance.now(), tracker);
  } finally {
    tf.dispose(Object.values(t));
    tracker.uninstall();
  }
  const leaked = tf.memory().numTensors - held;
  if (leaked) out.notes.push(`${leaked} more tensors held after the workload than before`);
  return out;
}

/** Measures every sensor workload on the Node backends started (startNodeBackends). */
export async function runSensorNode(workloads, plugin, opts, results, started) {
  const wanted = opts.backends.filter(b => ['cpu', 'wasm', 'tensorflow'].includes(b));
  if (!workloads.length || !wanted.length) return;
  // tf.grad of tfjs ops (sum, avgPool, stack, tile) needs their gradients: tfjs-core alone does
  // not register them, the @tensorflow/tfjs package does (on the same tfjs-core).
  await import('@tensorflow/tfjs');
  for (const w of workloads) {
    const entry = results.sensorWorkloads.find(r => r.id === w.id);
    const t0 = performance.now();
    const gen = await generateSensorChecked(w, nodeDigest);
    const {corners, counts} = sensorWindows(w, gen.locations, plugin.windowCorner, plugin.insideSpan);
    const refs = sensorReferences(w, gen.images, corners);
    Object.assign(entry, {inputSha256: gen.imagesSha, locationsSha256: gen.locationsSha, windows: counts});
    log(`${w.id} ${w.name}: inputs generated and checked (sha256 ok) in ${(performance.now() - t0).toFixed(0)} ms`);
    for (const backend of wanted) {
      if (!started.includes(backend)) {
        entry.backends[backend] = {skipped: results.meta.backends[backend].note};
        continue;
      }
      log(`${w.id}: measuring the sensor on ${backend}`);
      try {
        entry.backends[backend] = await runOne(backend, w, gen, refs, plugin, opts);
      } catch (e) {
        log(`${w.id} on ${backend} failed: ${e.stack}`);
        entry.backends[backend] = {error: e.message};
        if (/WRONG/.test(e.message)) results.correctnessFailures.push(e.message);
      }
    }
  }
  await tf.setBackend('cpu');
}
