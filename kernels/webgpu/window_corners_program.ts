/**
 * The corners program: each batch item's window corner, computed once per item from the
 * shared geometry (src/window_geometry.ts; kernels/gpu/window_placement.ts in the shader
 * languages), read by the forward and backward programs.
 */
import {PLACEMENT_UNIFORMS} from '../gpu/uniforms';
import {FlatProgram} from './flat_program';
import {uniformsDecl} from './uniforms';
import {K} from '../gpu/shader_constants';
import {snippetsIn} from '../gpu/shader_snippet';
import {ROW_COL} from '../gpu/row_col';
import {FENCE, PLACE_AXIS} from '../gpu/window_placement';

/**
 * `windowCorner` returns the corner, or -1e9 (far outside: every row or column it leads to is
 * negative) when no image pixel can land in the window. Offsets are checked for NaN/Inf
 * first, and past 2^24 no window reaches the image (the kernels refuse larger extents), so
 * later sums are exact.
 */
const WINDOW_CORNER_WGSL = `
fn windowCorner(b : i32) -> RowCol {
  let none = RowCol(${K.farOutside}, ${K.farOutside});
  let offsetRow = getOffsets(b, 0);
  let offsetCol = getOffsets(b, 1);
  if (isnan(offsetRow) || isinf(offsetRow) || isnan(offsetCol) || isinf(offsetCol)) { return none; }
  let top = placeAxis(offsetRow, uniforms.imageHeight, uniforms.glimpseHeight);
  let left = placeAxis(offsetCol, uniforms.imageWidth, uniforms.glimpseWidth);
  if (!(abs(top) < ${K.twoPow24} && abs(left) < ${K.twoPow24})) { return none; }
  return RowCol(truncTowardZero(top), truncTowardZero(left));
}
`;

/** (row, col) per item: the layout kernels/gpu/corner_readers.ts reads. */
const MAIN = `
fn main(index : i32) {
  if (index < uniforms.size) {
    let coords = getCoordsFromIndex(index);
    let corner = windowCorner(coords[0]);
    setOutputAtIndex(index, select(corner.col, corner.row, coords[1] == 0));
  }
}
`;

/** `[batch, 2]` window corners from `[batch, 2]` offsets. Uniforms: PLACEMENT_UNIFORMS. */
export class WindowCornersProgram extends FlatProgram {
  variableNames = ['Offsets'];
  uniformDecls = PLACEMENT_UNIFORMS;
  uniforms = uniformsDecl(this.uniformDecls);
  shaderKey = 'extractGlimpseCorners';
  getUserCode(): string {
    return snippetsIn('wgsl', [ROW_COL, FENCE, PLACE_AXIS]) + WINDOW_CORNER_WGSL + MAIN;
  }
}
