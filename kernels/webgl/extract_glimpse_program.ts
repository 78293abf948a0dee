/**
 * The forward program: one output position per fragment, copied from the image or drawn as
 * noise. Everything that changes per call (placement, sizes, noise mode, seed) is a uniform,
 * so one compiled program serves every call of the same shapes. The JS
 * (src/noise_random.ts), GLSL (here) and WGSL (kernels/webgpu) copies of the draws move
 * together.
 */
import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {NOISE_UNIFORMS, PLACEMENT_UNIFORMS} from '../gpu/uniforms';
import {NOISE_STATS_INPUTS} from '../gpu/noise_stats';
import {CORNER_OF_GLSL, FENCE_GLSL} from './window_corners_program';
import {uniformsDecl} from './uniforms';
import {K} from '../gpu/shader_constants';

/**
 * PCG draws, identical in bits to src/noise_random.ts (uint needs GLSL ES 3.00). The program
 * defines `noiseKey()`, the key drawn with: the call's (`callKey()`) or, in the glimpse
 * sensor, a scale's. Indices are taken as 32-bit patterns (`>>> 1`, as in JS), so counters
 * that wrapped past 2^31 still draw the cpu's bits.
 */
export const DRAWS_WEBGL2 = `
uint noiseKey();

uint callKey() { return (uint(seedHigh) << 16u) | uint(seedLow); }

uint pcgHash(uint v) {
  uint state = v * ${K.pcgStateMultiplier} + ${K.pcgIncrement};
  uint word = ((state >> ((state >> 28u) + 4u)) ^ state) * ${K.pcgWordMultiplier};
  return (word >> 22u) ^ word;
}

uint randomBits(int index, uint lane) {
  return pcgHash(pcgHash(uint(index) ^ noiseKey()) ^ lane);
}

float uniformAt(int index) { return float(randomBits(index, 0u) >> 8u) * (1.0 / ${K.twoPow24}); }

// Box-Muller on the pair index / 2: cosine for even indices, sine for odd ones.
float normalAt(int index) {
  uint bits = uint(index);
  int pair = int(bits >> 1u);
  float u1 = (float(randomBits(pair, 0u) >> 8u) + 1.0) * (1.0 / ${K.twoPow24});
  float u2 = float(randomBits(pair, 1u) >> 8u) * (1.0 / ${K.twoPow24});
  float angle = 6.283185307179586 * u2;
  return sqrt(-2.0 * log(u1)) * ((bits & 1u) == 0u ? cos(angle) : sin(angle));
}
`;

/**
 * GLSL ES 1.00 has no uint or bit operations: a float hash (Hoskins' "hash without sine")
 * of the output index and the key, the seed's two 16-bit halves (`noiseKey()` as in
 * DRAWS_WEBGL2). Deterministic on one device, not the CPU's bits.
 */
export const DRAWS_WEBGL1 = `
vec2 noiseKey();

vec2 callKey() { return vec2(float(seedHigh), float(seedLow)); }

float hashAt(int index, float lane) {
  float k = float(index);
  vec2 p = vec2(mod(k, 4096.0), floor(k / 4096.0) + lane * 7919.0) + noiseKey() * 0.6180339887;
  vec3 p3 = fract(vec3(p.xyx) * 0.1031);
  p3 += dot(p3, p3.yzx + 33.33);
  return fract((p3.x + p3.y) * p3.z);
}

float uniformAt(int index) { return hashAt(index, 0.0); }

float normalAt(int index) {
  float u1 = 1.0 - hashAt(index, 0.0);
  float u2 = hashAt(index, 1.0);
  return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}
`;

/**
 * Noise at one outside position, as src/noise_random.ts `uniformNoise` and the cpu's
 * gaussian. tfjs's reductions propagate NaN: an image (uniform) or channel (gaussian) holding
 * NaN or an infinity has no usable range and gets 0, as on the CPU.
 */
export const NOISE_AT = `
float uniformNoise(float lo, float hi, float u) {
  return clamp(fence(lo + fence(u * fence(hi - lo))), lo, hi);
}

bool finite(float v) { return !isnan(v) && !isinf(v); }

float noiseAt(int b, int c, int index) {
  if (noiseMode == 1) {
    // The whole image's range, the same in every channel column.
    float lo = getNoiseMin(b, 0);
    float hi = getNoiseMax(b, 0);
    if (!finite(lo) || !finite(hi)) return 0.0;
    return uniformNoise(lo, hi, uniformAt(index));
  }
  if (noiseMode == 2) {
    float lo = getNoiseMin(b, c);
    float hi = getNoiseMax(b, c);
    if (!finite(lo) || !finite(hi)) return 0.0;
    return clamp(getNoiseMean(b, c) + normalAt(index) * getNoiseSigma(b, c), lo, hi);
  }
  return 0.0;
}
`;

export const ZERO_NOISE_AT = `
float noiseAt(int b, int c, int index) { return 0.0; }
`;

/** extractGlimpse draws with the call's key. */
const CALL_KEY_WEBGL2 = `
uint noiseKey() { return callKey(); }
`;
const CALL_KEY_WEBGL1 = `
vec2 noiseKey() { return callKey(); }
`;

const MAIN = `
void main() {
  ivec4 coords = getOutputCoords();
  int b = coords[0];
  vec2 corner = cornerOf(b);
  float row = corner.x + float(coords[1]);
  float col = corner.y + float(coords[2]);
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
  customUniforms: Array<{name: string; type: 'int' | 'float'}>;
  userCode: string;

  constructor(
    public outputShape: number[],
    webglVersion: number,
    drawsNoise: boolean,
  ) {
    const noise = drawsNoise
      ? FENCE_GLSL + (webglVersion === 2 ? DRAWS_WEBGL2 + CALL_KEY_WEBGL2 : DRAWS_WEBGL1 + CALL_KEY_WEBGL1) + NOISE_AT
      : ZERO_NOISE_AT;
    this.userCode = CORNER_OF_GLSL + noise + outputIndexGlsl(outputShape) + MAIN;
    this.variableNames = ['Image', 'Corners', ...(drawsNoise ? NOISE_STATS_INPUTS : [])];
    this.customUniforms = uniformsDecl(drawsNoise ? [...PLACEMENT_UNIFORMS, ...NOISE_UNIFORMS] : PLACEMENT_UNIFORMS);
  }
}
