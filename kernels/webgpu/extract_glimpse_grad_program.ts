import {PLACEMENT_UNIFORMS} from '../gpu/uniforms';
import {FlatProgram} from './flat_program';
import {WINDOW_CORNER_OF} from '../gpu/corner_readers';
import {ROW_COL} from '../gpu/row_col';
import {snippetsIn} from '../gpu/shader_snippet';
import {uniformsDecl} from './uniforms';

/**
 * One image position per invocation. A window is a translation, so position (row, col) of
 * image b was sampled at most once, by output (row - y0, col - x0): it takes that `dy`
 * value, or 0.
 */
const MAIN = `
fn main(index : i32) {
  if (index < uniforms.size) {
    let coords = getCoordsFromIndex(index);
    let b = coords[0];
    let corner = cornerOf(b);
    let glimpseRow = f32(coords[1]) - corner.row;
    let glimpseCol = f32(coords[2]) - corner.col;
    let rowInside = glimpseRow >= 0.0 && glimpseRow < uniforms.glimpseHeight;
    let colInside = glimpseCol >= 0.0 && glimpseCol < uniforms.glimpseWidth;
    if (rowInside && colInside) {
      setOutputAtIndex(index, getDy(b, i32(glimpseRow), i32(glimpseCol), coords[3]));
      return;
    }
    setOutputAtIndex(index, 0.0);
  }
}
`;

/** Scatters `dy` back onto the image grid. Inputs `Dy` and `Corners`; uniforms PLACEMENT_UNIFORMS. */
export class ExtractGlimpseGradProgram extends FlatProgram {
  variableNames = ['Dy', 'Corners'];
  uniformDecls = PLACEMENT_UNIFORMS;
  uniforms = uniformsDecl(this.uniformDecls);
  shaderKey = 'extractGlimpseGrad';
  getUserCode(): string {
    return snippetsIn('wgsl', [ROW_COL, WINDOW_CORNER_OF]) + MAIN;
  }
}
