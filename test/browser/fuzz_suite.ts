/**
 * The differential fuzz against TensorFlow 2.21 in Chromium on one backend configuration: the
 * cases of test/fuzz.test.ts (test/fixtures/fuzz_cases.json) run in the page by the golden
 * runner and compared in Node, every output value bit for bit (Object.is). docs/semantics.md
 * promises the GPU backends TensorFlow's bits wherever no noise is drawn: the window is placed
 * in float32 steps as on cpu, and every position is a copy of a pixel or zero noise, so nothing
 * here is compared loosely.
 *
 * A call costs SwiftShader a shader compile per new shape and a synchronous read back, so the
 * suite runs every BROWSER_STRIDE-th case (seconds, not minutes, per configuration);
 * FUZZ_ALL=1 runs the whole fixture.
 */
import {FUZZ_CASES} from '../helpers/fuzz_cases';
import {checkFuzzCase} from '../helpers/fuzz_check';
import type {CaseResult} from '../helpers/golden_run';
import type {BrowserSession} from './golden_suite';
import {pageMemory, runCasesInPage} from './harness';

export const BROWSER_STRIDE = 10;

/** The cases a Chromium suite runs: a fixed sample of the fixture, or all of it with FUZZ_ALL=1. */
export const BROWSER_FUZZ_CASES =
  process.env.FUZZ_ALL === '1' ? FUZZ_CASES : FUZZ_CASES.filter(c => c.index % BROWSER_STRIDE === 0);

export function defineFuzzSuite(label: string, session: BrowserSession): void {
  const cases = BROWSER_FUZZ_CASES;
  describe(`fuzz cases from TensorFlow in Chromium [${label}]`, () => {
    let results: CaseResult[] = [];
    let leaked = -1;
    beforeAll(async () => {
      const page = session.tfPage!.page;
      const before = (await pageMemory(page)).numTensors;
      results = await runCasesInPage(
        page,
        cases.map(c => c.golden),
      );
      leaked = (await pageMemory(page)).numTensors - before;
    }, 180000);

    test(`${cases.length} of the ${FUZZ_CASES.length} random calls, every output value bit for bit`, () => {
      expect(results).toHaveLength(cases.length);
      expect(cases.flatMap((c, i) => checkFuzzCase(c, results[i]))).toEqual([]);
      expect(leaked).toBe(0);
    });
  });
}
