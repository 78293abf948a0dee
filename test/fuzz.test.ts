/**
 * The differential fuzz against TensorFlow 2.21 on every Node backend: random ExtractGlimpse
 * and ExtractGlimpseV2 calls (test/fixtures/fuzz_cases.json, tools/fuzz_cases.py: small images,
 * glimpses up to past the image, offsets on the float32 truncation traps, huge and non-finite)
 * whose every output value must be TensorFlow's, bit for bit (Object.is: -0 and NaN count).
 * test/browser/fuzz_suite.ts runs the same cases on the GPU backends.
 */
import {describeEachBackend, tf} from './helpers/backends';
import {FUZZ_CASES, FUZZ_FIXTURE} from './helpers/fuzz_cases';
import {checkFuzzCase} from './helpers/fuzz_check';
import {runCase} from './helpers/golden_run';

describe('the fuzz fixture', () => {
  test('holds the cases and values its header counts, from a recorded seed and command', () => {
    const {generator, counts} = FUZZ_FIXTURE;
    expect(FUZZ_CASES).toHaveLength(counts.cases);
    expect(FUZZ_CASES).toHaveLength(generator.count);
    expect(FUZZ_CASES.reduce((n, c) => n + c.expected.length, 0)).toBe(counts.values);
    expect(generator.command).toContain(`--seed ${generator.seed}`);
  });

  test('covers both ops, the four placements and every trap kind', () => {
    const kinds = new Set(FUZZ_CASES.map(c => `${c.record.op}.${c.record.centered}.${c.record.normalized}`));
    expect(kinds.size).toBe(2 * 2 * 2);
    const traps = new Set(FUZZ_CASES.flatMap(c => c.record.traps.flat()));
    expect([...traps].sort()).toEqual(Object.keys(FUZZ_FIXTURE.counts.by_trap).sort());
    expect(traps.size).toBe(10);
  });
});

describeEachBackend('fuzz cases from TensorFlow', () => {
  test(`${FUZZ_CASES.length} random calls, every output value bit for bit`, () => {
    const findings = FUZZ_CASES.flatMap(c => checkFuzzCase(c, runCase(tf, c.golden)));
    expect(findings).toEqual([]);
  });
});
