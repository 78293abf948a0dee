/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', {tsconfig: {module: 'commonjs', moduleResolution: 'node', isolatedModules: true, esModuleInterop: true}}],
  },
  testTimeout: 60000,
};
