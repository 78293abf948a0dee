/**
 * Distribution checks of drawn noise against TF's statistics for the golden `.stats` and
 * gaussian cases (TF's draws cannot be reproduced; their distribution can). Each returns
 * the findings found, empty when the samples look right.
 */
import {PUBLIC_CASES} from './fixtures';
import {fromBits} from './golden_check';
import type {CaseResult, GoldenCase} from './golden_run';

export const UNIFORM_STATS_CASE = PUBLIC_CASES.find(x => x.name === 'noise.v2.uniform.fully_outside.stats')!;
export const GAUSSIAN_CASE = PUBLIC_CASES.find(x => x.name === 'noise.v2.gaussian.partial.3ch')!;
/** Seeds whose noise is pooled for the gaussian check. */
export const GAUSSIAN_SEEDS = Array.from({length: 40}, (_, s) => s);

function noiseOf(c: GoldenCase, r: CaseResult): number[] {
  const inside = c.expected.inside!;
  return r.bits!.map(fromBits).filter((_, k) => inside[k] === 0);
}

/** 576 samples: mean within 4 standard errors, variance within 20%, each quarter ~25%. */
export function uniformFindings(r: CaseResult): string[] {
  const [lo, hi] = UNIFORM_STATS_CASE.expected.uniform_bounds![0];
  const v = noiseOf(UNIFORM_STATS_CASE, r);
  const n = v.length;
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  const sd = (hi - lo) / Math.sqrt(12);
  const findings: string[] = [];
  if (n !== 576) findings.push(`${n} noise samples, expected 576`);
  if (!(Math.abs(mean - (lo + hi) / 2) < (4 * sd) / Math.sqrt(n)))
    findings.push(`mean ${mean}, expected ${(lo + hi) / 2}`);
  if (!(Math.abs(variance / (sd * sd) - 1) < 0.2)) findings.push(`variance ${variance}, expected ${sd * sd}`);
  for (let q = 0; q < 4; q++) {
    const a = lo + (q * (hi - lo)) / 4;
    const b = lo + ((q + 1) * (hi - lo)) / 4;
    const share = v.filter(x => x >= a && x < b).length / n;
    if (!(Math.abs(share - 0.25) < 0.06)) findings.push(`quarter ${q} holds ${share} of the samples`);
  }
  return findings;
}

/**
 * Results of GAUSSIAN_CASE for GAUSSIAN_SEEDS, pooled per channel: mean near TF's (the clip
 * to [min, max] pulls it a little toward the middle), 60-80% within one sigma, all clipped.
 */
export function gaussianFindings(results: CaseResult[]): string[] {
  const stats = GAUSSIAN_CASE.expected.gaussian_stats![0];
  const inside = GAUSSIAN_CASE.expected.inside!;
  const pooled: number[][] = [[], [], []];
  for (const r of results) {
    r.bits!.forEach((bits, k) => {
      if (inside[k] === 0) pooled[k % 3].push(fromBits(bits));
    });
  }
  const findings: string[] = [];
  for (let ch = 0; ch < 3; ch++) {
    const [mean, sigma, min, max] = stats[ch];
    const v = pooled[ch];
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    if (!(Math.abs(m - mean) < 0.15 * sigma + (4 * sigma) / Math.sqrt(v.length))) {
      findings.push(`channel ${ch}: mean ${m}, TF's ${mean} (sigma ${sigma})`);
    }
    const within1 = v.filter(x => Math.abs(x - mean) <= sigma).length / v.length;
    if (!(within1 > 0.6 && within1 < 0.8)) findings.push(`channel ${ch}: ${within1} within one sigma`);
    if (v.some(x => !(x >= min && x <= max))) findings.push(`channel ${ch}: a value outside [${min}, ${max}]`);
  }
  return findings;
}
