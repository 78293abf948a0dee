// Three builds of one entry: ESM (`module`, `exports.import`), CJS (`main`,
// `exports.require`) and a minified UMD bundle that extends the global `tf`.
// Every @tensorflow package stays external: the app's single copy is the one we register into.
// The converter is an optional peer, found in a way each format allows (src/load_converter*.ts).
import * as path from 'node:path';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

const isTfjs = id => id.startsWith('@tensorflow/');
const banner = '/* tfjs-extract-glimpse: TensorFlow ExtractGlimpse for TensorFlow.js. Apache-2.0 */';
const LOADER = path.resolve('src/load_converter.ts');

/** Resolves src/load_converter.ts to its `variant` (load_converter_esm.ts, ...), if any. */
function converterLoader(variant) {
  return {
    name: 'converter-loader',
    async resolveId(source, importer, options) {
      if (!variant || !source.endsWith('/load_converter')) return null;
      const resolved = await this.resolve(source, importer, {...options, skipSelf: true});
      return resolved && resolved.id === LOADER ? path.resolve(`src/load_converter_${variant}.ts`) : null;
    },
  };
}

const plugins = variant => [
  converterLoader(variant),
  typescript({
    tsconfig: './tsconfig.build.json',
    declaration: false,
    declarationDir: undefined,
    outDir: 'dist',
    noEmit: false,
    emitDeclarationOnly: false,
  }),
];

export default [
  {
    input: 'src/index.ts',
    external: isTfjs,
    plugins: plugins('esm'),
    output: {file: 'dist/tfjs-extract-glimpse.mjs', format: 'es', sourcemap: true, banner},
  },
  {
    input: 'src/index.ts',
    external: isTfjs,
    plugins: plugins(null),
    output: {file: 'dist/tfjs-extract-glimpse.cjs', format: 'cjs', sourcemap: true, banner, exports: 'named'},
  },
  {
    input: 'src/index.ts',
    external: isTfjs,
    plugins: [...plugins('umd'), terser({format: {comments: /tfjs-extract-glimpse/}})],
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
