/**
 * The glimpse sensor's forward program: one output value per fragment, the float32 mean of
 * its s x s block of window samples (docs/semantics.md, "The glimpse sensor"). Placement,
 * scale factor, padding and seed are uniforms; shapes are baked in as tfjs does, so one
 * compiled program serves every call of the same shapes. The JS
 * (kernels/cpu/glimpse_sensor_impl.ts), GLSL (here) and WGSL (kernels/webgpu) copies move
 * together.
 */
import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {NOISE_UNIFORMS} from '../gpu/uniforms';
import {NOISE_STATS_INPUTS} from '../gpu/noise_stats';
import {SENSOR_UNIFORMS} from '../gpu/sensor_uniforms';
import {DRAWS_WEBGL1, DRAWS_WEBGL2, NOISE_AT, ZERO_NOISE_AT} from './extract_glimpse_program';
import {BLOCK_SIDE_GLSL, SENSOR_CORNER_OF_GLSL} from './sensor_corners_program';
import {FENCE_GLSL} from './window_corners_program';
import {uniformsDecl} from './uniforms';

/** Each scale draws with its own key, src/noise_random.ts `scaleKey`: set per fragment by `useScale`. */
const SCALE_KEY_WEBGL2 = `
uint scaleKey(uint key, int scale) { return scale == 0 ? key : pcgHash(key ^ pcgHash(uint(scale))); }

uint drawKey;

uint noiseKey() { return drawKey; }

void useScale(int scale) { drawKey = scaleKey(callKey(), scale); }
`;

/** WebGL1 draws other bits anyway: any fixed shift of the key per scale gives each scale its own stream. */
const SCALE_KEY_WEBGL1 = `
vec2 scaleKey(vec2 key, int scale) {
  return scale == 0 ? key : mod(key + float(scale) * vec2(40503.0, 12345.0), 65536.0);
}

vec2 drawKey;

vec2 noiseKey() { return drawKey; }

void useScale(int scale) { drawKey = scaleKey(callKey(), scale); }
`;

const NO_SCALE_KEY = `
void useScale(int scale) {}
`;

/** A window sample at image (row, col): the pixel, or the padding. */
const SAMPLE_AT = `
float sampleAt(int b, int row, int col, int c, int index) {
  int lastRow = int(imageHeight) - 1;
  int lastCol = int(imageWidth) - 1;
  if (row >= 0 && row <= lastRow && col >= 0 && col <= lastCol) return getImage(b, row, col, c);
  if (edgePadding == 1) {
    int r = row < 0 ? 0 : (row > lastRow ? lastRow : row);
    int q = col < 0 ? 0 : (col > lastCol ? lastCol : col);
    return getImage(b, r, q, c);
  }
  return noiseAt(b, c, index);
}
`;

/**
 * The block sum into `sum`: row-major block order from the first sample (so s = 1 gives the
 * sample, -0 included). The noise counter is the sample's flat index in a `[B, n, h*s, w*s, C]`
 * glimpse; int arithmetic wraps as the cpu's 32-bit counter does. GLSL ES 1.00 loops need a
 * constant bound: 2^24, past any block side.
 */
function blockSumGlsl(channels: number): string {
  return `
  float sum = 0.0;
  for (int a = 0; a < 16777216; a++) {
    if (a == s) break;
    for (int d = 0; d < 16777216; d++) {
      if (d == s) break;
      float v = sampleAt(b, row0 + a, col0 + d, c, index0 + a * windowRow + d * ${channels});
      sum = a == 0 && d == 0 ? v : sum + v;
    }
  }`;
}

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
      tail: `${blockSumGlsl(channels)}
  setOutput(s == 1 ? sum : sum / (float(s) * float(s)));`,
    };
  }
  const functions = `
float blockMean(int b, int row0, int col0, int c, int s, int index0, int windowRow) {
  ${blockSumGlsl(channels)}
  return s == 1 ? sum : sum / (float(s) * float(s));
}
`;
  const tail = `
  vec2 f = fractionOf(b, l, scale);
  vec4 weights = neighbourWeights(f.x, f.y, weightsOf);
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
  int c = coords.v;
  vec2 corner = cornerOf(b, l, scale);
  if (!found(corner) && (edgePadding == 1 || weightsOf != 0)) {
    setOutput(0.0);
    return;
  }
  useScale(scale);
  int s = blockSide(scale);
  int row0 = int(corner.x) + coords.w * s;
  int col0 = int(corner.y) + coords.u * s;
  int windowRow = ${w} * s * ${channels};
  int index0 = (((b * ${n} + l) * ${h} * s + coords.w * s) * ${w} * s + coords.u * s) * ${channels} + c;
  ${mean.tail}
}
`;
}

/**
 * Output `[B, n, k, h, w, C]`. Inputs `Image` and `Corners` (SensorCornersProgram's output),
 * uniforms SENSOR_UNIFORMS; with noise padding also the statistics inputs and NOISE_UNIFORMS.
 * Zero and edge padding run a variant without the noise code, as ExtractGlimpseProgram does,
 * and nearest one without the neighbours'.
 */
export class GlimpseSensorProgram implements GPGPUProgram {
  variableNames: string[];
  customUniforms: Array<{name: string; type: 'int' | 'float'}>;
  userCode: string;

  constructor(
    public outputShape: number[],
    webglVersion: number,
    drawsNoise: boolean,
    bilinear: boolean,
  ) {
    const noise = drawsNoise
      ? FENCE_GLSL + (webglVersion === 2 ? DRAWS_WEBGL2 + SCALE_KEY_WEBGL2 : DRAWS_WEBGL1 + SCALE_KEY_WEBGL1) + NOISE_AT
      : ZERO_NOISE_AT + NO_SCALE_KEY;
    this.userCode = SENSOR_CORNER_OF_GLSL + BLOCK_SIDE_GLSL + noise + SAMPLE_AT + mainGlsl(outputShape, bilinear);
    this.variableNames = ['Image', 'Corners', ...(drawsNoise ? NOISE_STATS_INPUTS : [])];
    this.customUniforms = uniformsDecl(drawsNoise ? [...SENSOR_UNIFORMS, ...NOISE_UNIFORMS] : SENSOR_UNIFORMS);
  }
}
