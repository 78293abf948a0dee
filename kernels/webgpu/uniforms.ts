/** The shared uniforms (kernels/gpu/uniforms.ts) in the form webgpu programs take them. */
import {valuesInOrder, type UniformDecl, type UniformProgram, type UniformValues} from '../gpu/uniforms';

const WGSL_TYPE = {int: 'i32', float: 'f32'} as const;
const DATA_TYPE = {int: 'int32', float: 'float32'} as const;

/** The fields a program adds to the uniforms struct, e.g. `imageHeight : f32,`. */
export function uniformsDecl(decls: readonly UniformDecl[]): string {
  return decls.map(({name, type}) => `${name} : ${WGSL_TYPE[type]},`).join(' ');
}

/** The program's uniform data for `runWebGPUProgram`, from the call's values by name. */
export function uniformData(program: UniformProgram, values: UniformValues): Array<{type: string; data: number[]}> {
  const ordered = valuesInOrder(program, values);
  return program.uniformDecls.map(({type}, i) => ({type: DATA_TYPE[type], data: [ordered[i]]}));
}
