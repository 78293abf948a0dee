/**
 * Nothing stale ships: a fresh AssemblyScript build of kernels/wasm/assembly gives the bytes
 * committed in kernels/wasm/compiled_bytes.ts, and every bundle in dist/ (ESM, CJS, UMD)
 * inlines those bytes. Each binary is checked for what the loader relies on.
 */
import {execFileSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {mapAxis} from '../kernels/cpu/mapped_window';
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

/**
 * The shared build runs nowhere in the suites (Node's tfjs-wasm is unthreaded): here each
 * build runs the same calls on the same synthetic heap, the shared one in a shared memory,
 * and every byte they write must agree. (The simd and scalar builds are also checked against
 * the JS kernels, through the backend, in compiled_kernels.test.ts.)
 */
test('the three builds write the same bytes for the same calls', () => {
  const IMAGE = 4096;
  const OUT = 65536;
  const SCRATCH = 196608;
  const run = (base64: string, shared: boolean): Uint8Array => {
    const memory = new WebAssembly.Memory({initial: 4, maximum: 65536, shared} as WebAssembly.MemoryDescriptor);
    const k = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(base64, 'base64')), {
      env: {memory},
      noise: {hostLog: Math.log, hostCos: Math.cos, hostSin: Math.sin},
    }).exports as Record<string, (...args: number[]) => void>;
    const image = new Float32Array(memory.buffer, IMAGE, 9 * 11 * 3);
    image.forEach((_, i) => (image[i] = Math.sin(i * 12.9898) * 4));
    new Float64Array(memory.buffer, SCRATCH, 12).set([0.1, -0.2, 0.3, 1.5, 0.5, 2, -3, -2, -1, 3, 2, 1]);
    const [height, width, C] = [9, 11, 3];
    let o = 0;
    for (const [y, x] of [
      [-2, -3],
      [1, 2],
      [5, 8],
      [-20, 40],
    ]) {
      for (const mode of [0, 1, 2]) {
        k.glimpseWindow(OUT, o, IMAGE, 0, 4, 5, C, height, width, 1, y, x, mode, 12345, -4, 4, SCRATCH);
        o += 4 * 5 * C;
      }
      for (const [s, edge] of [
        [1, 0],
        [2, 1],
        [3, 0],
      ]) {
        k.windowMeans(OUT, o, IMAGE, 0, height, width, C, y, x, 2, 3, s, edge, SCRATCH + 1024);
        o += 2 * 3 * C;
        k.noisyMeans(OUT, o, IMAGE, 0, height, width, C, 1, y, x, 2, 3, s, 2, 99, -4, 4, SCRATCH, 3 * s * C, 7);
        o += 2 * 3 * C;
        const weights = [0.12, 0.28, 0.18, 0.42];
        k.noisyBilinearMeans(
          OUT,
          o,
          IMAGE,
          0,
          height,
          width,
          C,
          1,
          y,
          x,
          2,
          3,
          s,
          1,
          7,
          -4,
          4,
          0,
          3 * s * C,
          0,
          ...weights,
        );
        o += 2 * 3 * C;
        // Inside, partly outside and outside windows alike: blocks read in place or through the padding.
        k.bilinearWindow(OUT, o, IMAGE, 0, height, width, C, edge, y, x, 2, 3, s, ...weights);
        o += 2 * 3 * C;
        k.imageRange(IMAGE, height * width * C, OUT + o * 4);
        o += 4;
        // The window's maps (kernels/cpu/mapped_window.ts) under each padding that reads the image or
        // not, in the scratch after the weights: the mapped means (no OUTSIDE entry) and the backward.
        const [rows, cols] = [SCRATCH + 2048, SCRATCH + 4096];
        for (const padding of ['zero', 'edge', 'reflection'] as const) {
          mapAxis(new Int32Array(memory.buffer, rows, 2 * s), 2 * s, y, height, width * C, padding);
          mapAxis(new Int32Array(memory.buffer, cols, 3 * s), 3 * s, x, width, C, padding);
          if (padding !== 'zero') {
            k.mappedMeans(OUT, o, IMAGE, 0, rows, cols, 2, 3, s, C);
            o += 2 * 3 * C;
          }
          k.spreadWindow(OUT + 32768, IMAGE, 0, 0, rows, cols, 2, 3, s, C, 0.75);
        }
      }
    }
    return new Uint8Array(memory.buffer.slice(OUT, OUT + 65536));
  };
  const simd = run(COMPILED_SIMD, false);
  expect(Buffer.from(run(COMPILED_SCALAR, false)).equals(Buffer.from(simd))).toBe(true);
  expect(Buffer.from(run(COMPILED_SHARED, true)).equals(Buffer.from(simd))).toBe(true);
  expect(simd.some(v => v !== 0)).toBe(true);
});

// copyBytes copies with its own loop where the destination lies just past the source modulo
// 4 KiB (memory.copy stalls there) and with memory.copy elsewhere: both give the rows.
test.each(Object.entries(BINARIES))('the %s binary copies whole rows at any distance modulo 4 KiB', (name, base64) => {
  const [height, width, h] = [8, 100, 4];
  const IMAGE = 4096;
  const memory = new WebAssembly.Memory({
    initial: 8,
    maximum: 65536,
    shared: name === 'shared',
  } as WebAssembly.MemoryDescriptor);
  const k = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(base64, 'base64')), {
    env: {memory},
    noise: {hostLog: Math.log, hostCos: Math.cos, hostSin: Math.sin},
  }).exports as Record<string, (...args: number[]) => void>;
  const image = new Float32Array(memory.buffer, IMAGE, height * width);
  image.forEach((_, i) => (image[i] = i + 0.5));
  // The window is rows 2 to 5, whole: rows of 400 bytes, as far apart in the image as in the glimpse.
  const src = IMAGE + 2 * width * 4;
  const expected = Array.from(image.subarray(2 * width, (2 + h) * width));
  for (const gap of [0, 4, 8, 24, 32, 60, 64, 200, 4092]) {
    const out = 65536 + ((src + gap) % 4096);
    new Float32Array(memory.buffer, out, h * width).fill(-1);
    k.glimpseWindow(out, 0, IMAGE, 0, h, width, 1, height, width, 1, 2, 0, 0, 0, 0, 0, 0);
    expect([gap, Array.from(new Float32Array(memory.buffer, out, h * width))]).toEqual([gap, expected]);
  }
});
