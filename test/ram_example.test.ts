/**
 * The recurrent attention model example (examples/ram): its quick mode on 2,000 training and
 * 300 test digits learns: the training loss falls and the test accuracy ends far above
 * chance (10%). It writes its two pictures and its weights. No timing assertions.
 */
import {execFile} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const TRAIN = path.join(ROOT, 'examples', 'ram', 'train.mjs');

let out = '';
let result: {code: number | null; stdout: string; stderr: string};

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'ram-example-'));
  result = await new Promise(resolve => {
    execFile(
      process.execPath,
      [TRAIN, '--task', 'mnist28', '--quick', '--test', '300', '--json', '--out', out],
      {cwd: ROOT, timeout: 300000},
      (err, stdout, stderr) =>
        resolve({code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr}),
    );
  });
}, 320000);

afterAll(() => fs.rmSync(out, {recursive: true, force: true}));

test('runs to its final line', () => {
  if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr.slice(-2000)}`);
  expect(result.stdout).toMatch(/^test error: \d+\.\d\d% on 300 test digits$/m);
});

test('the loss falls and the accuracy ends well above chance', () => {
  const line = result.stdout.split('\n').find(l => l.startsWith('{"curve"'));
  expect(line).toBeDefined();
  const {curve} = JSON.parse(line!) as {curve: Array<{loss: number; testError: number}>};
  expect(curve.length).toBe(4);
  expect(curve[curve.length - 1].loss).toBeLessThan(0.85 * curve[0].loss);
  const error = Number(/test error: (\d+\.\d\d)%/.exec(result.stdout)![1]);
  // Chance is 90% error; a first look at four passes over 2,000 digits gets far below it.
  expect(error).toBeLessThan(60);
});

test('writes the weights in tfjs format, with the test digits and what the model made of them', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'ram-mnist28.json'), 'utf8'));
  expect(manifest).toMatchObject({model: 'ram', task: 'mnist28', scales: 1, testDigits: 300});
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
