/**
 * The packed tarball as users install it: beside this repository's tfjs (CJS, ESM and
 * TypeScript users of both entries, the source maps); beside tfjs-core (and backend-cpu) 4.10.0
 * with no converter, by a plain `npm install` (the converter is an optional peer); and beside
 * the full @tensorflow/tfjs 4.10.0, loading a converted model with the README's Node example.
 * Needs the build (`npm test` runs it first) and the npm registry for the 4.10.0 installs.
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
  for (const file of ['cjs.cjs', 'esm.mjs', 'models.cjs', 'models.mjs']) {
    fs.copyFileSync(path.join(here, file), path.join(project, file));
  }
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
    fs.copyFileSync(path.join(here, 'user_models.ts.txt'), path.join(project, 'user_models.ts'));
  }, 120000);

  const installed = (...parts: string[]) => path.join(project, 'node_modules', 'tfjs-extract-glimpse', ...parts);

  test('the tarball holds both entries in both formats with their typings, the UMD bundle and the README', () => {
    for (const name of ['tfjs-extract-glimpse', 'converter']) {
      for (const ext of ['cjs', 'mjs', 'd.ts', 'd.mts'])
        expect(fs.existsSync(installed('dist', `${name}.${ext}`))).toBe(true);
    }
    for (const f of ['dist/tfjs-extract-glimpse.min.js', 'converter/package.json', 'README.md', 'LICENSE']) {
      expect(fs.existsSync(installed(f))).toBe(true);
    }
  });

  test('every source map embeds its sources and names files the package ships', () => {
    const maps = fs.readdirSync(installed('dist')).filter(f => f.endsWith('.map'));
    expect(maps.length).toBe(5);
    for (const file of maps) {
      const map = JSON.parse(fs.readFileSync(installed('dist', file), 'utf8'));
      expect(map.sourcesContent).toHaveLength(map.sources.length);
      map.sources.forEach((source: string, i: number) => {
        const shipped = path.resolve(installed('dist'), source);
        expect(path.relative(installed(), shipped)).toMatch(/^(src|kernels)\//);
        expect(fs.readFileSync(shipped, 'utf8')).toBe(map.sourcesContent[i]);
      });
    }
  });

  test('require() from CommonJS', () => {
    expect(run('node', ['cjs.cjs'], project)).toContain(expected);
  });

  test('import from ESM', () => {
    expect(run('node', ['esm.mjs'], project)).toContain(expected);
  });

  // The main entry registers no converter op; the models entry does, and shares the main entry's code.
  test.each(['models.cjs', 'models.mjs'])('only the models entry registers the converter ops (%s)', file => {
    fs.cpSync(path.join(root, 'test', 'fixtures', 'models', 'v2_zero'), path.join(project, 'web_model'), {
      recursive: true,
    });
    expect(JSON.parse(run('node', [file], project))).toEqual({
      mainOnly: expect.stringContaining("Unknown op 'ExtractGlimpseV2'"),
      withModels: [1, 5, 5, 3],
      same: true,
    });
  });

  test.each(['nodenext', 'bundler', 'node10'])(
    'the typings compile for a TypeScript user (moduleResolution %s)',
    resolution => {
      const tsconfig = {
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
          module: {nodenext: 'nodenext', bundler: 'esnext', node10: 'commonjs'}[resolution],
          moduleResolution: resolution,
        },
        files: ['user.ts', 'user_models.ts'],
      };
      fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
      // Throws (with tsc's diagnostics) if the user's file, including its @ts-expect-error, fails.
      run('node', [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], project);
    },
  );
});

describe('beside tfjs-core and backend-cpu 4.10.0, without the converter', () => {
  let project: string;
  beforeAll(() => {
    project = newProject('core-only');
    // A plain install, as a user types it: no ERESOLVE, no flags.
    run(
      'npm',
      ['install', ...INSTALL_FLAGS, '@tensorflow/tfjs-core@4.10.0', '@tensorflow/tfjs-backend-cpu@4.10.0', tarball],
      project,
    );
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

  test("the models entry names the missing converter in Node's error", () => {
    expect(() => run('node', ['-e', "require('tfjs-extract-glimpse/converter')"], project)).toThrow(
      /Cannot find module '@tensorflow\/tfjs-converter'/,
    );
  });
});

test('added later to an app on tfjs-core 4.10.0 without the converter, it installs as is: no ERESOLVE', () => {
  const project = newProject('core-alone');
  run('npm', ['install', ...INSTALL_FLAGS, '@tensorflow/tfjs-core@4.10.0'], project);
  run('npm', ['install', ...INSTALL_FLAGS, tarball], project);
  const installed = (name: string) => path.join(project, 'node_modules', name, 'package.json');
  expect(fs.existsSync(installed('@tensorflow/tfjs-converter'))).toBe(false);
  expect(JSON.parse(fs.readFileSync(installed('@tensorflow/tfjs-core'), 'utf8')).version).toBe('4.10.0');
}, 300000);

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

test("each bundle imports only tfjs-core, the converter where it registers ops, and the main entry's file", () => {
  const imports = (file: string) => {
    const text = fs.readFileSync(path.join(root, 'dist', file), 'utf8');
    // A module specifier: no spaces or punctuation but '@./-' (error texts may contain "from '").
    const pattern = /(?:require\(|import\(|from\s*|define\(\[[^\]]*?)["']([@\w./-]+)["']/g;
    const modules = new Set([...text.matchAll(pattern)].map(m => m[1]));
    modules.delete('exports');
    return [...modules].sort();
  };
  const core = '@tensorflow/tfjs-core';
  const converter = '@tensorflow/tfjs-converter';
  expect(imports('tfjs-extract-glimpse.mjs')).toEqual([core]);
  expect(imports('tfjs-extract-glimpse.cjs')).toEqual([core]);
  expect(imports('converter.mjs')).toEqual(['./tfjs-extract-glimpse.mjs', converter, core]);
  expect(imports('converter.cjs')).toEqual(['./tfjs-extract-glimpse.cjs', converter, core]);
  expect(imports('tfjs-extract-glimpse.min.js')).toEqual([converter, core]);
  // Not even a comment of the main entry mentions the converter package.
  for (const file of ['tfjs-extract-glimpse.mjs', 'tfjs-extract-glimpse.cjs']) {
    expect(fs.readFileSync(path.join(root, 'dist', file), 'utf8')).not.toContain('tfjs-converter');
  }
});
