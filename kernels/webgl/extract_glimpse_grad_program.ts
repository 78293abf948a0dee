import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {PLACEMENT_UNIFORMS} from '../gpu/uniforms';
import {WINDOW_CORNER_OF} from '../gpu/corner_readers';
import {ROW_COL} from '../gpu/row_col';
import {snippetsIn} from '../gpu/shader_snippet';
import {uniformsDecl} from './uniforms';

/**
 * One image position per fragment. A window is a translation, so position (row, col) of
 * image b was sampled at most once, by output (row - y0, col - x0): it takes that `dy`
 * value, or 0.
 */
const MAIN = `
void main() {
  ivec4 coords = getOutputCoords();
  int b = coords[0];
  RowCol corner = cornerOf(b);
  float glimpseRow = float(coords[1]) - corner.row;
  float glimpseCol = float(coords[2]) - corner.col;
  bool rowInside = glimpseRow >= 0.0 && glimpseRow < glimpseHeight;
  bool colInside = glimpseCol >= 0.0 && glimpseCol < glimpseWidth;
  if (rowInside && colInside) {
    setOutput(getDy(b, int(glimpseRow), int(glimpseCol), coords[3]));
    return;
  }
  setOutput(0.0);
}
`;

/** Scatters `dy` back onto the image grid. Inputs `Dy` and `Corners`; uniforms PLACEMENT_UNIFORMS. */
export class ExtractGlimpseGradProgram implements GPGPUProgram {
  variableNames = ['Dy', 'Corners'];
  uniformDecls = PLACEMENT_UNIFORMS;
  customUniforms = uniformsDecl(this.uniformDecls);
  userCode = snippetsIn('glsl', [ROW_COL, WINDOW_CORNER_OF]) + MAIN;
  constructor(public outputShape: number[]) {}
}
