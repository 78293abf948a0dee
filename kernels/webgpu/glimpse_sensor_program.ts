/**
 * The glimpse sensor's forward program: one output value per invocation, the float32 mean
 * of its s x s block of window samples (docs/semantics.md, "The glimpse sensor"). Its text
 * is constant: shapes, placement, scale factor, padding and seed are uniforms. The JS
 * (kernels/cpu/glimpse_sensor_impl.ts), GLSL (kernels/webgl) and WGSL (here) copies move
 * together; the formulas they share are in kernels/gpu.
 */
import type {UniformDecl} from '../gpu/uniforms';
import {forwardInputs} from '../gpu/padded_run';
import {SENSOR_UNIFORMS} from '../gpu/sensor_uniforms';
import {BLOCK_SUM} from '../gpu/block_sums';
import {snippetsIn} from '../gpu/shader_snippet';
import {sensorSnippets} from '../gpu/sensor_snippets';
import {FlatProgram, variantKey} from './flat_program';
import {uniformsDecl} from './uniforms';

/** A window sample at image (row, col): the pixel its padding mode reads, or the noise (0 without). */
const SAMPLE_AT_WGSL = `
fn sampleAt(b : i32, row : i32, col : i32, c : i32, index : i32) -> f32 {
  let r = sourceIndex(row, i32(uniforms.imageHeight), uniforms.paddingMode);
  let q = sourceIndex(col, i32(uniforms.imageWidth), uniforms.paddingMode);
  if (r >= 0 && q >= 0) { return getImage(b, r, q, c); }
  return noiseAt(b, c, index);
}
`;

/**
 * Nearest sets the block mean (the sum divided once). Bilinear windows (and the slope,
 * `weightsOf` 1 or 2) add the four neighbours' block means with their weights, leaving out a
 * weight of 0, so an integer corner gives the nearest glimpse bit for bit. Nearest's shader
 * has no neighbour code: SwiftShader pays for it even when it does not run.
 */
function meanWgsl(bilinear: boolean): {functions: string; tail: string} {
  if (!bilinear) {
    return {
      functions: '',
      tail: `${BLOCK_SUM.wgsl}
    setOutputAtIndex(index, select(sum / (f32(s) * f32(s)), sum, s == 1));`,
    };
  }
  const functions = `
fn blockMean(b : i32, row0 : i32, col0 : i32, c : i32, s : i32, index0 : i32, windowRow : i32) -> f32 {
  let channels = uniforms.outShape.v;
  ${BLOCK_SUM.wgsl}
  return select(sum / (f32(s) * f32(s)), sum, s == 1);
}
`;
  const tail = `
    let f = fractionOf(b, l, scale);
    let weights = neighbourWeights(f.row, f.col, uniforms.weightsOf);
    var sum = 0.0;
    var first = true;
    for (var i = 0; i < 4; i++) {
      if (weights[i] != 0.0) {
        let v = weights[i] * blockMean(b, row0 + i / 2, col0 + i % 2, c, s, index0, windowRow);
        sum = select(sum + v, v, first);
        first = false;
      }
    }
    setOutputAtIndex(index, sum);`;
  return {functions, tail};
}

function mainWgsl(bilinear: boolean): string {
  const mean = meanWgsl(bilinear);
  return `${mean.functions}
fn main(index : i32) {
  if (index < uniforms.size) {
    let coords = getCoordsFromIndex(index);
    let b = coords.x;
    let l = coords.y;
    let scale = coords.z;
    let blockRow = coords.w;
    let blockCol = coords.u;
    let c = coords.v;
    let n = uniforms.outShape.y;
    let h = uniforms.outShape.w;
    let w = uniforms.outShape.u;
    let channels = uniforms.outShape.v;
    let corner = cornerOf(b, l, scale);
    if (!found(corner) && (readsImage(uniforms.paddingMode) || uniforms.weightsOf != 0)) {
      setOutputAtIndex(index, 0.0);
      return;
    }
    useScale(scale);
    let s = blockSide(scale);
    let row0 = i32(corner.row) + blockRow * s;
    let col0 = i32(corner.col) + blockCol * s;
    let windowRow = w * s * channels;
    let index0 = (((b * n + l) * h * s + blockRow * s) * w * s + blockCol * s) * channels + c;
    ${mean.tail}
  }
}
`;
}

/**
 * Output `[B, n, k, h, w, C]`. Inputs `Image` and `Corners` (SensorCornersProgram's output),
 * uniforms SENSOR_UNIFORMS; with noise padding also the statistics inputs and NOISE_UNIFORMS.
 * Zero, edge and reflection padding run a variant without the noise code, as ExtractGlimpseProgram does,
 * and nearest one without the neighbours'.
 */
export class GlimpseSensorProgram extends FlatProgram {
  variableNames: string[];
  uniformDecls: readonly UniformDecl[];
  uniforms: string;
  shaderKey: string;
  private readonly variant: {noise: boolean; bilinear: boolean};

  constructor(outputShape: number[], drawsNoise: boolean, bilinear: boolean) {
    super(outputShape);
    this.variant = {noise: drawsNoise, bilinear};
    const inputs = forwardInputs(SENSOR_UNIFORMS, drawsNoise);
    this.variableNames = inputs.variableNames;
    this.uniformDecls = inputs.uniformDecls;
    this.uniforms = uniformsDecl(this.uniformDecls);
    this.shaderKey = variantKey('glimpseSensor', this.variant);
  }

  getUserCode(): string {
    const shared = snippetsIn('wgsl', sensorSnippets(this.variant.noise));
    return shared + SAMPLE_AT_WGSL + mainWgsl(this.variant.bilinear);
  }
}
