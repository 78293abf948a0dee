/**
 * The forward program: one output position per invocation, copied from the image or drawn
 * as noise (kernels/gpu/noise_draws.ts). Its text is constant: shapes, placement, noise mode
 * and seed are uniforms.
 */
import {PLACEMENT_UNIFORMS, type UniformDecl} from '../gpu/uniforms';
import {forwardInputs} from '../gpu/padded_run';
import {FlatProgram, variantKey} from './flat_program';
import {WINDOW_CORNER_OF} from '../gpu/corner_readers';
import {ROW_COL} from '../gpu/row_col';
import {CALL_KEY, DRAWS, NOISE_AT, ZERO_NOISE_AT} from '../gpu/noise_draws';
import {snippetsIn} from '../gpu/shader_snippet';
import {FENCE} from '../gpu/window_placement';
import {uniformsDecl} from './uniforms';

const MAIN = `
fn main(index : i32) {
  if (index < uniforms.size) {
    let coords = getCoordsFromIndex(index);
    let b = coords[0];
    let corner = cornerOf(b);
    let row = corner.row + f32(coords[1]);
    let col = corner.col + f32(coords[2]);
    if (row >= 0.0 && row < uniforms.imageHeight && col >= 0.0 && col < uniforms.imageWidth) {
      setOutputAtIndex(index, getImage(b, i32(row), i32(col), coords[3]));
      return;
    }
    setOutputAtIndex(index, noiseAt(b, coords[3], index));
  }
}
`;

/**
 * Inputs `Image` and `Corners` (WindowCornersProgram's output), uniforms PLACEMENT_UNIFORMS;
 * with drawn noise also the statistics inputs and NOISE_UNIFORMS. GPUs that run both sides
 * of a branch (SwiftShader predicates) would pay for the noise code on every invocation, so
 * zero noise runs a variant without it.
 */
export class ExtractGlimpseProgram extends FlatProgram {
  variableNames: string[];
  uniformDecls: readonly UniformDecl[];
  uniforms: string;
  shaderKey: string;
  private readonly variant: {noise: boolean};

  constructor(outputShape: number[], drawsNoise: boolean) {
    super(outputShape);
    this.variant = {noise: drawsNoise};
    const inputs = forwardInputs(PLACEMENT_UNIFORMS, drawsNoise);
    this.variableNames = inputs.variableNames;
    this.uniformDecls = inputs.uniformDecls;
    this.uniforms = uniformsDecl(this.uniformDecls);
    this.shaderKey = variantKey('extractGlimpse', this.variant);
  }

  getUserCode(): string {
    const noise = this.variant.noise ? [FENCE, DRAWS, CALL_KEY, NOISE_AT] : [ZERO_NOISE_AT];
    return snippetsIn('wgsl', [ROW_COL, WINDOW_CORNER_OF, ...noise]) + MAIN;
  }
}
