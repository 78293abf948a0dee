/**
 * Coexistence, in fresh Node processes over the built bundles: two copies of the package
 * register once and stay silent; import order relative to backends and setBackend does not
 * matter.
 */
import {execFileSync} from 'child_process';
import * as path from 'path';

function run(script: string): Record<string, unknown> {
  const out = execFileSync('node', [path.join(__dirname, 'coexistence', script)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

test('two copies (CJS, a second CJS file, ESM) in one process: registered once, silent, all working', () => {
  const r = run('two_copies.cjs');
  expect(r.same).toBe(true);
  expect(r.warnings).toEqual([]);
  expect(r.imageOp).toBe('function');
  expect(r.outs).toEqual(new Array(3).fill([5, 6, 7, 10, 11, 12, 15, 16, 17]));
});

test.each(['order_backend_after.mjs', 'order_set_backend_first.mjs'])('import order: %s', script => {
  expect(run(script)).toEqual({backend: 'wasm', values: [5, 6, 7, 10, 11, 12, 15, 16, 17]});
});
