/** The shared uniform lists (kernels/gpu/uniforms.ts) in the form webgl programs take them. */
import type {UniformDecl} from '../gpu/uniforms';

export function uniformsDecl(decls: readonly UniformDecl[]): Array<{name: string; type: 'int' | 'float'}> {
  return decls.map(({name, type}) => ({name, type}));
}

export function uniformData(values: number[]): number[][] {
  return values.map(v => [v]);
}
