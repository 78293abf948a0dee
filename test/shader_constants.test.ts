/**
 * The GPU programs' shared numbers (kernels/gpu/shader_constants.ts), without a browser: each
 * literal reads as its value, which is the JS reference's; both shader languages take every
 * one from there (a program's own text or a shared snippet of kernels/gpu); and no program or
 * snippet types one by hand.
 */
import * as fs from 'fs';
import * as path from 'path';
import {K, SHADER_CONSTANTS} from '../kernels/gpu/shader_constants';
import {pcgHash, PCG} from '../src/noise_random';
import {SNIPPETS} from './helpers/shader_snippets';

const KERNELS = path.join(__dirname, '..', 'kernels');
const sources = (backend: string) =>
  fs
    .readdirSync(path.join(KERNELS, backend))
    .filter(f => f.endsWith('.ts'))
    .map(f => ({file: `${backend}/${f}`, text: fs.readFileSync(path.join(KERNELS, backend, f), 'utf8')}));
const GLSL = sources('webgl');
const WGSL = sources('webgpu');
const SHARED = sources('gpu').filter(f => f.file !== 'gpu/shader_constants.ts');
/** Code without its comments. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

test.each(Object.entries(SHADER_CONSTANTS))('%s: the literal reads as its value', (_name, c) => {
  expect(Number(c.literal.replace(/u$/, ''))).toBe(c.value);
});

test("the PCG constants are the JS hash's: hashing 0 by them gives pcgHash(0)", () => {
  const state = (Math.imul(0, SHADER_CONSTANTS.pcgStateMultiplier.value) + SHADER_CONSTANTS.pcgIncrement.value) >>> 0;
  const word = Math.imul((state >>> ((state >>> 28) + 4)) ^ state, SHADER_CONSTANTS.pcgWordMultiplier.value) >>> 0;
  expect(((word >>> 22) ^ word) >>> 0).toBe(pcgHash(0));
  expect(SHADER_CONSTANTS.pcgIncrement.value).toBe(PCG.increment);
});

test.each(Object.keys(K))('%s: GLSL and WGSL both take it from shader_constants.ts', name => {
  const literal = K[name as keyof typeof K];
  const uses = (files: typeof GLSL, language: 'glsl' | 'wgsl') => [
    ...files.filter(f => f.text.includes(`\${K.${name}}`)).map(f => f.file),
    ...SNIPPETS.filter(s => s.snippet[language].includes(literal)).map(s => s.name),
  ];
  expect(uses(GLSL, 'glsl').length).toBeGreaterThan(0);
  expect(uses(WGSL, 'wgsl').length).toBeGreaterThan(0);
});

test('no GPU program types a shared literal by hand', () => {
  const typed = [...GLSL, ...WGSL, ...SHARED].flatMap(f =>
    Object.values(K)
      .filter(literal => code(f.text).includes(literal))
      .map(literal => `${f.file}: ${literal}`),
  );
  expect(typed).toEqual([]);
});
