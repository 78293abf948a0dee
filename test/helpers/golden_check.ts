/**
 * Compares one op result with TensorFlow's expectation for a golden case. Returns the
 * findings found (empty: the case passes), each naming the case and the first differing
 * position, so jest's diff of `toEqual([])` says what went wrong.
 */
import type {CaseResult, GoldenCase} from './golden_run';
import {decode} from './golden_run';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export function fromBits(bits: number): number {
  u32[0] = bits;
  return f32[0];
}

export function toBits(v: number): number {
  f32[0] = v;
  return u32[0];
}

/** The argument an error case is about, read from its name (`error.v1.size_len3` -> size). */
export function errorArgument(c: GoldenCase): string {
  const tail = c.name.split('.').slice(2).join('.');
  if (tail.startsWith('input') || c.category === 'spec_error') return 'input';
  if (tail.startsWith('size')) return 'size';
  if (tail.startsWith('offsets')) return 'offsets';
  return 'noise';
}

/** A flat index as its position in `shape`, e.g. `[0,2,1,0]`. */
export function where(shape: number[], k: number): string {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(k % shape[d]);
    k = Math.floor(k / shape[d]);
  }
  return `[${idx.join(',')}]`;
}

export function checkCase(c: GoldenCase, r: CaseResult): string[] {
  const e = c.expected;
  const findings: string[] = [];
  if (r.leaked !== 0) findings.push(`${c.name}: ${r.leaked} tensor(s) leaked`);
  if (e.kind === 'error' || e.kind === 'spec_error') {
    if (r.error === undefined) {
      findings.push(`${c.name}: expected an error (TF: ${e.tf_eager_error?.message ?? 'spec'}), got a result`);
    } else {
      if (!/^(extractGlimpse|ExtractGlimpse|ExtractGlimpseV2): /.test(r.error)) {
        findings.push(`${c.name}: error does not name the op: ${r.error}`);
      }
      if (!r.error.includes(errorArgument(c))) {
        findings.push(`${c.name}: error does not name the argument '${errorArgument(c)}': ${r.error}`);
      }
    }
    return findings;
  }
  if (r.error !== undefined) return [...findings, `${c.name}: threw ${r.error}`];
  const shape = e.shape!;
  if (JSON.stringify(r.shape) !== JSON.stringify(shape)) {
    return [...findings, `${c.name}: shape ${JSON.stringify(r.shape)}, expected ${JSON.stringify(shape)}`];
  }
  if (r.dtype !== 'float32') findings.push(`${c.name}: dtype ${r.dtype}`);
  const bits = r.bits!;
  if (e.kind === 'exact') {
    const want = decode(e.output) as number[];
    for (let k = 0; k < want.length; k++) {
      const got = fromBits(bits[k]);
      const same = Number.isNaN(want[k]) ? Number.isNaN(got) : toBits(want[k]) === bits[k];
      if (!same) {
        findings.push(
          `${c.name}: at ${where(shape, k)} (flat ${k}) got ${got} (0x${bits[k].toString(16)}), ` +
            `TF ${want[k]} (0x${toBits(want[k]).toString(16)})`,
        );
        break;
      }
    }
    return findings;
  }
  // Noise: exact inside, within TF's bounds outside.
  const inside = e.inside!;
  const wantInside = decode(e.output_inside) as Array<number | null>;
  const channels = shape[3];
  const perItem = shape[1] * shape[2] * channels;
  for (let k = 0; k < inside.length; k++) {
    const got = fromBits(bits[k]);
    if (inside[k] === 1) {
      const want = wantInside[k]!;
      const same = Number.isNaN(want) ? Number.isNaN(got) : toBits(want) === bits[k];
      if (!same) {
        findings.push(`${c.name}: inside at ${where(shape, k)} got ${got}, TF ${want}`);
        break;
      }
      continue;
    }
    const b = Math.floor(k / perItem);
    const [lo, hi] = e.uniform_bounds ? e.uniform_bounds[b] : e.gaussian_stats![b][k % channels].slice(2, 4);
    if (!(got >= lo && got <= hi)) {
      findings.push(`${c.name}: noise at ${where(shape, k)} is ${got}, outside TF's bounds [${lo}, ${hi}]`);
      break;
    }
  }
  return findings;
}
