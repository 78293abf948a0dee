/**
 * The GPU programs' padding index rules (kernels/gpu/padding_index.ts), without a browser: the
 * JS copies of their GPU-only arithmetic against src/padding_mode.ts's rule itself. The
 * backward's `nextHit` and `hitCount` give exactly the window positions whose `sourceIndex`
 * is the pixel, for every mode; `reflectCorner`'s float32 long division gives the exact
 * remainder of any whole float32 corner below 2^63.
 */
import {hitCount, nextHit, reflectCorner} from '../kernels/gpu/padding_index';
import {PADDING_CODE, PADDING_MODES, sourceIndex} from '../src/padding_mode';

/** Positions as the programs take them: reflection's from -(n - 1) on (a reduced corner). */
const positions = (mode: string, n: number) => (mode === 'reflection' ? [1 - n, 3 * n + 4] : [-n - 3, 2 * n + 3]);

describe.each(PADDING_MODES)('%s', mode => {
  const code = PADDING_CODE[mode];
  test.each([1, 2, 3, 4, 5, 7])('n = %i: nextHit and hitCount are the positions that read each pixel', n => {
    const [from, to] = positions(mode, n);
    const wrong: string[] = [];
    for (let pixel = 0; pixel < n; pixel++) {
      for (let lo = from; lo <= to; lo++) {
        for (let hi = lo - 1; hi <= to; hi++) {
          const hits: number[] = [];
          for (let p = lo; p <= hi; p++) if (sourceIndex(p, n, mode) === pixel) hits.push(p);
          const next = hits.length > 0 ? hits[0] : hi + 1;
          if (nextHit(pixel, n, code, lo, hi) !== next) wrong.push(`nextHit(${pixel}, ${lo}, ${hi})`);
          if (hitCount(pixel, n, code, lo, hi) !== hits.length) wrong.push(`hitCount(${pixel}, ${lo}, ${hi})`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

test('nextHit and hitCount reach far positions in closed form', () => {
  const n = 5;
  const code = PADDING_CODE.reflection;
  const lo = 2 ** 25 - 3;
  const hi = lo + 2 ** 24;
  for (let pixel = 0; pixel < n; pixel++) {
    // Every period 8 holds pixel 0 and 4 once, the others twice.
    const perPeriod = pixel === 0 || pixel === n - 1 ? 1 : 2;
    expect(Math.abs(hitCount(pixel, n, code, lo, hi) - (2 ** 24 / 8) * perPeriod)).toBeLessThanOrEqual(2);
    const next = nextHit(pixel, n, code, lo, hi);
    expect(sourceIndex(next, n, 'reflection')).toBe(pixel);
    for (let p = lo; p < next; p++) expect(sourceIndex(p, n, 'reflection')).not.toBe(pixel);
  }
});

/** Whole float32 numbers below 2^63 in magnitude: small, near powers of two, huge. */
function corners(): number[] {
  const values = [0, -0, 1, -1, 2, 7, -7, 1e10, -1e10, 1e18, -1e18, 2 ** 63 - 2 ** 39, -(2 ** 62), 16777215, 16777217];
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 2000; i++) {
    const magnitude = 2 ** Math.floor(next() * 63);
    const v = Math.fround(Math.floor(next() * magnitude));
    values.push(next() < 0.5 ? -v : v);
  }
  return values.map(Math.fround);
}

test('reflectCorner is the corner reduced exactly by the period, into [-(n - 1), n - 1]', () => {
  const wrong: string[] = [];
  for (const n of [1, 2, 3, 5, 17, 1000, 4097, 2 ** 24 - 1, 2 ** 24]) {
    const period = 2 * (n - 1);
    for (const corner of corners()) {
      const got = reflectCorner(corner, n);
      const congruent = n === 1 || (BigInt(corner) - BigInt(got)) % BigInt(period) === 0n;
      if (!(congruent && Math.abs(got) <= Math.max(n - 1, 0) && Number.isInteger(got))) {
        wrong.push(`reflectCorner(${corner}, ${n}): ${got}`);
      }
      // The rule on the reduced corner is the rule on the corner itself.
      for (const step of [0, 1, 2 * n + 1]) {
        if (n > 1 && Math.abs(corner) < 2 ** 40) {
          const same = sourceIndex(got + step, n, 'reflection') === sourceIndex(corner + step, n, 'reflection');
          if (!same) wrong.push(`index of ${corner} + ${step}, n ${n}`);
        }
      }
    }
  }
  expect(wrong.slice(0, 5)).toEqual([]);
});
