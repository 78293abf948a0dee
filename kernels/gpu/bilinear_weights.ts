/**
 * The weights of a bilinear window's four whole-pixel neighbours (docs/semantics.md,
 * "Bilinear glimpses"), in src/bilinear.ts's order (top-left, top-right, bottom-left,
 * bottom-right), for the glimpse sensor's forward and backward programs. `which` 0 gives the
 * values, 1 d/dy, 2 d/dx (the slope).
 */
import type {ShaderSnippet} from './shader_snippet';

export const NEIGHBOUR_WEIGHTS: ShaderSnippet = {
  defines: ['neighbourWeights'],
  mirrors: 'src/bilinear.ts#neighbourWeights',
  glsl: `
vec4 neighbourWeights(float fy, float fx, int which) {
  if (which == 1) return vec4(-(1.0 - fx), -fx, 1.0 - fx, fx);
  if (which == 2) return vec4(-(1.0 - fy), 1.0 - fy, -fy, fy);
  return vec4((1.0 - fy) * (1.0 - fx), (1.0 - fy) * fx, fy * (1.0 - fx), fy * fx);
}
`,
  wgsl: `
fn neighbourWeights(fy : f32, fx : f32, which : i32) -> vec4<f32> {
  if (which == 1) { return vec4<f32>(-(1.0 - fx), -fx, 1.0 - fx, fx); }
  if (which == 2) { return vec4<f32>(-(1.0 - fy), 1.0 - fy, -fy, fy); }
  return vec4<f32>((1.0 - fy) * (1.0 - fx), (1.0 - fy) * fx, fy * (1.0 - fx), fy * fx);
}
`,
};
