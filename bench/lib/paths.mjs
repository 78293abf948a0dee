// Where the benchmark reads and writes, relative to this repository.
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';

export const BENCH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(BENCH, '..');
export const DIST_ESM = path.join(ROOT, 'dist', 'tfjs-extract-glimpse.mjs');
export const DIST_UMD = path.join(ROOT, 'dist', 'tfjs-extract-glimpse.min.js');
export const CHROMIUM = '/usr/bin/chromium';
export const WEBGPU_BUNDLE = 'node_modules/@tensorflow/tfjs-backend-webgpu/dist/tf-backend-webgpu.min.js';

/** Progress goes to stderr, so stdout carries only the table and the targets. */
export const log = (...a) => console.error('[bench]', ...a);
