/**
 * jest's Node environment (jest.config.js, testEnvironment) that also counts the failures so
 * far in the test file, tests and hooks alike, for helpers that print what they hold back (a
 * browser page's console) only when a test failed: test/helpers/failures.ts.
 */
const {TestEnvironment} = require('jest-environment-node');

const FAILURES = Symbol.for('tfjs-extract-glimpse.failuresSoFar');

class FailureCountingEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global[FAILURES] = 0;
  }

  handleTestEvent(event) {
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') this.global[FAILURES] += 1;
  }
}

module.exports = FailureCountingEnvironment;
