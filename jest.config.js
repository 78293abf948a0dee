/**
 * jest runs every suite against the tfjs in node_modules (the latest 4.x), and the Node
 * suites also on tfjs-node's 'tensorflow' backend, from .ci/tfjs-node (set up by
 * tools/setup_tfjs_node.sh, which `npm test` runs first) on the same tfjs-core. With
 * TFJS_VERSION_UNDER_TEST=min it runs the Node suites on cpu and wasm against the oldest
 * tfjs the peerDependencies allow, installed by .ci/run in .ci/tfjs-min.
 * @type {import('jest').Config}
 */
const min = process.env.TFJS_VERSION_UNDER_TEST === 'min';
// GLIMPSE_WASM_PATH=scalar or js: a run of the Node suites on the wasm backend alone, its kernels
// forced onto that path (test/helpers/backends.ts); .ci/run adds one per path besides SIMD.
const wasmPath = !['', 'auto', undefined].includes(process.env.GLIMPSE_WASM_PATH);
const WASM_PATH_SKIPS = [
  '/test/readme.test.ts',
  '/test/backend_alias.test.ts',
  '/test/compiled_build.test.ts',
  '/test/compiled_kernels.test.ts',
  '/test/noise_random.test.ts',
  '/test/shader_constants.test.ts',
  '/test/shader_snippets.test.ts',
  '/test/tfjs_version.test.ts',
  '/test/window_geometry.test.ts',
];
// TensorFlow's C library logs its start-up to stderr; keep the test output readable.
process.env.TF_CPP_MIN_LOG_LEVEL = process.env.TF_CPP_MIN_LOG_LEVEL || '2';

module.exports = {
  // Node's environment, counting failures so that a browser page's console prints only on one.
  testEnvironment: '<rootDir>/test/helpers/failure_counting_environment.cjs',
  // tfjs's notices left out of the output by exact text; everything else prints.
  setupFiles: ['<rootDir>/test/helpers/quiet_tfjs.ts'],
  // A run of one file lists no passing test either; and its console, like every run's, is held
  // until the file ends, which lets the setup file filter it (--verbose prints it as it comes).
  verbose: false,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {tsconfig: {module: 'commonjs', moduleResolution: 'node', isolatedModules: true, esModuleInterop: true}},
    ],
  },
  testTimeout: 60000,
  ...(min || wasmPath
    ? {
        moduleNameMapper: min
          ? {'^@tensorflow/(tfjs[a-z-]*)$': '<rootDir>/.ci/tfjs-min/node_modules/@tensorflow/$1'}
          : {'^@tensorflow/(tfjs|tfjs-[a-z-]+)$': '<rootDir>/node_modules/@tensorflow/$1'},
        // Browser pages, the packed tarball and the bundles load tfjs from node_modules itself.
        testPathIgnorePatterns: [
          '/test/browser/',
          '/test/package.test.ts',
          '/test/bundlers.test.ts',
          '/test/demo_node.test.ts',
          '/test/ram_example.test.ts',
          '/test/ram_estimator.test.ts',
          '/test/ram_weights.test.ts',
          '/test/coexistence.test.ts',
          // Installs tfjs 4.0 to 4.22 into fresh apps itself.
          '/test/install_matrix.test.ts',
          // tfjs-node is tested at the tfjs version it pins.
          '/test/tensorflow_backend.test.ts',
          // A wasm path run: the suites that run on a backend, less the ones that set the path themselves.
          ...(wasmPath ? WASM_PATH_SKIPS : []),
        ],
      }
    : {
        // One tfjs for the tests and tfjs-node alike: tfjs-node's own imports resolve to ours.
        moduleNameMapper: {
          '^@tensorflow/tfjs-node$': '<rootDir>/.ci/tfjs-node/node_modules/@tensorflow/tfjs-node',
          '^@tensorflow/(tfjs|tfjs-[a-z-]+)$': '<rootDir>/node_modules/@tensorflow/$1',
        },
      }),
};
