import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {PLACEMENT_UNIFORMS} from '../gpu/uniforms';
import {WINDOW_CORNER_OF} from '../gpu/corner_readers';
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
  vec2 corner = cornerOf(b);
  float i = float(coords[1]) - corner.x;
  float j = float(coords[2]) - corner.y;
  if (i >= 0.0 && i < glimpseHeight && j >= 0.0 && j < glimpseWidth) {
    setOutput(getDy(b, int(i), int(j), coords[3]));
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
  userCode = snippetsIn('glsl', [WINDOW_CORNER_OF]) + MAIN;
  constructor(public outputShape: number[]) {}
}
