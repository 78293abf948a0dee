// Two entries, each in ES module and CommonJS form with its own typings, and a minified UMD bundle:
//   tfjs-extract-glimpse     (src/index.ts)      ops, kernels, gradients; never mentions the converter
//   .../converter            (src/converter.ts)  the same plus the converter ops; imports the first entry
//   tfjs-extract-glimpse.min.js                  the models entry for script tags: extends the global `tf`
// Every @tensorflow package stays external: the app's single copy is the one we register into.
// Source maps embed their sources and name them `../src/...` and `../kernels/...`, files the
// package ships, so a bundler or debugger that follows them finds them.
import * as path from 'node:path';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import {dts} from 'rollup-plugin-dts';

const isTfjs = id => id.startsWith('@tensorflow/');
const banner = '/* tfjs-extract-glimpse: TensorFlow ExtractGlimpse for TensorFlow.js. Apache-2.0 */';
const ENTRIES = {'tfjs-extract-glimpse': 'src/index.ts', converter: 'src/converter.ts'};
// The models entry imports the main one by its built file, never a second copy of its code.
const MAIN = path.resolve(ENTRIES['tfjs-extract-glimpse']);
const mainFile = extension => ({[MAIN]: `./tfjs-extract-glimpse.${extension}`});

const typescriptPlugin = () => typescript({tsconfig: './tsconfig.build.json'});

const common = {dir: 'dist', sourcemap: true, banner};

export default [
  {
    input: {'tfjs-extract-glimpse': ENTRIES['tfjs-extract-glimpse']},
    external: isTfjs,
    plugins: [typescriptPlugin()],
    output: [
      {...common, format: 'es', entryFileNames: '[name].mjs'},
      {...common, format: 'cjs', entryFileNames: '[name].cjs', exports: 'named'},
    ],
  },
  {
    input: {converter: ENTRIES.converter},
    external: id => isTfjs(id) || id === MAIN,
    plugins: [typescriptPlugin()],
    output: [
      {...common, format: 'es', entryFileNames: '[name].mjs', paths: mainFile('mjs')},
      {...common, format: 'cjs', entryFileNames: '[name].cjs', paths: mainFile('cjs'), exports: 'named'},
    ],
  },
  {
    input: ENTRIES.converter,
    external: isTfjs,
    plugins: [typescriptPlugin(), terser({format: {comments: /tfjs-extract-glimpse/}})],
    output: {
      ...common,
      dir: undefined,
      file: 'dist/tfjs-extract-glimpse.min.js',
      format: 'umd',
      name: 'tf',
      extend: true,
      globals: id => (isTfjs(id) ? 'tf' : id),
    },
  },
  {
    // One declaration file per entry and module format: .d.mts types the import condition, .d.ts require.
    input: ENTRIES,
    external: isTfjs,
    plugins: [dts({tsconfig: './tsconfig.build.json'})],
    output: [
      {dir: 'dist', format: 'es', entryFileNames: '[name].d.mts', chunkFileNames: '[name]-[hash].d.mts'},
      {dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: '[name]-[hash].d.ts'},
    ],
  },
];
