/**
 * The Node demo (`npm start`): examples/demo.mjs loads the converted model on the cpu
 * backend through the built ESM bundle, runs it and writes a PNG. Needs dist/ (`npm test`
 * builds it first, in pretest).
 */
import {execFile} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {PNG} from 'pngjs';

const ROOT = path.resolve(__dirname, '..');
const DEMO = path.join(ROOT, 'examples', 'demo.mjs');

let dir = '';
let out = '';
let result: {code: number | null; stdout: string; stderr: string};
let docsTouched = true;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'tfjs-extract-glimpse.mjs'))) {
    throw new Error(
      'dist/tfjs-extract-glimpse.mjs is missing: run `npm run build` first (npm test does it in pretest)',
    );
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glimpse-demo-'));
  out = path.join(dir, 'nested', 'demo.png');
  const docsPng = path.join(ROOT, 'docs', 'demo.png');
  const docsStamp = () => (fs.existsSync(docsPng) ? fs.statSync(docsPng).mtimeMs : null);
  const docsBefore = docsStamp();
  result = await new Promise(resolve => {
    execFile(
      process.execPath,
      [DEMO, '--out', out, '--runs', '5'],
      {cwd: ROOT, timeout: 60000},
      (err, stdout, stderr) => {
        resolve({code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr});
      },
    );
  });
  docsTouched = docsStamp() !== docsBefore;
}, 90000);

afterAll(() => {
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

describe('examples/demo.mjs (npm start)', () => {
  test('exits 0', () => {
    if (result.code !== 0) throw new Error(`exit ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  });

  test('reports the cpu backend, the input and output shapes and the time per call', () => {
    const s = result.stdout;
    expect(s).toMatch(/backend 'cpu'/);
    expect(s).toMatch(/image\s+\[3,240,320,3\] float32/);
    expect(s).toMatch(/location \[3,2\] float32/);
    expect(s).toMatch(/glimpse16\s+\[3,16,16,3\] float32/);
    expect(s).toMatch(/glimpse32\s+\[3,32,32,3\] float32/);
    expect(s).toMatch(/glimpse64\s+\[3,64,64,3\] float32/);
    expect(s).toMatch(/sensor\s+\[3,16,16,9\] float32/);
    expect(s).toMatch(/\d+\.\d+ ms per call \(median of 5 /);
    expect(s).toMatch(/glimpseSensor \[3,3,16,16,3\] float32: the three scales in one call, \d+\.\d+ ms per call/);
    expect(s).toContain('demo.png');
    expect(s).toMatch(/tensors left after dispose: 0/);
  });

  test('writes a PNG that decodes, with room for the 2x scene and three rows of tiles', () => {
    expect(fs.existsSync(out)).toBe(true);
    const png = PNG.sync.read(fs.readFileSync(out));
    expect(png.width).toBeGreaterThanOrEqual(640);
    expect(png.width).toBeLessThan(2000);
    expect(png.height).toBeGreaterThanOrEqual(480 + 3 * 128);
    expect(png.height).toBeLessThan(2000);
  });

  test('leaves docs/demo.png alone without --update-docs', () => {
    expect(docsTouched).toBe(false);
  });
});
