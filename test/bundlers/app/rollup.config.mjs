// Rollup's setup for a browser app: find packages in node_modules (their browser builds) and read CommonJS ones.
import {nodeResolve} from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';

export default {
  input: 'src/main.js',
  output: {file: 'dist/main.js'},
  plugins: [nodeResolve({browser: true}), commonjs()],
};
