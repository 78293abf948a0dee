/**
 * How many tests and hooks have failed so far in this test file, counted by the test
 * environment (test/helpers/failure_counting_environment.cjs): for output that prints only
 * when something failed.
 */
const FAILURES = Symbol.for('tfjs-extract-glimpse.failuresSoFar');

export const failuresSoFar = (): number => (globalThis as Record<symbol, number>)[FAILURES] ?? 0;
