/**
 * The glimpse sensor's forward program: one output value per fragment, the float32 mean of
 * its s x s block of window samples (docs/semantics.md, "The glimpse sensor"). Placement,
 * scale factor, padding and seed are uniforms; shapes are baked in as tfjs does, so one
 * compiled program serves every call of the same shapes. The JS
 * (kernels/cpu/glimpse_sensor_impl.ts), GLSL (here) and WGSL (kernels/webgpu) copies move
 * together; the formulas they share are in kernels/gpu.
 */
import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import type {UniformDecl} from '../gpu/uniforms';
import {forwardInputs} from '../gpu/padded_run';
import {SENSOR_UNIFORMS} from '../gpu/sensor_uniforms';
import {BLOCK_SUM} from '../gpu/block_sums';
import {snippetsIn} from '../gpu/shader_snippet';
import {sensorSnippets} from '../gpu/sensor_snippets';
import {uniformsDecl} from './uniforms';

/** A window sample at image (row, col): the pixel its padding mode reads, or the noise (0 without). */
const SAMPLE_AT = `
float sampleAt(int b, int row, int col, int c, int index) {
  int r = sourceIndex(row, int(imageHeight), paddingMode);
  int q = sourceIndex(col, int(imageWidth), paddingMode);
  if (r >= 0 && q >= 0) return getImage(b, r, q, c);
  return noiseAt(b, c, index);
}
`;

/**
 * Nearest sets the block mean (the sum divided once). Bilinear windows (and the slope,
 * `weightsOf` 1 or 2) add the four neighbours' block means with their weights, leaving out a
 * weight of 0, so an integer corner gives the nearest glimpse bit for bit. Nearest's shader
 * has no neighbour code: SwiftShader pays for it even when it does not run.
 */
function meanGlsl(channels: number, bilinear: boolean): {functions: string; tail: string} {
  if (!bilinear) {
    return {
      functions: '',
      tail: `${BLOCK_SUM.glsl(channels)}
  setOutput(s == 1 ? sum : sum / (float(s) * float(s)));`,
    };
  }
  const functions = `
float blockMean(int b, int row0, int col0, int c, int s, int index0, int windowRow) {
  ${BLOCK_SUM.glsl(channels)}
  return s == 1 ? sum : sum / (float(s) * float(s));
}
`;
  const tail = `
  RowCol f = fractionOf(b, l, scale);
  vec4 weights = neighbourWeights(f.row, f.col, weightsOf);
  float sum = 0.0;
  bool first = true;
  for (int i = 0; i < 4; i++) {
    float weight = i == 0 ? weights.x : (i == 1 ? weights.y : (i == 2 ? weights.z : weights.w));
    if (weight == 0.0) continue;
    float v = weight * blockMean(b, row0 + i / 2, col0 + i - 2 * (i / 2), c, s, index0, windowRow);
    sum = first ? v : sum + v;
    first = false;
  }
  setOutput(sum);`;
  return {functions, tail};
}

function mainGlsl([, n, , h, w, channels]: number[], bilinear: boolean): string {
  const mean = meanGlsl(channels, bilinear);
  return `${mean.functions}
void main() {
  ivec6 coords = getOutputCoords();
  int b = coords.x;
  int l = coords.y;
  int scale = coords.z;
  int blockRow = coords.w;
  int blockCol = coords.u;
  int c = coords.v;
  RowCol corner = cornerOf(b, l, scale);
  if (!found(corner) && (readsImage(paddingMode) || weightsOf != 0)) {
    setOutput(0.0);
    return;
  }
  useScale(scale);
  int s = blockSide(scale);
  int row0 = int(corner.row) + blockRow * s;
  int col0 = int(corner.col) + blockCol * s;
  int windowRow = ${w} * s * ${channels};
  int index0 = (((b * ${n} + l) * ${h} * s + blockRow * s) * ${w} * s + blockCol * s) * ${channels} + c;
  ${mean.tail}
}
`;
}

/**
 * Output `[B, n, k, h, w, C]`. Inputs `Image` and `Corners` (SensorCornersProgram's output),
 * uniforms SENSOR_UNIFORMS; with noise padding also the statistics inputs and NOISE_UNIFORMS.
 * Zero, edge and reflection padding run a variant without the noise code, as ExtractGlimpseProgram does,
 * and nearest one without the neighbours'.
 */
export class GlimpseSensorProgram implements GPGPUProgram {
  variableNames: string[];
  uniformDecls: readonly UniformDecl[];
  customUniforms: Array<{name: string; type: 'int' | 'float'}>;
  userCode: string;

  constructor(
    public outputShape: number[],
    webglVersion: number,
    drawsNoise: boolean,
    bilinear: boolean,
  ) {
    const shared = snippetsIn(webglVersion === 2 ? 'glsl' : 'glsl1', sensorSnippets(drawsNoise));
    this.userCode = shared + SAMPLE_AT + mainGlsl(outputShape, bilinear);
    const inputs = forwardInputs(SENSOR_UNIFORMS, drawsNoise);
    this.variableNames = inputs.variableNames;
    this.uniformDecls = inputs.uniformDecls;
    this.customUniforms = uniformsDecl(this.uniformDecls);
  }
}
