/**
 * The cross-backend property test: the generated calls of test/helpers/property_cases.ts (the
 * table the Node suites run: all attrs, shapes from 1x1 to glimpses larger than the image,
 * batch > 1, channels 1 to 5, offsets inside, partial, outside, on truncation boundaries,
 * NaN/Inf) run in the page and compared with cpu in Node (itself checked against TensorFlow)
 * by test/helpers/property_check.ts.
 */
import {tf} from '../helpers/backends';
import {PROPERTY_CASES} from '../helpers/property_cases';
import {checkCopies, compareBackends} from '../helpers/property_check';
import {runCase, type CaseResult} from '../helpers/golden_run';
import {runCasesInPage} from './harness';
import type {BrowserSession} from './golden_suite';

/** `sameBits`: the backend draws the cpu's random bits (all but WebGL1), so its noise is compared by value. */
export function definePropertySuite(label: string, session: BrowserSession, sameBits: boolean): void {
  describe(`generated calls agree with cpu [${label}]`, () => {
    let results: CaseResult[] = [];
    beforeAll(async () => {
      await tf.setBackend('cpu');
      results = await runCasesInPage(session.tfPage!.page, PROPERTY_CASES, 11);
    }, 180000);

    test.each(PROPERTY_CASES.map((c, i) => [c.name, i] as const))('%s', (_n, i) => {
      const c = PROPERTY_CASES[i];
      expect(checkCopies(c, results[i])).toEqual([]);
      expect(compareBackends(c, runCase(tf, c, 11), results[i], sameBits)).toEqual([]);
    });
  });
}
