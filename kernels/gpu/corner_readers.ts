/**
 * How the programs that take a corners program's output as their `Corners` input read it: a
 * GPU-only layout, written by kernels/<webgl|webgpu>/window_corners_program.ts (`[batch, 2]`:
 * row, col) and sensor_corners_program.ts (`[batch, n, k, 4]`: row, col, then the fractions
 * row, col), read back as ROW_COL's RowCol (kernels/gpu/row_col.ts, taken first). The -1e9
 * sentinel lies below any corner a found window gets.
 */
import {K} from './shader_constants';
import type {ShaderSnippet} from './shader_snippet';

/** extractGlimpse's corner of batch item `b`. */
export const WINDOW_CORNER_OF: ShaderSnippet = {
  defines: ['cornerOf'],
  glsl: `
RowCol cornerOf(int b) { return RowCol(getCorners(b, 0), getCorners(b, 1)); }
`,
  wgsl: `
fn cornerOf(b : i32) -> RowCol { return RowCol(getCorners(b, 0), getCorners(b, 1)); }
`,
};

/**
 * The glimpse sensor's corner and fractions of (image, location, scale); `found` is whether
 * any image pixel can land in the window (not the sentinel).
 */
export const SENSOR_CORNER_OF: ShaderSnippet = {
  defines: ['cornerOf', 'fractionOf', 'found'],
  glsl: `
RowCol cornerOf(int b, int l, int scale) { return RowCol(getCorners(b, l, scale, 0), getCorners(b, l, scale, 1)); }

RowCol fractionOf(int b, int l, int scale) { return RowCol(getCorners(b, l, scale, 2), getCorners(b, l, scale, 3)); }

bool found(RowCol corner) { return corner.row > ${K.foundAbove}; }
`,
  wgsl: `
fn cornerOf(b : i32, l : i32, scale : i32) -> RowCol {
  return RowCol(getCorners(b, l, scale, 0), getCorners(b, l, scale, 1));
}

fn fractionOf(b : i32, l : i32, scale : i32) -> RowCol {
  return RowCol(getCorners(b, l, scale, 2), getCorners(b, l, scale, 3));
}

fn found(corner : RowCol) -> bool { return corner.row > ${K.foundAbove}; }
`,
};
