/**
 * The expected gradient of a golden case, built from TensorFlow's window corners (not from
 * our geometry): dy[k] = k + 1 scattered back to the pixel each output k was copied from.
 */
import type {GoldenCase} from './golden_run';
import type {GradResult} from './grad_run';
import {fromBits, toBits} from './golden_check';
import {sourcesAtCorners} from './window_sources';

/**
 * The training both gradient suites run: a variable image, from zeros, learns to make its
 * glimpses (centered, normalized, zero noise) match those of `target`. d/dx of
 * sum((x - goal)^2) is 2 (x - goal), so each step of `rate` halves the error.
 */
export const GLIMPSE_TRAINING = {
  shape: [2, 6, 7, 2] as [number, number, number, number],
  target: Array.from({length: 2 * 6 * 7 * 2}, (_, k) => Math.sin(k) * 6),
  size: [4, 5] as [number, number],
  offsets: [
    [-0.9, 0.3],
    [0.4, 0.95],
  ],
  rate: 0.25,
  steps: 40,
};

/** Golden cases with an output (errors have no gradient). */
export function gradCases(cases: GoldenCase[]): GoldenCase[] {
  return cases.filter(c => c.expected.kind === 'exact' || c.expected.kind === 'noise');
}

export function expectedGrad(c: GoldenCase): Float32Array {
  const [batch, H, W, C] = c.input_shape;
  const dx = new Float32Array(batch * H * W * C);
  sourcesAtCorners(c.expected.window_corners ?? [], c.input_shape, c.size as number[]).forEach((pixel, k) => {
    if (pixel >= 0) dx[pixel] = k + 1;
  });
  return dx;
}

export function checkGrad(c: GoldenCase, r: GradResult): string[] {
  if (r.error !== undefined) return [`${c.name}: gradient threw ${r.error}`];
  const findings: string[] = [];
  if (r.leaked !== 0) findings.push(`${c.name}: ${r.leaked} tensor(s) leaked`);
  if (JSON.stringify(r.shape) !== JSON.stringify(c.input_shape) || r.dtype !== 'float32') {
    return [
      ...findings,
      `${c.name}: d input is ${r.dtype} ${JSON.stringify(r.shape)}, expected float32 ${JSON.stringify(c.input_shape)}`,
    ];
  }
  const want = expectedGrad(c);
  for (let k = 0; k < want.length; k++) {
    if (toBits(want[k]) !== r.bits![k]) {
      findings.push(`${c.name}: d input at flat ${k} is ${fromBits(r.bits![k])}, expected ${want[k]}`);
      break;
    }
  }
  if (JSON.stringify(r.offsetsGradShape) !== JSON.stringify(c.offsets_shape) || r.offsetsGrad!.some(v => v !== 0)) {
    findings.push(
      `${c.name}: d offsets is not zeros of ${JSON.stringify(c.offsets_shape)}: ${JSON.stringify(r.offsetsGrad)}`,
    );
  }
  return findings;
}
