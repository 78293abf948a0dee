/**
 * Cross-backend comparison of one generated call: the reference result (cpu, itself checked
 * against TensorFlow) and another backend's. Zero noise: bit for bit. Otherwise the same
 * positions are copied (bit for bit) and every noise value lies in its bounds.
 */
import {insideSpan, windowCorner} from '../../src';
import type {CaseResult, GoldenCase} from './golden_run';
import {decode} from './golden_run';
import {fromBits} from './golden_check';

/** 1 where output position k is copied from the image, 0 where it is noise. */
export function insideMask(c: GoldenCase): Uint8Array {
  const [batch, H, W, C] = c.input_shape;
  const [h, w] = c.size as number[];
  const offsets = decode(c.offsets) as number[][];
  const mask = new Uint8Array(batch * h * w * C);
  const params = {version: (c.op === 'ExtractGlimpse' ? 1 : 2) as 1 | 2, centered: c.attrs.centered,
                  normalized: c.attrs.normalized, imageHeight: H, imageWidth: W, glimpseHeight: h, glimpseWidth: w};
  for (let b = 0; b < batch; b++) {
    const corner = windowCorner(offsets[b][0], offsets[b][1], params);
    if (!corner) continue;
    const [r0, r1] = insideSpan(corner.y, h, H);
    const [c0, c1] = insideSpan(corner.x, w, W);
    for (let i = r0; i < r1; i++) mask.fill(1, ((b * h + i) * w + c0) * C, ((b * h + i) * w + c1) * C);
  }
  return mask;
}

function bounds(c: GoldenCase, k: number): [number, number] {
  const [, H, W, C] = c.input_shape;
  const [h, w] = c.size as number[];
  const b = Math.floor(k / (h * w * C));
  const image = (decode(c.input) as number[]).slice(b * H * W * C, (b + 1) * H * W * C);
  const values = c.effective_noise === 'gaussian' ? image.filter((_, i) => i % C === k % C) : image;
  return [Math.min(...values), Math.max(...values)];
}

export function compareBackends(c: GoldenCase, reference: CaseResult, other: CaseResult): string[] {
  if (other.error !== undefined || reference.error !== undefined) {
    return other.error === reference.error ? [] : [`${c.name}: reference ${reference.error ?? 'ok'}, other ${other.error ?? 'ok'}`];
  }
  if (JSON.stringify(other.shape) !== JSON.stringify(reference.shape)) {
    return [`${c.name}: shape ${JSON.stringify(other.shape)} vs ${JSON.stringify(reference.shape)}`];
  }
  const mask = insideMask(c);
  const ref = reference.bits!;
  const got = other.bits!;
  for (let k = 0; k < ref.length; k++) {
    if (mask[k] === 1 || c.effective_noise === 'zero') {
      if (ref[k] !== got[k]) {
        return [`${c.name}: at flat ${k} (${mask[k] ? 'copied' : 'zero noise'}) got ${fromBits(got[k])}, ` +
                `reference ${fromBits(ref[k])}; offsets ${JSON.stringify(c.offsets)}`];
      }
    } else {
      const [lo, hi] = bounds(c, k);
      const v = fromBits(got[k]);
      if (!(v >= lo && v <= hi)) return [`${c.name}: noise at flat ${k} is ${v}, outside [${lo}, ${hi}]`];
    }
  }
  return other.leaked === 0 ? [] : [`${c.name}: ${other.leaked} tensor(s) leaked`];
}
