// The browser pages' test helpers (page_helpers.ts) as one classic script, built/page_helpers.js:
// the TS modules jest imports in Node, compiled without type checking (tsc checks them).
import typescript from '@rollup/plugin-typescript';

export default {
  input: 'test/browser/pages/page_helpers.ts',
  output: {file: 'test/browser/pages/built/page_helpers.js', format: 'iife'},
  plugins: [
    typescript({
      tsconfig: false,
      include: ['test/**/*.ts'],
      noEmitOnError: false,
      compilerOptions: {
        target: 'ES2020',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        isolatedModules: true,
        noCheck: true,
      },
    }),
  ],
};
