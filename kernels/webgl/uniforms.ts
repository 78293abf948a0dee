/** The shared uniforms (kernels/gpu/uniforms.ts) in the form webgl programs take them. */
import {valuesInOrder, type UniformDecl, type UniformProgram, type UniformValues} from '../gpu/uniforms';

/** A program's `customUniforms`. */
export function uniformsDecl(decls: readonly UniformDecl[]): Array<{name: string; type: 'int' | 'float'}> {
  return decls.map(({name, type}) => ({name, type}));
}

/** `customUniformValues` for `runWebGLProgram`: one array per declared uniform. */
export function uniformData(program: UniformProgram, values: UniformValues): number[][] {
  return valuesInOrder(program, values).map(v => [v]);
}
