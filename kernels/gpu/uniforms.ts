/**
 * The uniforms of the GPU programs, shared by webgl and webgpu: the same names, types and
 * values in GLSL and WGSL, so the geometry and noise code read alike in both languages.
 * Placement values come from the shared recipe (src/window_geometry.ts `placementSteps`).
 */
import {placementSteps, type WindowParams} from '../../src/window_geometry';
import type {NoiseMode} from '../../src/kernel_names';

export interface UniformDecl {
  name: string;
  type: 'int' | 'float';
}

/** Images and glimpses up to this many pixels a side keep the GPU arithmetic exact. */
export const GPU_MAX_EXTENT = 2 ** 24;

/** The window placement: `placementCenter` 0 none, 1 halve, 2 add (see `placementSteps`). */
export const PLACEMENT_UNIFORMS: readonly UniformDecl[] = [
  {name: 'placementScale', type: 'int'},
  {name: 'placementCenter', type: 'int'},
  {name: 'placementSubtract', type: 'int'},
  {name: 'imageHeight', type: 'float'},
  {name: 'imageWidth', type: 'float'},
  {name: 'glimpseHeight', type: 'float'},
  {name: 'glimpseWidth', type: 'float'},
];

/** The noise: `noiseMode` 1 uniform, 2 gaussian; the seed key as two 16-bit halves (GLSL ES 1.00 has no uint). */
export const NOISE_UNIFORMS: readonly UniformDecl[] = [
  {name: 'noiseMode', type: 'int'},
  {name: 'seedHigh', type: 'int'},
  {name: 'seedLow', type: 'int'},
];

const CENTER_CODE = {none: 0, halve: 1, add: 2} as const;

/** Values of PLACEMENT_UNIFORMS, in order; refuses extents the GPU arithmetic cannot keep exact. */
export function placementValues(p: WindowParams, opName: string): number[] {
  if (Math.max(p.imageHeight, p.imageWidth, p.glimpseHeight, p.glimpseWidth) > GPU_MAX_EXTENT) {
    throw new Error(
      `${opName}: the GPU kernels handle images and glimpses up to ${GPU_MAX_EXTENT} ` +
        `pixels a side, got image [${p.imageHeight}, ${p.imageWidth}] and size ` +
        `[${p.glimpseHeight}, ${p.glimpseWidth}]`,
    );
  }
  const steps = placementSteps(p);
  return [
    steps.scale ? 1 : 0,
    CENTER_CODE[steps.center],
    steps.subtractHalfWindow ? 1 : 0,
    p.imageHeight,
    p.imageWidth,
    p.glimpseHeight,
    p.glimpseWidth,
  ];
}

/** Values of NOISE_UNIFORMS, in order, for drawn noise with the call's key. */
export function noiseValues(mode: Exclude<NoiseMode, 'zero'>, key: number): number[] {
  return [mode === 'uniform' ? 1 : 2, key >>> 16, key & 0xffff];
}
