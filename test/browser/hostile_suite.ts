/** The hostile calls of test/helpers/hostile_cases.ts in a page, checked in Node. */
import {casesFor, type HostileResult} from '../helpers/hostile_cases';
import {checkHostile} from '../helpers/hostile_check';
import type {BrowserSession} from './golden_suite';

export function defineHostileSuite(label: string, session: BrowserSession): void {
  describe(`hostile input in Chromium [${label}]`, () => {
    let results: Record<string, HostileResult> = {};
    beforeAll(async () => {
      const page = session.tfPage!.page;
      results = await page.evaluate(() => (window as any).hostileCases.runAll((window as any).tf));
    }, 120000);
    test.each(casesFor(label.replace(/[0-9]+$/, '')).map(c => [c.name, c] as const))('%s', (_n, c) => {
      expect(checkHostile(c, results[c.name])).toEqual([]);
    });
  });
}
