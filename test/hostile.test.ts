/**
 * Hostile input on every Node backend: clear errors before any allocation, no crash, no hang,
 * no leak. Each backend's cases run in child processes (helpers/hostile_isolated.ts), so a
 * case that crashes or hangs fails alone.
 */
import {describeEachBackend} from './helpers/backends';
import {casesFor, type HostileResult} from './helpers/hostile_cases';
import {runIsolated} from './helpers/hostile_isolated';
import {checkHostile} from './helpers/hostile_check';

describeEachBackend('hostile input', backend => {
  let results: Record<string, HostileResult> = {};
  beforeAll(async () => {
    results = await runIsolated(backend);
  }, 180000);
  test.each(casesFor(backend).map(c => [c.name, c] as const))('%s', (_n, c) => {
    expect(checkHostile(c, results[c.name])).toEqual([]);
  });
});
