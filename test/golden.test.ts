/**
 * TensorFlow 2.21's golden cases (test/fixtures/glimpse_cases.json) on every Node backend:
 * exact cases bit for bit, noise cases exact inside and within TF's bounds outside, error
 * cases throwing errors that name the op and the argument.
 */
import {describeEachBackend, tf} from './helpers/backends';
import {ALL_CASES} from './helpers/fixtures';
import {checkCase} from './helpers/golden_check';
import {
  GAUSSIAN_CASE,
  GAUSSIAN_SEEDS,
  gaussianFindings,
  UNIFORM_STATS_CASE,
  uniformFindings,
} from './helpers/noise_distribution';
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
    expect(uniformFindings(runCase(tf, UNIFORM_STATS_CASE, 7))).toEqual([]);
  });

  test('gaussian noise follows each channel mean and sigma, clipped to the channel range', () => {
    expect(gaussianFindings(GAUSSIAN_SEEDS.map(seed => runCase(tf, GAUSSIAN_CASE, seed)))).toEqual([]);
  });
});
