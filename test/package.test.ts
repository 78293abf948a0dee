/**
 * The packed tarball as users install it: beside this repository's tfjs (CJS, ESM and
 * TypeScript users); beside tfjs-core and backend-cpu 4.10.0 with no converter, by a plain
 * `npm install` (the converter is an optional peer); and beside the full @tensorflow/tfjs
 * 4.10.0, loading a converted model with the README's Node example. Needs the build (`npm
 * test` runs it first) and the npm registry for the 4.10.0 installs.
 */
import {execFileSync} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..');
const here = path.join(__dirname, 'package');
const INSTALL_FLAGS = ['--no-audit', '--no-fund', '--loglevel=error'];
let dir: string;
let tarball: string;

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

function newProject(name: string): string {
  const project = path.join(dir, name);
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({name, version: '1.0.0', private: true}));
  return project;
}

function copyUserFiles(project: string): void {
  fs.copyFileSync(path.join(here, 'cjs.cjs'), path.join(project, 'cjs.cjs'));
  fs.copyFileSync(path.join(here, 'esm.mjs'), path.join(project, 'esm.mjs'));
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glimpse-pack-'));
  tarball = path.join(dir, run('npm', ['pack', '--silent', '--pack-destination', dir], root).trim().split('\n').pop()!);
}, 120000);

const expected = '[5,6,7,10,11,12,15,16,17] function';

describe("beside this repository's tfjs", () => {
  let project: string;
  beforeAll(() => {
    project = newProject('user');
    // The tarball has no dependencies of its own (tfjs is a peer): an offline install works.
    run(
      'npm',
      ['install', '--no-save', '--offline', '--legacy-peer-deps', '--ignore-scripts', ...INSTALL_FLAGS, tarball],
      project,
    );
    // tfjs "beside" it: the user's copies (linked from ours, no network).
    fs.mkdirSync(path.join(project, 'node_modules', '@tensorflow'));
    for (const pkg of ['tfjs-core', 'tfjs-backend-cpu', 'tfjs-converter']) {
      fs.symlinkSync(
        path.join(root, 'node_modules', '@tensorflow', pkg),
        path.join(project, 'node_modules', '@tensorflow', pkg),
        'dir',
      );
    }
    copyUserFiles(project);
    fs.copyFileSync(path.join(here, 'user.ts.txt'), path.join(project, 'user.ts'));
  }, 120000);

  test('the tarball holds the builds, typings and README, and no sources', () => {
    const pkg = path.join(project, 'node_modules', 'tfjs-extract-glimpse');
    for (const f of [
      'dist/tfjs-extract-glimpse.cjs',
      'dist/tfjs-extract-glimpse.mjs',
      'dist/tfjs-extract-glimpse.min.js',
      'dist/types/src/index.d.ts',
      'README.md',
      'LICENSE',
    ]) {
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
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        module: resolution === 'bundler' ? 'esnext' : 'nodenext',
        moduleResolution: resolution,
      },
      files: ['user.ts'],
    };
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    // Throws (with tsc's diagnostics) if the user's file, including its @ts-expect-error, fails.
    run('node', [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], project);
  });
});

describe('beside tfjs-core and backend-cpu 4.10.0, without the converter', () => {
  let project: string;
  beforeAll(() => {
    project = newProject('core-only');
    run(
      'npm',
      ['install', ...INSTALL_FLAGS, '@tensorflow/tfjs-core@4.10.0', '@tensorflow/tfjs-backend-cpu@4.10.0'],
      project,
    );
    // A plain install, as a user types it: no ERESOLVE, no flags.
    run('npm', ['install', ...INSTALL_FLAGS, tarball], project);
    copyUserFiles(project);
  }, 300000);

  test('npm installs no converter (an optional peer)', () => {
    expect(fs.existsSync(path.join(project, 'node_modules', '@tensorflow', 'tfjs-converter'))).toBe(false);
    expect(fs.existsSync(path.join(project, 'node_modules', 'tfjs-extract-glimpse'))).toBe(true);
  });

  test('require() from CommonJS', () => {
    expect(run('node', ['cjs.cjs'], project)).toContain(expected);
  });

  test('import from ESM', () => {
    expect(run('node', ['esm.mjs'], project)).toContain(expected);
  });
});

/** The README's Node example for converted models: the code block that starts with `// load_model.mjs`. */
function readmeModelExample(): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)]
    .map(m => m[1])
    .find(b => b.startsWith('// load_model.mjs'));
  if (!block) throw new Error('README.md has no ```js block starting with // load_model.mjs');
  return block;
}

describe('beside @tensorflow/tfjs 4.10.0', () => {
  let project: string;
  beforeAll(() => {
    project = newProject('full-tfjs');
    run('npm', ['install', ...INSTALL_FLAGS, '@tensorflow/tfjs@4.10.0'], project);
    run('npm', ['install', ...INSTALL_FLAGS, tarball], project);
    fs.cpSync(path.join(root, 'test', 'fixtures', 'models', 'v2_zero'), path.join(project, 'web_model'), {
      recursive: true,
    });
  }, 300000);

  test("the README's Node example loads a converted model from disk and runs it", () => {
    // Then TensorFlow's recorded run through the same model: the values, bit for bit.
    const check = `
const run = JSON.parse(await readFile('web_model/io.json', 'utf8')).runs[0];
const feeds = Object.fromEntries(
  Object.entries(run.inputs).map(([k, v]) => [k, tf.tensor(v.values, v.shape, v.dtype)]));
const out = model.execute(feeds);
const want = new Float32Array(run.outputs.glimpse.values);
console.log('same as TensorFlow:', JSON.stringify(out.shape), out.dataSync().every((v, i) => Object.is(v, want[i])));
`;
    fs.writeFileSync(path.join(project, 'load_model.mjs'), readmeModelExample() + check);
    const output = run('node', ['load_model.mjs'], project);
    expect(output).toContain('[ 1, 5, 5, 3 ]');
    expect(output).toContain('same as TensorFlow: [2,5,5,3] true');
  });
});

test("no bundle imports anything but tfjs-core and the converter at run time (backends stay the app's choice)", () => {
  const dist = path.join(root, 'dist');
  for (const f of ['tfjs-extract-glimpse.cjs', 'tfjs-extract-glimpse.mjs', 'tfjs-extract-glimpse.min.js']) {
    const text = fs.readFileSync(path.join(dist, f), 'utf8');
    // A module specifier: no spaces or punctuation but '@./-' (error texts may contain "from '").
    const pattern = /(?:require\(|import\(|from\s*|define\(\[[^\]]*?)["']([@\w./-]+)["']/g;
    const modules = new Set([...text.matchAll(pattern)].map(m => m[1]));
    modules.delete('exports');
    expect([...modules].sort()).toEqual(['@tensorflow/tfjs-converter', '@tensorflow/tfjs-core']);
  }
});
