/**
 * An independent, deliberately plain reading of SPEC.md, for the tests only: one element
 * at a time, no shared code with src/ (the copy from each window's corner is the test
 * helpers' own, test/helpers/window_sources.ts). It says, for each output position, whether it is
 * copied (and from where) or noise.
 */
import {sourcesAtCorners} from './window_sources';

const f = Math.fround;

export interface ReferenceCall {
  version: 1 | 2;
  centered: boolean;
  normalized: boolean;
  inputShape: [number, number, number, number];
  size: [number, number];
  offsets: number[];
}

/** Per output position: the flat input index it copies, or -1 for noise. */
export function referenceSources(call: ReferenceCall): Int32Array {
  const [B, H, W] = call.inputShape;
  const [h, w] = call.size;
  const corners: Array<[number, number] | null> = [];
  for (let b = 0; b < B; b++) {
    let y = f(call.offsets[2 * b]);
    let x = f(call.offsets[2 * b + 1]);
    const v1Steps = call.version === 1 || (call.centered && call.normalized);
    if (v1Steps) {
      // SPEC, version 1: scale, then halve and add the image centre, then subtract half the window.
      if (call.normalized) {
        x = f(x * f(W));
        y = f(y * f(H));
      }
      if (call.centered) {
        x = f(f(x / 2) + f(W / 2));
        y = f(f(y / 2) + f(H / 2));
      }
      x = f(x - f(w / 2));
      y = f(y - f(h / 2));
    } else if (call.normalized) {
      x = f(x * f(W));
      y = f(y * f(H));
    } else if (call.centered) {
      x = f(x + f(W / 2));
      y = f(y + f(H / 2));
    }
    // NaN, infinite or beyond int64: the whole glimpse is noise.
    const limit = 2 ** 63;
    corners.push(Math.abs(x) < limit && Math.abs(y) < limit ? [Math.trunc(y), Math.trunc(x)] : null);
  }
  return sourcesAtCorners(corners, call.inputShape, call.size);
}

/**
 * Findings of an op result against the reference: copies bit for bit, zero noise +0, other
 * noise within the image's (uniform) or channel's (gaussian) range.
 */
export function compareWithReference(
  call: ReferenceCall,
  input: Float32Array,
  noise: 'zero' | 'uniform' | 'gaussian',
  shape: number[] | undefined,
  bits: ArrayLike<number>,
): string[] {
  const [B, H, W, C] = call.inputShape;
  const want = [B, call.size[0], call.size[1], C];
  if (JSON.stringify(shape) !== JSON.stringify(want))
    return [`shape ${JSON.stringify(shape)}, expected ${JSON.stringify(want)}`];
  const sources = referenceSources(call);
  const asF32 = new Float32Array(1);
  const asU32 = new Uint32Array(asF32.buffer);
  const perImage = H * W * C;
  const perGlimpse = call.size[0] * call.size[1] * C;
  for (let k = 0; k < sources.length; k++) {
    asU32[0] = bits[k];
    const got = asF32[0];
    if (sources[k] >= 0) {
      asF32[0] = input[sources[k]];
      if (asU32[0] !== bits[k]) return [`flat ${k}: got ${got}, copies input[${sources[k]}] = ${input[sources[k]]}`];
      continue;
    }
    if (noise === 'zero') {
      if (bits[k] !== 0) return [`flat ${k}: zero noise is ${got}, not +0`];
      continue;
    }
    const b = Math.floor(k / perGlimpse);
    let lo = Infinity;
    let hi = -Infinity;
    for (
      let p = b * perImage + (noise === 'gaussian' ? k % C : 0);
      p < (b + 1) * perImage;
      p += noise === 'gaussian' ? C : 1
    ) {
      lo = Math.min(lo, input[p]);
      hi = Math.max(hi, input[p]);
    }
    if (!(got >= lo && got <= hi)) return [`flat ${k}: noise ${got} outside [${lo}, ${hi}]`];
  }
  return [];
}
