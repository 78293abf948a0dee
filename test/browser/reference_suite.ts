/**
 * 1000 fast-check calls (a fixed sample) in the page, each compared in Node with the
 * independent reading of SPEC.md. Shrinking happens in the Node suite of the same property
 * (test/reference_property.test.ts); here a failure names the call. The calls share 32 shapes
 * and run shape by shape: a new shape costs the GPU a set of program compiles, a call does not.
 */
import fc from 'fast-check';
import {asGoldenCase, byShape, generatedCallOverShapes} from '../helpers/reference_arbitrary';
import {compareWithReference} from '../helpers/reference_glimpse';
import type {CaseResult} from '../helpers/golden_run';
import {runCasesInPage} from './harness';
import type {BrowserSession} from './golden_suite';

const CALLS = byShape(fc.sample(generatedCallOverShapes(32, 7), {seed: 42, numRuns: 1000}), c => [
  ...c.inputShape,
  ...c.size,
]);
const CASES = CALLS.map((call, i) => asGoldenCase(call, `reference.${i}`));

export function defineReferenceSuite(label: string, session: BrowserSession): void {
  describe(`generated calls against the SPEC reference [${label}]`, () => {
    let results: CaseResult[] = [];
    beforeAll(async () => {
      results = await runCasesInPage(session.tfPage!.page, CASES, 7);
    }, 180000);

    test('1000 calls: copies bit for bit, zero noise +0, other noise in range', () => {
      const findings = CALLS.flatMap((call, i) => {
        const r = results[i];
        const found =
          r.error !== undefined
            ? [`threw ${r.error}`]
            : compareWithReference(call, call.input, call.noise, r.shape, r.bits!);
        return found.map(p => `${CASES[i].name} ${JSON.stringify({...call, input: undefined})}: ${p}`);
      });
      expect(findings.slice(0, 3)).toEqual([]);
    });
  });
}
