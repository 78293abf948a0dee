/**
 * The weights of a bilinear window's four whole-pixel neighbours (docs/semantics.md,
 * "Bilinear glimpses"), in src/bilinear.ts's order (top-left, top-right, bottom-left,
 * bottom-right), for the glimpse sensor's forward and backward programs. `weightsOf` is
 * WEIGHTS_CODE's number for src/bilinear.ts's WeightsOf: the values, d/dy or d/dx (the slope).
 */
import type {WeightsOf} from '../../src/bilinear';
import type {ShaderSnippet} from './shader_snippet';

/** WeightsOf as the shaders' int (the `weightsOf` uniform and parameter). */
export const WEIGHTS_CODE: Readonly<Record<WeightsOf, number>> = {value: 0, y: 1, x: 2};

export const NEIGHBOUR_WEIGHTS: ShaderSnippet = {
  defines: ['neighbourWeights'],
  mirrors: 'src/bilinear.ts#neighbourWeights',
  glsl: `
vec4 neighbourWeights(float fy, float fx, int weightsOf) {
  if (weightsOf == ${WEIGHTS_CODE.y}) return vec4(-(1.0 - fx), -fx, 1.0 - fx, fx);
  if (weightsOf == ${WEIGHTS_CODE.x}) return vec4(-(1.0 - fy), 1.0 - fy, -fy, fy);
  return vec4((1.0 - fy) * (1.0 - fx), (1.0 - fy) * fx, fy * (1.0 - fx), fy * fx);
}
`,
  wgsl: `
fn neighbourWeights(fy : f32, fx : f32, weightsOf : i32) -> vec4<f32> {
  if (weightsOf == ${WEIGHTS_CODE.y}) { return vec4<f32>(-(1.0 - fx), -fx, 1.0 - fx, fx); }
  if (weightsOf == ${WEIGHTS_CODE.x}) { return vec4<f32>(-(1.0 - fy), 1.0 - fy, -fy, fy); }
  return vec4<f32>((1.0 - fy) * (1.0 - fx), (1.0 - fy) * fx, fy * (1.0 - fx), fy * fx);
}
`,
};
