/**
 * A formula the GPU programs share, in both shader languages side by side: GLSL ES 3.00
 * (webgl2; also webgl1 unless `glsl1` differs) and WGSL. The programs concatenate snippets;
 * test/shader_snippets.test.ts checks, without a browser, that each language defines the
 * names listed and that the JS function the snippet mirrors is where it says.
 */
export interface ShaderSnippet {
  /** The functions (and globals) it defines, under the same names in every language. */
  readonly defines: readonly string[];
  /** The JS it must equal, as `file#name` (file from the repository root); none for GPU-only layout. */
  readonly mirrors?: string;
  readonly glsl: string;
  /** GLSL ES 1.00 (webgl1), where it cannot be the GLSL ES 3.00 text. */
  readonly glsl1?: string;
  readonly wgsl: string;
}

export type ShaderLanguage = 'glsl' | 'glsl1' | 'wgsl';

/** The snippet's text in `language` (webgl1 falls back to the GLSL ES 3.00 text). */
export function textIn(snippet: ShaderSnippet, language: ShaderLanguage): string {
  return language === 'glsl1' ? (snippet.glsl1 ?? snippet.glsl) : snippet[language];
}

/** The snippets' texts in `language`, in order: a program's shared functions. */
export function snippetsIn(language: ShaderLanguage, snippets: readonly ShaderSnippet[]): string {
  return snippets.map(snippet => textIn(snippet, language)).join('');
}
