/**
 * How the programs that take a corners program's output as their `Corners` input read it: a
 * GPU-only layout, written by kernels/<webgl|webgpu>/window_corners_program.ts (`[batch, 2]`:
 * row, col) and sensor_corners_program.ts (`[batch, n, k, 4]`: row, col, then the fractions
 * row, col). The -1e9 sentinel lies below any corner a found window gets.
 */
import type {ShaderSnippet} from './shader_snippet';

/** extractGlimpse's corner of batch item `b`. */
export const WINDOW_CORNER_OF: ShaderSnippet = {
  defines: ['cornerOf'],
  glsl: `
vec2 cornerOf(int b) { return vec2(getCorners(b, 0), getCorners(b, 1)); }
`,
  wgsl: `
fn cornerOf(b : i32) -> vec2<f32> { return vec2<f32>(getCorners(b, 0), getCorners(b, 1)); }
`,
};

/**
 * The glimpse sensor's corner and fractions of (image, location, scale); `found` is whether
 * any image pixel can land in the window (not the sentinel).
 */
export const SENSOR_CORNER_OF: ShaderSnippet = {
  defines: ['cornerOf', 'fractionOf', 'found'],
  glsl: `
vec2 cornerOf(int b, int l, int scale) { return vec2(getCorners(b, l, scale, 0), getCorners(b, l, scale, 1)); }

vec2 fractionOf(int b, int l, int scale) { return vec2(getCorners(b, l, scale, 2), getCorners(b, l, scale, 3)); }

bool found(vec2 corner) { return corner.x > -1.0e8; }
`,
  wgsl: `
fn cornerOf(b : i32, l : i32, scale : i32) -> vec2<f32> {
  return vec2<f32>(getCorners(b, l, scale, 0), getCorners(b, l, scale, 1));
}

fn fractionOf(b : i32, l : i32, scale : i32) -> vec2<f32> {
  return vec2<f32>(getCorners(b, l, scale, 2), getCorners(b, l, scale, 3));
}

fn found(corner : vec2<f32>) -> bool { return corner.x > -1.0e8; }
`,
};
