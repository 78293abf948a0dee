import {PLACEMENT_UNIFORMS} from '../gpu/uniforms';
import {FlatProgram} from './flat_program';
import {WINDOW_CORNER_OF} from '../gpu/corner_readers';
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
    let i = f32(coords[1]) - corner.x;
    let j = f32(coords[2]) - corner.y;
    if (i >= 0.0 && i < uniforms.glimpseHeight && j >= 0.0 && j < uniforms.glimpseWidth) {
      setOutputAtIndex(index, getDy(b, i32(i), i32(j), coords[3]));
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
    return snippetsIn('wgsl', [WINDOW_CORNER_OF]) + MAIN;
  }
}
