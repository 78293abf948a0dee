/**
 * The README's table of the RAM example's results is what evaluate.mjs finds in the committed
 * weights (examples/ram/weights/), on the 10,000 test digits, on the tensorflow backend the
 * table was measured on: each row's deterministic figure, and its figure with M sampled paths.
 */
import {execFile} from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const EVALUATE = path.join(ROOT, 'examples', 'ram', 'evaluate.mjs');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const table = readme.split('<!-- ram:results:start -->')[1].split('<!-- ram:results:end -->')[0];

/** Rows `| task | model | deterministic | sampled | ...` whose first two cells name weights. */
const rows = table
  .split('\n')
  .map(line => /^\| `(mnist28|translated60|cluttered60)` \| `(ram|mlp)` \| ([\d.]+)% \| ([\d.]+%|) \|/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map(m => ({task: m[1], model: m[2], deterministic: m[3], sampled: m[4].replace('%', '')}));
const M = Number(/\| M = (\d+) /.exec(table)?.[1]);

const figure = (args: string[]): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [EVALUATE, '--backend', 'tensorflow', ...args],
      {cwd: ROOT, timeout: 600000},
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`${args.join(' ')}: ${stderr.slice(-1500)}`));
        const m = /^test error: ([\d.]+)% on 10000 test digits$/m.exec(stdout);
        return m ? resolve(m[1]) : reject(new Error(`${args.join(' ')}: no figure in ${stdout}`));
      },
    );
  });

test('the table has a RAM and an MLP row for every task, and says M', () => {
  expect(rows.map(r => `${r.model}-${r.task}`).sort()).toEqual([
    'mlp-cluttered60',
    'mlp-mnist28',
    'mlp-translated60',
    'ram-cluttered60',
    'ram-mnist28',
    'ram-translated60',
  ]);
  expect(M).toBeGreaterThan(1);
});

describe.each(rows)('$model on $task', row => {
  const weights = path.join(ROOT, 'examples', 'ram', 'weights', ...(row.model === 'mlp' ? ['mlp'] : []));

  test('deterministic: the committed weights give the table figure', async () => {
    expect(await figure(['--task', row.task, '--model', row.model, '--weights', weights])).toBe(row.deterministic);
  }, 620000);

  if (row.model === 'ram')
    test('M sampled paths: the committed weights give the table figure', async () => {
      expect(await figure(['--task', row.task, '--weights', weights, '--samples', String(M)])).toBe(row.sampled);
    }, 620000);
});
