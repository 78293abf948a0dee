/**
 * The formulas the GPU programs share (kernels/gpu), without a browser: every snippet defines
 * its names in GLSL ES 3.00, GLSL ES 1.00 and WGSL, its GLSL ES 3.00 and WGSL texts define the
 * same names, and the JS it mirrors is where it says; no webgl or webgpu program defines a
 * shared function itself, and every program variant defines each shared name it uses once
 * (in GLSL, before its first use).
 */
import * as fs from 'fs';
import * as path from 'path';
import type {ShaderLanguage} from '../kernels/gpu/shader_snippet';
import {textIn} from '../kernels/gpu/shader_snippet';
import {SHADER_MODULES, SNIPPETS, isSnippet} from './helpers/shader_snippets';
import {PROGRAM_VARIANTS} from './helpers/program_variants';

const ROOT = path.join(__dirname, '..');
const LANGUAGES: ShaderLanguage[] = ['glsl', 'glsl1', 'wgsl'];

/** GLSL's types a shared function may return or take (the snippets' structs included). */
const GLSL_TYPES = 'float|int|uint|bool|void|vec[234]|ivec[234]|uvec[234]|RowCol';

/** Where a shader text defines its functions, globals and structs (GLSL: a type then the name; WGSL: fn, var). */
function definitions(text: string, language: ShaderLanguage): Array<{name: string; at: number}> {
  const pattern =
    language === 'wgsl'
      ? /^\s*(?:fn|var<private>|struct)\s+(\w+)/gm
      : new RegExp(`^(?:struct\\s+(\\w+)\\s*\\{|(?:${GLSL_TYPES})\\s+(\\w+)\\s*(?:\\([^)]*\\)\\s*\\{|;))`, 'gm');
  return [...text.matchAll(pattern)].map(m => ({name: m[1] ?? m[2], at: m.index}));
}

/** The functions, globals and structs a shader text defines. */
function definedNames(text: string, language: ShaderLanguage): string[] {
  return definitions(text, language).map(d => d.name);
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

/** GLSL's prototypes (`uint noiseKey();`): a name a later snippet defines, declared for earlier ones. */
const prototypes = (text: string) =>
  [...text.matchAll(new RegExp(`^(?:${GLSL_TYPES})\\s+(\\w+)\\s*\\([^)]*\\)\\s*;`, 'gm'))].map(m => ({
    name: m[1],
    at: m.index,
  }));

// GLSL needs a name declared before its first use; WGSL takes module-scope names in any order.
describe.each(PROGRAM_VARIANTS)('$name', ({language, text}) => {
  test('defines every shared name it uses once, in GLSL before its first use', () => {
    const defined = definitions(text, language);
    const declared = language === 'wgsl' ? [] : [...defined, ...prototypes(text)];
    const misplaced = [...new Set(SNIPPETS.flatMap(s => s.snippet.defines))].flatMap(name => {
      const firstUse = text.search(new RegExp(`\\b${name}\\b`));
      if (firstUse < 0) return [];
      const definedAt = defined.filter(d => d.name === name).map(d => d.at);
      const early = language === 'wgsl' || declared.some(d => d.name === name && d.at <= firstUse);
      return definedAt.length === 1 && early ? [] : [`${name}: defined at ${definedAt.join(', ') || 'nowhere'}`];
    });
    expect(misplaced).toEqual([]);
  });
});
