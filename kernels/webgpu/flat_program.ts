import type {WebGPUProgram} from '@tensorflow/tfjs-backend-webgpu';

const WORKGROUP = 64;

/**
 * A program with one invocation per output element (what webgpu_util's helpers set up,
 * without importing the backend at run time). Subclasses hold constant WGSL text, so each
 * `shaderKey` is constant and one pipeline serves every call.
 */
export abstract class FlatProgram implements WebGPUProgram {
  outputShape: number[];
  dispatchLayout: {x: number[]};
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [WORKGROUP, 1, 1];
  size = true;
  abstract variableNames: string[];
  abstract uniforms: string;
  abstract shaderKey: string;
  abstract getUserCode(): string;

  constructor(outputShape: number[]) {
    this.outputShape = outputShape;
    this.dispatchLayout = {x: outputShape.map((_, i) => i)};
    const size = outputShape.reduce((a, b) => a * b, 1);
    this.dispatch = [Math.ceil(size / WORKGROUP), 1, 1];
  }
}

/**
 * The pipeline cache key of a program whose text depends only on `variant`: its name, then
 * each flag that is on (`{noise: true, bilinear: false}` gives `nameNoise`).
 */
export function variantKey(name: string, variant: Readonly<Record<string, boolean>>): string {
  const on = Object.keys(variant).filter(flag => variant[flag]);
  return name + on.map(flag => flag[0].toUpperCase() + flag.slice(1)).join('');
}
