/** Hostile input on every Node backend: clear errors before any allocation, no crash, no leak. */
import {describeEachBackend, tf} from './helpers/backends';
import {casesFor, runAll, type HostileResult} from './helpers/hostile_cases';
import {checkHostile} from './helpers/hostile_check';

describeEachBackend('hostile input', backend => {
  let results: Record<string, HostileResult> = {};
  beforeAll(async () => {
    results = await runAll(tf);
  });
  test.each(casesFor(backend).map(c => [c.name, c] as const))('%s', (_n, c) => {
    expect(checkHostile(c, results[c.name])).toEqual([]);
  });
});
