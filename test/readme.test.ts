/**
 * The README's backend table stays true: every backend it lists has the kernels it claims,
 * and a suite that runs the golden table on it.
 */
import * as fs from 'fs';
import * as path from 'path';
import {ExtractGlimpse, ExtractGlimpseGrad, ExtractGlimpseV2, SUPPORTED_BACKENDS} from '../src';
import {NODE_BACKENDS, tf} from './helpers/backends';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const section = readme.split('## Backends')[1].split('\n## ')[0];
const rows = section
  .split('\n')
  .filter(l => /^\| (cpu|wasm|webgl|webgpu|tensorflow) \|/.test(l))
  .map(l =>
    l
      .split('|')
      .slice(1, -1)
      .map(cell => cell.trim()),
  );

/** Where each GPU backend's suites run (Node backends: describeEachBackend, test/helpers/backends.ts). */
const SUITES: Record<string, string[]> = {
  webgl: ['test/browser/webgl1.test.ts', 'test/browser/webgl2.test.ts'],
  webgpu: ['test/browser/webgpu.test.ts'],
};
const BACKENDS_HELPER = fs.readFileSync(path.join(__dirname, 'helpers', 'backends.ts'), 'utf8');

test('the table lists exactly the backends the package registers', () => {
  expect(rows.map(r => r[0]).sort()).toEqual([...SUPPORTED_BACKENDS].sort());
});

test.each(rows.map(r => [r[0], r] as const))('%s has what its row claims', (backend, row) => {
  const [, forward, gradient] = row;
  expect(forward).toBe('yes');
  expect(tf.getKernel(ExtractGlimpse, backend)).toBeDefined();
  expect(tf.getKernel(ExtractGlimpseV2, backend)).toBeDefined();
  expect(gradient).toBe('yes');
  expect(tf.getKernel(ExtractGlimpseGrad, backend)).toBeDefined();
  expect(tf.getGradient(ExtractGlimpseV2)).toBeDefined();
  if (!SUITES[backend]) {
    // A Node backend: every Node suite runs on it (except tensorflow against the oldest tfjs).
    expect(BACKENDS_HELPER).toMatch(new RegExp(`NODE_BACKENDS[^\\n]*'${backend}'`));
    if (process.env.TFJS_VERSION_UNDER_TEST !== 'min') expect(NODE_BACKENDS).toContain(backend);
    return;
  }
  for (const file of SUITES[backend]) {
    const text = fs.readFileSync(path.join(__dirname, '..', file), 'utf8');
    expect(text).toContain('defineBackendSuites(');
    expect(text).toContain(`backend: '${backend}'`);
  }
});

test('the script-tag example pins this version of the plugin', () => {
  const {version} = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  const links = [...readme.matchAll(/cdn\.jsdelivr\.net\/npm\/(tfjs-extract-glimpse[^/]*)\//g)].map(m => m[1]);
  expect(links).toEqual([`tfjs-extract-glimpse@${version}`]);
});
