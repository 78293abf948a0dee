/**
 * The uniforms of the GPU programs, shared by webgl and webgpu: the same names, types and
 * values in GLSL and WGSL, so the geometry and noise code read alike in both languages. A
 * program holds its declarations (`uniformDecls`); a call gives its values as a record keyed
 * by uniform name, which `valuesInOrder` lays out in the program's order, the one place that
 * order matters. Placement values come from the shared recipe (src/window_geometry.ts
 * `placementSteps`).
 */
import {placementSteps, type WindowParams} from '../../src/window_geometry';
import type {NoiseMode} from '../../src/kernel_names';

export interface UniformDecl {
  readonly name: string;
  readonly type: 'int' | 'float';
}

/** A call's uniform values by name. */
export type UniformValues<Name extends string = string> = Readonly<Record<Name, number>>;

/** The names a declaration list declares. */
export type UniformNames<Decls extends readonly UniformDecl[]> = Decls[number]['name'];

/** What a program says of its uniforms. */
export interface UniformProgram {
  readonly uniformDecls: readonly UniformDecl[];
}

/** `values` in the order `program` declares them; a declared uniform without a value is a bug, and says so. */
export function valuesInOrder(program: UniformProgram, values: UniformValues): number[] {
  return program.uniformDecls.map(({name}) => {
    const value = values[name];
    if (value === undefined) throw new Error(`a GPU program declares the uniform '${name}' and the call gave no value`);
    return value;
  });
}

/** Images and glimpses up to this many pixels a side keep the GPU arithmetic exact. */
export const GPU_MAX_EXTENT = 2 ** 24;

/** The window placement: `placementCenter` 0 none, 1 halve, 2 add (see `placementSteps`). */
export const PLACEMENT_UNIFORMS = [
  {name: 'placementScale', type: 'int'},
  {name: 'placementCenter', type: 'int'},
  {name: 'placementSubtract', type: 'int'},
  {name: 'imageHeight', type: 'float'},
  {name: 'imageWidth', type: 'float'},
  {name: 'glimpseHeight', type: 'float'},
  {name: 'glimpseWidth', type: 'float'},
] as const satisfies readonly UniformDecl[];

/** The noise: `noiseMode` 1 uniform, 2 gaussian; the seed key as two 16-bit halves (GLSL ES 1.00 has no uint). */
export const NOISE_UNIFORMS = [
  {name: 'noiseMode', type: 'int'},
  {name: 'seedHigh', type: 'int'},
  {name: 'seedLow', type: 'int'},
] as const satisfies readonly UniformDecl[];

export type PlacementValues = UniformValues<UniformNames<typeof PLACEMENT_UNIFORMS>>;
export type NoiseValues = UniformValues<UniformNames<typeof NOISE_UNIFORMS>>;

const CENTER_CODE = {none: 0, halve: 1, add: 2} as const;

/** Values of PLACEMENT_UNIFORMS; refuses extents the GPU arithmetic cannot keep exact. */
export function placementValues(p: WindowParams, opName: string): PlacementValues {
  if (Math.max(p.imageHeight, p.imageWidth, p.glimpseHeight, p.glimpseWidth) > GPU_MAX_EXTENT) {
    throw new Error(
      `${opName}: the GPU kernels handle images and glimpses up to ${GPU_MAX_EXTENT} ` +
        `pixels a side, got image [${p.imageHeight}, ${p.imageWidth}] and size ` +
        `[${p.glimpseHeight}, ${p.glimpseWidth}]`,
    );
  }
  const steps = placementSteps(p);
  return {
    placementScale: steps.scale ? 1 : 0,
    placementCenter: CENTER_CODE[steps.center],
    placementSubtract: steps.subtractHalfWindow ? 1 : 0,
    imageHeight: p.imageHeight,
    imageWidth: p.imageWidth,
    glimpseHeight: p.glimpseHeight,
    glimpseWidth: p.glimpseWidth,
  };
}

/** Values of NOISE_UNIFORMS for drawn noise with the call's key. */
export function noiseValues(mode: Exclude<NoiseMode, 'zero'>, key: number): NoiseValues {
  return {noiseMode: mode === 'uniform' ? 1 : 2, seedHigh: key >>> 16, seedLow: key & 0xffff};
}
