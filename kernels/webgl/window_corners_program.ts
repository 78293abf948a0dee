/**
 * The corners program: each batch item's window corner, computed once per item from the
 * shared geometry (src/window_geometry.ts; kernels/gpu/window_placement.ts in the shader
 * languages), read by the forward and backward programs.
 */
import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {PLACEMENT_UNIFORMS} from '../gpu/uniforms';
import {uniformsDecl} from './uniforms';
import {K} from '../gpu/shader_constants';
import {snippetsIn} from '../gpu/shader_snippet';
import {ROW_COL} from '../gpu/row_col';
import {FENCE, PLACE_AXIS} from '../gpu/window_placement';

/**
 * `windowCorner` returns the corner, or -1e9 (far outside: every row or column it leads to is
 * negative) when no image pixel can land in the window. int() of NaN, Inf or a huge float is
 * undefined in GLSL, so that is decided with float compares first; past 2^24 no window can
 * reach the image (the kernels refuse larger extents), and below it floor() and the later
 * sums are exact.
 */
const WINDOW_CORNER_GLSL = `
RowCol windowCorner(int b) {
  RowCol none = RowCol(${K.farOutside}, ${K.farOutside});
  float offsetRow = getOffsets(b, 0);
  float offsetCol = getOffsets(b, 1);
  if (isnan(offsetRow) || isinf(offsetRow) || isnan(offsetCol) || isinf(offsetCol)) return none;
  float top = placeAxis(offsetRow, imageHeight, glimpseHeight);
  float left = placeAxis(offsetCol, imageWidth, glimpseWidth);
  if (!(abs(top) < ${K.twoPow24} && abs(left) < ${K.twoPow24})) return none;
  return RowCol(truncTowardZero(top), truncTowardZero(left));
}
`;

/** (row, col) per item: the layout kernels/gpu/corner_readers.ts reads. */
const MAIN = `
void main() {
  ivec2 coords = getOutputCoords();
  RowCol corner = windowCorner(coords[0]);
  setOutput(coords[1] == 0 ? corner.row : corner.col);
}
`;

/** `[batch, 2]` window corners from `[batch, 2]` offsets. Uniforms: PLACEMENT_UNIFORMS. */
export class WindowCornersProgram implements GPGPUProgram {
  variableNames = ['Offsets'];
  uniformDecls = PLACEMENT_UNIFORMS;
  customUniforms = uniformsDecl(this.uniformDecls);
  userCode = snippetsIn('glsl', [ROW_COL, FENCE, PLACE_AXIS]) + WINDOW_CORNER_GLSL + MAIN;
  constructor(public outputShape: number[]) {}
}
