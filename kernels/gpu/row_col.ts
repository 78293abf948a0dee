/**
 * A position on the image grid with its row and column by name, for every program that
 * writes or reads a window corner: a vec2's x and y do not say which is the row. Programs
 * take this snippet before any other that uses the type.
 */
import type {ShaderSnippet} from './shader_snippet';

/** A window corner, or its fractions (src/window_geometry.ts `subpixelCorner`'s fy, fx). */
export const ROW_COL: ShaderSnippet = {
  defines: ['RowCol'],
  glsl: `
struct RowCol {
  float row;
  float col;
};
`,
  wgsl: `
struct RowCol {
  row : f32,
  col : f32,
}
`,
};
