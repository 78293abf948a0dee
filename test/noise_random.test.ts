/** The counter-based generator: pure, uniform, and independent across lanes and seeds. */
import {normalAt, pcgHash, randomBits, seedKey, uniformAt} from '../src/noise_random';

test('pcgHash is a pure uint32 function that moves every input', () => {
  // Hand-worked: pcg(0). state = 0 * 747796405 + 2891336453 = 2891336453 (0xAC564B05);
  // state >>> 28 = 10, so shift by 14: 2891336453 >>> 14 = 176473 (0x2B159);
  // 0xAC564B05 ^ 0x0002B159 = 0xAC54FA5C; * 277803737 mod 2^32, then (w >>> 22) ^ w.
  const w = Math.imul(0xac54fa5c, 277803737) >>> 0;
  expect(pcgHash(0)).toBe(((w >>> 22) ^ w) >>> 0);
  expect(pcgHash(12345)).toBe(pcgHash(12345));
  const seen = new Set<number>();
  for (let i = 0; i < 10000; i++) seen.add(pcgHash(i));
  expect(seen.size).toBe(10000);
});

test('uniformAt is in [0, 1), exact in float32, with the moments of U(0, 1)', () => {
  const key = seedKey(99);
  const n = 200000;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const u = uniformAt(key, i);
    expect(u >= 0 && u < 1 && Math.fround(u) === u).toBe(true);
    sum += u;
    sumSq += u * u;
  }
  const mean = sum / n;
  expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
  expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
});

test('normalAt has mean 0 and variance 1, and about 68% within one sigma', () => {
  const key = seedKey(7);
  const n = 200000;
  let sum = 0;
  let sumSq = 0;
  let within = 0;
  for (let i = 0; i < n; i++) {
    const z = normalAt(key, i);
    expect(Number.isFinite(z)).toBe(true);
    sum += z;
    sumSq += z * z;
    if (Math.abs(z) <= 1) within++;
  }
  expect(Math.abs(sum / n)).toBeLessThan(0.01);
  expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.02);
  expect(Math.abs(within / n - 0.6827)).toBeLessThan(0.005);
});

test('seeds and lanes give different streams', () => {
  expect(seedKey(0)).not.toBe(seedKey(1));
  expect(seedKey(1)).not.toBe(seedKey(1 + 2 ** 32));
  expect(seedKey(-1)).not.toBe(seedKey(1));
  const key = seedKey(3);
  let same = 0;
  for (let i = 0; i < 1000; i++) if (randomBits(key, i, 0) === randomBits(key, i, 1)) same++;
  expect(same).toBe(0);
  // Neighbouring counters are uncorrelated.
  let prod = 0;
  for (let i = 0; i < 100000; i++) prod += (uniformAt(key, i) - 0.5) * (uniformAt(key, i + 1) - 0.5);
  expect(Math.abs(prod / 100000)).toBeLessThan(0.002);
});
