/**
 * Nothing stale ships: a fresh AssemblyScript build of kernels/wasm/assembly gives the bytes
 * committed in kernels/wasm/compiled_bytes.ts, and every bundle in dist/ (ESM, CJS, UMD)
 * inlines those bytes. Each binary is checked for what the loader relies on.
 */
import {execFileSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {COMPILED_SCALAR, COMPILED_SHARED, COMPILED_SIMD} from '../kernels/wasm/compiled_bytes';

const ROOT = path.join(__dirname, '..');
const BINARIES = {simd: COMPILED_SIMD, scalar: COMPILED_SCALAR, shared: COMPILED_SHARED};

test('a fresh build gives the committed bytes', () => {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'tools', 'build_wasm.mjs'), '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(out).toContain('matches a fresh build');
});

test.each(['tfjs-extract-glimpse.mjs', 'tfjs-extract-glimpse.cjs', 'tfjs-extract-glimpse.min.js'])(
  'dist/%s inlines the three binaries',
  file => {
    // Chunks of one string, as the source writes them or as a minifier joins them.
    const text = fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8').replace(/["']\s*,\s*["']/g, '');
    for (const base64 of Object.values(BINARIES)) expect(text.includes(base64)).toBe(true);
  },
);

/** The ids of a binary's sections (the WebAssembly binary format: id byte, LEB128 size, body). */
function sectionIds(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  for (let at = 8; at < bytes.length;) {
    ids.push(bytes[at++]);
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      size += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    at += size;
  }
  return ids;
}

describe.each(Object.entries(BINARIES))('the %s binary', (name, base64) => {
  const bytes = Buffer.from(base64, 'base64');
  const module = new WebAssembly.Module(bytes);

  test('has no data to write into the backend memory at instantiation, and no start function', () => {
    const DATA = 11;
    const START = 8;
    const ids = sectionIds(bytes);
    expect(ids).toContain(10); // code
    expect(ids).not.toContain(DATA);
    expect(ids).not.toContain(START);
  });

  test('imports only the memory and three Math functions, and exports no memory', () => {
    const imports = WebAssembly.Module.imports(module).map(i => `${i.module}.${i.name}:${i.kind}`);
    expect(imports.sort()).toEqual([
      'env.memory:memory',
      'noise.hostCos:function',
      'noise.hostLog:function',
      'noise.hostSin:function',
    ]);
    expect(WebAssembly.Module.exports(module).every(e => e.kind === 'function')).toBe(true);
  });

  test(name === 'shared' ? 'links to a shared memory only' : 'links to an unshared memory only', () => {
    const imports = (memory: WebAssembly.Memory) => ({
      env: {memory},
      noise: {hostLog: Math.log, hostCos: Math.cos, hostSin: Math.sin},
    });
    const plain = new WebAssembly.Memory({initial: 1, maximum: 65536});
    const shared = new WebAssembly.Memory({initial: 1, maximum: 65536, shared: true});
    const link = (memory: WebAssembly.Memory) => () => new WebAssembly.Instance(module, imports(memory));
    if (name === 'shared') {
      expect(link(shared)).not.toThrow();
      expect(link(plain)).toThrow();
    } else {
      expect(link(plain)).not.toThrow();
      expect(link(shared)).toThrow();
    }
  });
});
