// The glimpse sensor workloads (bench/workloads.json, "sensorWorkloads"): window geometry, a plain
// JS reference for the checks, and the timed calls (the fused op, the composite users write without
// it, and both gradients). Imports only its sibling modules, so Node and the browser page run it.

import {read} from './methods.mjs';
import {BILINEAR_WORKLOADS, checkDerived, windowParams, windowsOf} from './workloads.mjs';

/** Locations per image: n for `[B, n, 2]`, 1 for `[B, 2]`. */
export const locationsPerImage = w => (w.locationsShape.length === 3 ? w.locationsShape[1] : 1);

/** The fused op's output shape: `[B, k, h, w, C]`, or `[B, n, k, h, w, C]` for rank-3 locations. */
export function sensorOutputShape(w) {
  const [batch, , , channels] = w.imagesShape;
  const n = w.locationsShape.length === 3 ? [w.locationsShape[1]] : [];
  return [batch, ...n, w.scales, w.size[0], w.size[1], channels];
}

/** Every window's corner (`corners[j * k + i]`, null when unreachable) and per scale the counts. */
export function sensorWindows(w, locations, windowCorner, insideSpan) {
  const corners = [];
  const perScale = [];
  for (let i = 0, s = 1; i < w.scales; i++, s *= w.scaleFactor) {
    const params = windowParams(w, w.imagesShape, w.size[0] * s, w.size[1] * s);
    const {items, counts} = windowsOf(params, locations, windowCorner, insideSpan);
    items.forEach((it, j) => (corners[j * w.scales + i] = it.corner));
    perScale.push(counts);
  }
  checkDerived(w, 'windows', perScale, w.derived?.windows);
  return {corners, counts: perScale};
}

/**
 * The sensor in plain JS (docs/semantics.md, "The glimpse sensor"), for 'zero' and 'edge'
 * padding: each output the float32 sum of its s x s block in row-major order, divided once.
 */
export function sensorReference(w, images, corners, padding) {
  const [, height, width, channels] = w.imagesShape;
  const [h, ww] = w.size;
  const k = w.scales;
  const count = corners.length / k;
  const perImage = locationsPerImage(w);
  const out = new Float32Array(count * k * h * ww * channels);
  const clamp = (v, n) => (v < 0 ? 0 : v >= n ? n - 1 : v);
  for (let j = 0; j < count; j++) {
    const base = Math.floor(j / perImage) * height * width * channels;
    for (let i = 0, s = 1; i < k; i++, s *= w.scaleFactor) {
      const corner = corners[j * k + i];
      if (!corner) continue; // unreachable: zeros for both paddings
      let o = (j * k + i) * h * ww * channels;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < ww; x++) {
          for (let c = 0; c < channels; c++) {
            let sum = 0;
            for (let a = 0; a < s; a++) {
              const py = corner.y + y * s + a;
              for (let d = 0; d < s; d++) {
                const px = corner.x + x * s + d;
                const inside = py >= 0 && py < height && px >= 0 && px < width;
                const [qy, qx] = inside || padding === 'edge' ? [clamp(py, height), clamp(px, width)] : [-1, 0];
                const v = qy < 0 ? 0 : images[base + (qy * width + qx) * channels + c];
                sum = a === 0 && d === 0 ? v : Math.fround(sum + v);
              }
            }
            out[o++] = Math.fround(sum / (s * s));
          }
        }
      }
    }
  }
  return out;
}

/** max |a - b| (NaN-safe: a NaN on either side counts as Infinity), and where. */
export function maxAbsDiff(a, b) {
  if (a.length !== b.length) return {max: Infinity, at: `length ${a.length} vs ${b.length}`};
  let [max, at] = [0, -1];
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if ((Number.isNaN(d) ? Infinity : d) > max) [max, at] = [Number.isNaN(d) ? Infinity : d, i];
  }
  return {max, at: at < 0 ? null : `index ${at}: ${a[at]} vs ${b[at]}`};
}

const maxAbs = values => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/** The fused op, as the workload calls it (`padding` overrides the workload's). */
export function sensorCall(plugin, w, images, locations, padding = w.padding, interpolation = 'nearest') {
  const {size, scales, scaleFactor, centered, normalized} = w;
  const options = {size, scales, scaleFactor, centered, normalized, padding, interpolation};
  return plugin.glimpseSensor(images, locations, options);
}

/**
 * What users write without the op: per scale s, extractGlimpse of the s-times larger window ('zero'
 * noise: no op pads by the edge), avgPool(s, s), stacked on axis 1. Several locations per image:
 * the images tiled along rows and reshaped (tfjs has no gradient for a rank-5 tile), b-major.
 */
export function sensorCompositeRaw(tf, plugin, w, images, locations) {
  const [batch, height, width, channels] = w.imagesShape;
  const n = locationsPerImage(w);
  const many = w.locationsShape.length === 3;
  const x = many ? tf.reshape(tf.tile(images, [1, n, 1, 1]), [batch * n, height, width, channels]) : images;
  const where = many ? tf.reshape(locations, [batch * n, 2]) : locations;
  const perScale = [];
  for (let i = 0, s = 1; i < w.scales; i++, s *= w.scaleFactor) {
    const g = plugin.extractGlimpse(x, [w.size[0] * s, w.size[1] * s], where, w.centered, w.normalized, 'zero');
    perScale.push(s > 1 ? tf.avgPool(g, s, s, 'valid') : g);
  }
  const out = tf.stack(perScale, 1);
  return many ? tf.reshape(out, sensorOutputShape(w)) : out;
}

export const sensorComposite = (tf, plugin, w, images, locations) =>
  tf.tidy(() => sensorCompositeRaw(tf, plugin, w, images, locations));

/** tf.grad of sum(fused) and of sum(composite), with respect to the images. */
export const sensorGrads = (tf, plugin, w, locations) => ({
  fused: tf.grad(x => tf.sum(sensorCall(plugin, w, x, locations))),
  composite: tf.grad(x => tf.sum(sensorCompositeRaw(tf, plugin, w, x, locations))),
});

/**
 * The checks, not timed: the fused op against the JS reference and (zero padding) the composite,
 * the composite against the reference, the two gradients; tolerance 1e-5 of max |input| (or |grad|).
 * A wrong fused output throws; the rest is returned for the report.
 */
export async function verifySensor(tf, plugin, w, t, refs, fusedOk, gradsOk) {
  const tol = 1e-5 * refs.maxInput;
  const out = {};
  // Records a comparison under `name`; `wrong` (the failure's words) makes a failing one throw.
  const compare = (name, a, b, limit, wrong) => {
    const d = maxAbsDiff(a, b);
    const r = (out[name] = {maxAbsDiff: d.max, tolerance: limit, ok: d.max <= limit, ...(d.at ? {at: d.at} : {})});
    if (!r.ok && wrong)
      throw new Error(
        `${w.id} on ${tf.getBackend()}: WRONG SENSOR ${wrong} by ${d.max} (tolerance ${limit}), at ${d.at}`,
      );
  };
  const composite = await read(sensorComposite(tf, plugin, w, t.images, t.locations));
  compare('compositeVsReference', composite, refs.zero, tol);
  if (fusedOk) {
    const fused = await read(sensorCall(plugin, w, t.images, t.locations));
    compare('fusedVsReference', fused, refs.own, tol, 'OUTPUT: the fused op differs from the JS reference');
    const fusedZero = w.padding === 'zero' ? fused : await read(sensorCall(plugin, w, t.images, t.locations, 'zero'));
    const what = 'OUTPUT: with zero padding the fused op differs from the composite';
    compare('fusedZeroVsComposite', fusedZero, composite, tol, what);
  }
  if (fusedOk && gradsOk && w.padding === 'zero') {
    const g = sensorGrads(tf, plugin, w, t.locations);
    const [gc, gf] = [await read(g.composite(t.images)), await read(g.fused(t.images))];
    const what = "GRADIENT: tf.grad of the fused op differs from the composite's";
    compare('gradFusedVsComposite', gf, gc, 1e-5 * maxAbs(gc), what);
  }
  return out;
}

/** The JS references a workload's checks need, computed once per workload. */
export function sensorReferences(w, images, corners) {
  const zero = sensorReference(w, images, corners, 'zero');
  const own = w.padding === 'zero' ? zero : sensorReference(w, images, corners, w.padding);
  return {zero, own, maxInput: maxAbs(images)};
}

/** The timed methods of one sensor workload; `wrap` adds the backend's read of the results. */
export function sensorMethods(tf, plugin, w, t, {fused, fusedGrad, wrap}) {
  const grads = sensorGrads(tf, plugin, w, t.locations);
  const methods = [];
  const add = (key, call) => methods.push({key, run: wrap(call), dispose: r => tf.dispose(r)});
  if (fused) add('sensor', () => sensorCall(plugin, w, t.images, t.locations));
  add('sensor-composite', () => sensorComposite(tf, plugin, w, t.images, t.locations));
  if (fused && fusedGrad) add('sensor-grad', () => grads.fused(t.images));
  add('sensor-composite-grad', () => grads.composite(t.images));
  if (fused && BILINEAR_WORKLOADS.includes(w.id)) {
    add('sensor-bilinear', () => sensorCall(plugin, w, t.images, t.locations, w.padding, 'bilinear'));
    if (fusedGrad) {
      const both = tf.grads((x, l) => tf.sum(sensorCall(plugin, w, x, l, w.padding, 'bilinear')));
      add('sensor-grad-bilinear', () => both([t.images, t.locations]));
    }
  }
  return methods;
}
