/**
 * The forward program: one output position per fragment, copied from the image or drawn as
 * noise (kernels/gpu/noise_draws.ts). Everything that changes per call (placement, sizes,
 * noise mode, seed) is a uniform, so one compiled program serves every call of the same
 * shapes.
 */
import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {PLACEMENT_UNIFORMS, type UniformDecl} from '../gpu/uniforms';
import {forwardInputs} from '../gpu/padded_run';
import {WINDOW_CORNER_OF} from '../gpu/corner_readers';
import {ROW_COL} from '../gpu/row_col';
import {CALL_KEY, DRAWS, NOISE_AT, ZERO_NOISE_AT} from '../gpu/noise_draws';
import {snippetsIn} from '../gpu/shader_snippet';
import {FENCE} from '../gpu/window_placement';
import {uniformsDecl} from './uniforms';

const MAIN = `
void main() {
  ivec4 coords = getOutputCoords();
  int b = coords[0];
  RowCol corner = cornerOf(b);
  float row = corner.row + float(coords[1]);
  float col = corner.col + float(coords[2]);
  if (row >= 0.0 && row < imageHeight && col >= 0.0 && col < imageWidth) {
    setOutput(getImage(b, int(row), int(col), coords[3]));
    return;
  }
  setOutput(noiseAt(b, coords[3], outputIndex(coords)));
}
`;

function outputIndexGlsl([, h, w, channels]: number[]): string {
  return `
int outputIndex(ivec4 p) { return ((p[0] * ${h} + p[1]) * ${w} + p[2]) * ${channels} + p[3]; }
`;
}

/**
 * Inputs `Image` and `Corners` (WindowCornersProgram's output), uniforms PLACEMENT_UNIFORMS;
 * with drawn noise also the statistics inputs and NOISE_UNIFORMS. GPUs that run both sides
 * of a branch (SwiftShader predicates) would pay for the noise code on every fragment, so
 * zero noise runs a variant without it.
 */
export class ExtractGlimpseProgram implements GPGPUProgram {
  variableNames: string[];
  uniformDecls: readonly UniformDecl[];
  customUniforms: Array<{name: string; type: 'int' | 'float'}>;
  userCode: string;

  constructor(
    public outputShape: number[],
    webglVersion: number,
    drawsNoise: boolean,
  ) {
    const language = webglVersion === 2 ? 'glsl' : 'glsl1';
    const noise = drawsNoise ? [FENCE, DRAWS, CALL_KEY, NOISE_AT] : [ZERO_NOISE_AT];
    this.userCode = snippetsIn(language, [ROW_COL, WINDOW_CORNER_OF, ...noise]) + outputIndexGlsl(outputShape) + MAIN;
    const inputs = forwardInputs(PLACEMENT_UNIFORMS, drawsNoise);
    this.variableNames = inputs.variableNames;
    this.uniformDecls = inputs.uniformDecls;
    this.customUniforms = uniformsDecl(this.uniformDecls);
  }
}
