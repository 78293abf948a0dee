/**
 * jest runs every suite against the tfjs in node_modules (the latest 4.x). With
 * TFJS_VERSION_UNDER_TEST=min it runs the Node suites against the oldest tfjs the
 * peerDependencies allow, installed by .ci/run in .ci/tfjs-min (see its package.json).
 * @type {import('jest').Config}
 */
const min = process.env.TFJS_VERSION_UNDER_TEST === 'min';

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', {tsconfig: {module: 'commonjs', moduleResolution: 'node', isolatedModules: true, esModuleInterop: true}}],
  },
  testTimeout: 60000,
  ...(min ? {
    moduleNameMapper: {'^@tensorflow/(tfjs[a-z-]*)$': '<rootDir>/.ci/tfjs-min/node_modules/@tensorflow/$1'},
    // Browser pages, the packed tarball and the bundles load tfjs from node_modules itself.
    testPathIgnorePatterns: ['/test/browser/', '/test/package.test.ts', '/test/demo_node.test.ts', '/test/coexistence.test.ts'],
  } : {}),
};
