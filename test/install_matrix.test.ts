/**
 * The packed package added, as users add it, to fresh apps that already have tfjs 4.0.0, 4.10.0
 * or 4.22.0 (tfjs-core and the cpu backend, or the full @tensorflow/tfjs), by npm, pnpm, yarn
 * (classic and berry) and bun, from an empty package cache: every install ends without an error
 * (no ERESOLVE beside an older tfjs), and each app's Node check passes (the main entry's value on
 * the cpu backend; with the full tfjs, the /converter entry registers its ops in the app's
 * converter; without a converter, none was installed). tools/install_matrix.mjs does the work;
 * run it alone to see each case's output (`--only` picks cases).
 * Needs the build (`npm test` runs it first) and the npm registry: offline, it fails and says so.
 */
import {execFile} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {failuresSoFar} from './helpers/failures';

const root = path.join(__dirname, '..');
const SCRIPT = path.join(root, 'tools', 'install_matrix.mjs');

// The cases the matrix must hold: npm at three tfjs versions, the other managers at two.
const CASES = [
  'npm tfjs 4.0.0 core-only',
  'npm tfjs 4.0.0 full',
  'npm tfjs 4.10.0 core-only',
  'npm tfjs 4.10.0 full',
  'npm tfjs 4.22.0 core-only',
  'npm tfjs 4.22.0 full',
  'pnpm tfjs 4.10.0 core-only',
  'pnpm tfjs 4.22.0 full',
  'yarn tfjs 4.10.0 core-only',
  'yarn tfjs 4.22.0 full',
  'yarn berry tfjs 4.10.0 core-only',
  'yarn berry tfjs 4.22.0 full',
  'bun tfjs 4.10.0 core-only',
  'bun tfjs 4.22.0 full',
];

interface CaseResult {
  label: string;
  ok: boolean;
  seconds: number;
  step?: string;
  error?: string;
  output?: string;
}
interface Summary {
  wall: number;
  managers: Record<string, string>;
  results: CaseResult[];
}

// About 3 minutes here on 2 busy cores; the limits leave 3 times that and more.
const MATRIX_LIMIT_MS = 12 * 60 * 1000;
let summary: Summary;
/** What the matrix printed: shown only when a test of this file failed. */
let matrixOutput = '';

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glimpse-matrix-result-'));
  const json = path.join(dir, 'matrix.json');
  try {
    const {code, output} = await new Promise<{code: unknown; output: string}>(resolve => {
      execFile(
        process.execPath,
        [SCRIPT, '--json', json],
        {cwd: root, timeout: MATRIX_LIMIT_MS, maxBuffer: 64 * 1024 * 1024},
        (error, stdout, stderr) => resolve({code: error ? (error.code ?? error.signal) : 0, output: stdout + stderr}),
      );
    });
    // No results at all: the matrix could not run (no registry, no build, a manager's setup failed).
    if (!fs.existsSync(json)) {
      throw new Error(`the install matrix did not run (exit ${code}):\n${output}`);
    }
    summary = JSON.parse(fs.readFileSync(json, 'utf8'));
    matrixOutput = output;
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}, MATRIX_LIMIT_MS + 60000);

afterAll(() => {
  if (failuresSoFar() > 0 && matrixOutput) console.log(matrixOutput);
});

test('the matrix holds every case', () => {
  expect(summary.results.map(r => r.label).sort()).toEqual([...CASES].sort());
});

test.each(CASES)('%s: installs without an error and passes its checks', label => {
  const result = summary.results.find(r => r.label === label);
  if (!result) throw new Error(`${label}: not in the matrix`);
  if (!result.ok) {
    throw new Error(`${label} failed at "${result.step}": ${result.error}\n${result.output ?? ''}`);
  }
});
