/**
 * TensorFlow 2.21's golden cases (test/fixtures/glimpse_cases.json) on every Node backend:
 * exact cases bit for bit, noise cases exact inside and within TF's bounds outside, error
 * cases throwing errors that name the op and the argument.
 */
import {describeEachBackend, tf} from './helpers/backends';
import {ALL_CASES, PUBLIC_CASES} from './helpers/fixtures';
import {checkCase, noiseValues} from './helpers/golden_check';
import {runCase} from './helpers/golden_run';

describeEachBackend('golden cases', () => {
  test.each(ALL_CASES.map(c => [c.name, c] as const))('%s', (_name, c) => {
    expect(checkCase(c, runCase(tf, c))).toEqual([]);
    if (c.expected.kind === 'noise') {
      // A seeded run obeys the same bounds, and is reproducible.
      const first = runCase(tf, c, 1234);
      expect(checkCase(c, first)).toEqual([]);
      expect(runCase(tf, c, 1234).bits).toEqual(first.bits);
    }
  });

  test('uniform noise of the .stats case is uniform over the image range', () => {
    const c = PUBLIC_CASES.find(x => x.name === 'noise.v2.uniform.fully_outside.stats')!;
    const [lo, hi] = c.expected.uniform_bounds![0];
    const samples = noiseValues(c, runCase(tf, c, 7));
    expect(samples.length).toBe(576);
    const n = samples.length;
    const mean = samples.reduce((a, b) => a + b, 0) / n;
    const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    const sd = (hi - lo) / Math.sqrt(12);
    // Mean within 4 standard errors; variance within 20% of (hi-lo)^2/12.
    expect(Math.abs(mean - (lo + hi) / 2)).toBeLessThan(4 * sd / Math.sqrt(n));
    expect(Math.abs(variance / (sd * sd) - 1)).toBeLessThan(0.2);
    // Each quarter of the range holds about a quarter of the samples.
    for (let q = 0; q < 4; q++) {
      const a = lo + (q * (hi - lo)) / 4;
      const b = lo + ((q + 1) * (hi - lo)) / 4;
      const share = samples.filter(v => v >= a && v < b).length / n;
      expect(Math.abs(share - 0.25)).toBeLessThan(0.06);
    }
  });

  test('gaussian noise follows each channel mean and sigma, clipped to the channel range', () => {
    const c = PUBLIC_CASES.find(x => x.name === 'noise.v2.gaussian.partial.3ch')!;
    const stats = c.expected.gaussian_stats![0];
    // Many seeds: pool each channel's noise values.
    const pooled: number[][] = [[], [], []];
    for (let seed = 0; seed < 40; seed++) {
      const r = runCase(tf, c, seed);
      expect(checkCase(c, r)).toEqual([]);
      const inside = c.expected.inside!;
      r.bits!.forEach((_, k) => {
        if (inside[k] === 0) pooled[k % 3].push(new Float32Array(new Uint32Array([r.bits![k]]).buffer)[0]);
      });
    }
    for (let ch = 0; ch < 3; ch++) {
      const [mean, sigma, min, max] = stats[ch];
      const v = pooled[ch];
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      // The clip to [min, max] pulls the mean a little toward the middle of the range.
      expect(Math.abs(m - mean)).toBeLessThan(0.15 * sigma + 4 * sigma / Math.sqrt(v.length));
      const within1 = v.filter(x => Math.abs(x - mean) <= sigma).length / v.length;
      expect(within1).toBeGreaterThan(0.6);
      expect(within1).toBeLessThan(0.8);
      expect(Math.min(...v)).toBeGreaterThanOrEqual(min);
      expect(Math.max(...v)).toBeLessThanOrEqual(max);
    }
  });
});
