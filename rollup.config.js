// Three builds of one entry: ESM (`module`, `exports.import`), CJS (`main`,
// `exports.require`) and a minified UMD bundle that extends the global `tf`.
// Every @tensorflow package stays external: the app's single copy is the one we register into.
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

const isTfjs = id => id.startsWith('@tensorflow/');
const plugins = () => [typescript({tsconfig: './tsconfig.build.json', declaration: false, declarationDir: undefined, outDir: 'dist', noEmit: false, emitDeclarationOnly: false})];
const banner = '/* tfjs-extract-glimpse: TensorFlow ExtractGlimpse for TensorFlow.js. Apache-2.0 */';

export default [
  {
    input: 'src/index.ts',
    external: isTfjs,
    plugins: plugins(),
    output: [
      {file: 'dist/tfjs-extract-glimpse.mjs', format: 'es', sourcemap: true, banner},
      {file: 'dist/tfjs-extract-glimpse.cjs', format: 'cjs', sourcemap: true, banner, exports: 'named'},
    ],
  },
  {
    input: 'src/index.ts',
    external: isTfjs,
    plugins: [...plugins(), terser({format: {comments: /tfjs-extract-glimpse/}})],
    output: {
      file: 'dist/tfjs-extract-glimpse.min.js',
      format: 'umd',
      name: 'tf',
      extend: true,
      sourcemap: true,
      banner,
      globals: id => (isTfjs(id) ? 'tf' : id),
    },
  },
];
