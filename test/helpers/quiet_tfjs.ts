/**
 * jest setup (jest.config.js, setupFiles): leaves tfjs's own notices, harmless in these tests,
 * out of the test output, each by its exact text. Every other line, ours or tfjs's, prints as
 * usual, so a failing test still shows everything it logged.
 */
const BACKENDS = ['cpu', 'wasm', 'tensorflow', 'webgl', 'webgpu'];
const PLATFORMS = ['node', 'browser'];

/** What tfjs logs, word for word (tfjs-core, tfjs-backend-cpu and tfjs-converter, 4.0 to 4.22). */
export const KNOWN_TFJS_NOTICES: ReadonlySet<string> = new Set([
  // tfjs-backend-cpu in Node without tfjs-node (the wasm path and oldest-tfjs runs).
  '\n============================\n' +
    'Hi, looks like you are running TensorFlow.js in Node.js. To speed things up dramatically, install our ' +
    'node backend, visit https://github.com/tensorflow/tfjs-node for more details. \n============================',
  // GraphModel.executeAsync on a model that execute() could run: the suites call both on purpose.
  'This model execution did not contain any nodes with control flow or dynamic output shapes. ' +
    'You can use model.execute() instead.',
  // tfjs-node, tfjs-layers and the converter each set the platform tfjs-core has already set.
  ...PLATFORMS.flatMap(a =>
    PLATFORMS.map(b => `Platform ${a} has already been set. Overwriting the platform with ${b}.`),
  ),
  // A second import of a backend's package.
  ...BACKENDS.map(b => `${b} backend was already registered. Reusing existing backend factory.`),
]);

/**
 * jest's console (jest.config.js sets verbose: false) holds each test file's lines until the file
 * ends; the known notices are left out of what it hands the reporter, which prints the rest with
 * the place each came from.
 */
const jestConsole = console as Console & {getBuffer?: () => Array<{message: string}> | undefined};
const getBuffer = jestConsole.getBuffer;
if (getBuffer) {
  jestConsole.getBuffer = () => {
    const kept = getBuffer.call(jestConsole)?.filter(entry => !KNOWN_TFJS_NOTICES.has(entry.message));
    // As jest's own: nothing logged, no buffer (and no Console heading).
    return kept?.length ? kept : undefined;
  };
}

// tfjs-node calls util.isArray, which Node 22 and later deprecate (DEP0044) with a warning on
// stderr: the same function under its current name, without the notice, on Node's own module
// object (an import would give a copy of its bindings).
(require('util') as {isArray: (value: unknown) => boolean}).isArray = Array.isArray;
