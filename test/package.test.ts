/**
 * The packed tarball, installed into an empty project beside tfjs, works from CJS
 * (`require`), ESM (`import`) and TypeScript (its typings compile for a user). Needs the
 * build (`npm test` runs it first).
 */
import {execFileSync} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..');
const here = path.join(__dirname, 'package');
let project: string;

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glimpse-pack-'));
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', dir], root).trim().split('\n').pop()!;
  project = path.join(dir, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({name: 'user', version: '1.0.0', private: true}));
  // The tarball has no dependencies of its own (tfjs is a peer): an offline install works.
  run('npm', ['install', '--no-save', '--offline', '--legacy-peer-deps', '--no-audit', '--no-fund',
              '--ignore-scripts', path.join(dir, tarball)], project);
  // tfjs "beside" it: the user's copies (linked from ours, no network).
  fs.mkdirSync(path.join(project, 'node_modules', '@tensorflow'));
  for (const pkg of ['tfjs-core', 'tfjs-backend-cpu', 'tfjs-converter']) {
    fs.symlinkSync(path.join(root, 'node_modules', '@tensorflow', pkg),
                   path.join(project, 'node_modules', '@tensorflow', pkg), 'dir');
  }
  fs.copyFileSync(path.join(here, 'cjs.cjs'), path.join(project, 'cjs.cjs'));
  fs.copyFileSync(path.join(here, 'esm.mjs'), path.join(project, 'esm.mjs'));
  fs.copyFileSync(path.join(here, 'user.ts.txt'), path.join(project, 'user.ts'));
}, 120000);

const expected = '[5,6,7,10,11,12,15,16,17] function';

test('the tarball holds the builds, typings and README, and no sources', () => {
  const pkg = path.join(project, 'node_modules', 'tfjs-extract-glimpse');
  for (const f of ['dist/tfjs-extract-glimpse.cjs', 'dist/tfjs-extract-glimpse.mjs',
                   'dist/tfjs-extract-glimpse.min.js', 'dist/types/src/index.d.ts', 'README.md', 'LICENSE']) {
    expect(fs.existsSync(path.join(pkg, f))).toBe(true);
  }
  expect(fs.existsSync(path.join(pkg, 'src'))).toBe(false);
});

test('require() from CommonJS', () => {
  expect(run('node', ['cjs.cjs'], project)).toContain(expected);
});

test('import from ESM', () => {
  expect(run('node', ['esm.mjs'], project)).toContain(expected);
});

test.each(['nodenext', 'bundler'])('the typings compile for a TypeScript user (moduleResolution %s)', resolution => {
  const tsconfig = {compilerOptions: {strict: true, noEmit: true, skipLibCheck: true, types: [],
                                      module: resolution === 'bundler' ? 'esnext' : 'nodenext',
                                      moduleResolution: resolution}, files: ['user.ts']};
  fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
  // Throws (with tsc's diagnostics) if the user's file, including its @ts-expect-error, fails.
  run('node', [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], project);
});

test('no bundle imports anything but tfjs-core and the converter at run time (backends stay the app\'s choice)', () => {
  const dist = path.join(root, 'dist');
  for (const f of ['tfjs-extract-glimpse.cjs', 'tfjs-extract-glimpse.mjs', 'tfjs-extract-glimpse.min.js']) {
    const text = fs.readFileSync(path.join(dist, f), 'utf8');
    const modules = new Set([...text.matchAll(/(?:require\(|from\s*|define\(\[[^\]]*?)["']([^"']+)["']/g)].map(m => m[1]));
    modules.delete('exports');
    expect([...modules].sort()).toEqual(['@tensorflow/tfjs-converter', '@tensorflow/tfjs-core']);
  }
});
