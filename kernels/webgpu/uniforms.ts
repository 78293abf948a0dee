/** The shared uniform lists (kernels/gpu/uniforms.ts) in the form webgpu programs take them. */
import type {UniformDecl} from '../gpu/uniforms';

const WGSL_TYPE = {int: 'i32', float: 'f32'} as const;
const DATA_TYPE = {int: 'int32', float: 'float32'} as const;

/** The fields a program adds to the uniforms struct, e.g. `imageHeight : f32,`. */
export function uniformsDecl(decls: readonly UniformDecl[]): string {
  return decls.map(({name, type}) => `${name} : ${WGSL_TYPE[type]},`).join(' ');
}

/** Values for `runWebGPUProgram`, in the order of `decls`. */
export function uniformData(decls: readonly UniformDecl[], values: number[]): Array<{type: string; data: number[]}> {
  return decls.map(({type}, i) => ({type: DATA_TYPE[type], data: [values[i]]}));
}
