/**
 * The formulas the GPU programs share (kernels/gpu), without a browser: every snippet defines
 * its names in GLSL ES 3.00, GLSL ES 1.00 and WGSL, its GLSL ES 3.00 and WGSL texts define the
 * same names, and the JS it mirrors is where it says; no webgl or webgpu program defines a
 * shared function itself.
 */
import * as fs from 'fs';
import * as path from 'path';
import type {ShaderLanguage} from '../kernels/gpu/shader_snippet';
import {textIn} from '../kernels/gpu/shader_snippet';
import {SHADER_MODULES, SNIPPETS, isSnippet} from './helpers/shader_snippets';

const ROOT = path.join(__dirname, '..');
const LANGUAGES: ShaderLanguage[] = ['glsl', 'glsl1', 'wgsl'];

/** The functions and globals a shader text defines (GLSL: a type then the name; WGSL: fn, var). */
function definedNames(text: string, language: ShaderLanguage): string[] {
  const pattern =
    language === 'wgsl'
      ? /^\s*(?:fn|var<private>)\s+(\w+)/gm
      : /^(?:float|int|uint|bool|void|vec[234]|ivec[234]|uvec[234])\s+(\w+)\s*(?:\([^)]*\)\s*\{|;)/gm;
  return [...text.matchAll(pattern)].map(m => m[1]);
}

test('every shader module exports snippets', () => {
  for (const [module, members] of Object.entries(SHADER_MODULES)) {
    expect([module, Object.values(members).some(isSnippet)]).toEqual([module, true]);
  }
});

describe.each(SNIPPETS)('$name', ({snippet}) => {
  test.each(LANGUAGES)('%s defines what it lists', language => {
    const defined = new Set(definedNames(textIn(snippet, language), language));
    expect(snippet.defines.filter(n => !defined.has(n))).toEqual([]);
  });

  test('GLSL ES 3.00 and WGSL define the same names', () => {
    // GLSL ES 1.00 (no uint) may have helpers of its own.
    expect(new Set(definedNames(snippet.glsl, 'glsl'))).toEqual(new Set(definedNames(snippet.wgsl, 'wgsl')));
  });
});

test.each(SNIPPETS.filter(s => s.snippet.mirrors))('$name: the JS it mirrors is where it says', ({snippet}) => {
  const [file, name] = (snippet.mirrors as string).split('#');
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  expect(text).toMatch(new RegExp(`(function\\s+${name}\\b|\\bconst\\s+${name}\\s*=)`));
});

test('no webgl or webgpu program defines a shared function itself', () => {
  const shared = new Set(SNIPPETS.flatMap(s => s.snippet.defines));
  const copies = (['webgl', 'webgpu'] as const).flatMap(backend => {
    const dir = path.join(ROOT, 'kernels', backend);
    return fs
      .readdirSync(dir)
      .filter(f => f.endsWith('.ts'))
      .flatMap(f => {
        const text = fs.readFileSync(path.join(dir, f), 'utf8');
        const names = definedNames(text, backend === 'webgl' ? 'glsl' : 'wgsl');
        return names.filter(n => shared.has(n)).map(n => `${backend}/${f}: ${n}`);
      });
  });
  expect(copies).toEqual([]);
});
