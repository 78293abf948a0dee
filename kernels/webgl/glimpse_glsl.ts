import {FETCH_CORNER_GLSL} from './window_glsl';

/**
 * GLSL for the ExtractGlimpse program. Everything that changes per call (placement steps,
 * sizes, noise mode, seed) is a uniform, so one compiled program serves every call of the
 * same shapes. Only the channel count (a shape) and the WebGL version enter the text.
 */

/** PCG hash draws, identical in bits to src/noise_random.ts (uint needs GLSL ES 3.00). */
const DRAW_WEBGL2 = `
uint pcg(uint v) {
  uint state = v * 747796405u + 2891336453u;
  uint word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

uint drawBits(int index, uint lane) {
  uint key = (uint(seedKey.x) << 16u) | uint(seedKey.y);
  return pcg(pcg(uint(index) ^ key) ^ lane);
}

float uniformAt(int index) { return float(drawBits(index, 0u) >> 8u) * (1.0 / 16777216.0); }

// Box-Muller on the pair index / 2: cosine for even indices, sine for odd ones.
float normalAt(int index) {
  int pair = index / 2;
  float u1 = (float(drawBits(pair, 0u) >> 8u) + 1.0) * (1.0 / 16777216.0);
  float u2 = float(drawBits(pair, 1u) >> 8u) * (1.0 / 16777216.0);
  float angle = 6.283185307179586 * u2;
  return sqrt(-2.0 * log(u1)) * (index - 2 * pair == 0 ? cos(angle) : sin(angle));
}
`;

/**
 * GLSL ES 1.00 has no uint or bit operations: a float hash (Hoskins' "hash without sine")
 * of the output index and the seed. Deterministic on one device, not the CPU's bits.
 */
const DRAW_WEBGL1 = `
float hashAt(int index, float lane) {
  float k = float(index);
  vec2 p = vec2(mod(k, 4096.0), floor(k / 4096.0) + lane * 7919.0) +
           vec2(float(seedKey.x), float(seedKey.y)) * 0.6180339887;
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
 * Noise at one outside position. An image (uniform) or channel (gaussian) holding NaN or an
 * infinity gets 0, as on the CPU (src/noise_stats.ts).
 */
function noiseCode(): string {
  return `
bool finite(float v) { return !isnan(v) && !isinf(v); }

float noiseAt(int b, int c, int index) {
  if (noiseMode == 1) {
    // Uniform over the whole image: min and max over every channel.
    // The whole image's min and max (the same in every channel column). tfjs's reductions
    // propagate NaN: a NaN or infinite pixel leaves no usable range.
    float lo = getNoiseMin(b, 0);
    float hi = getNoiseMax(b, 0);
    if (!finite(lo) || !finite(hi)) return 0.0;
    return clamp(lo + uniformAt(index) * (hi - lo), lo, hi);
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
}

const MAIN = `
void main() {
  ivec4 coords = getOutputCoords();
  int b = coords[0];
  vec2 corner = windowCornerOf(b);
  float row = corner.x + float(coords[1]);
  float col = corner.y + float(coords[2]);
  if (row >= 0.0 && row < imageSize.x && col >= 0.0 && col < imageSize.y) {
    setOutput(getImage(b, int(row), int(col), coords[3]));
    return;
  }
  setOutput(noiseAt(b, coords[3], outputIndex(coords)));
}
`;

function outputIndexCode(outputShape: number[]): string {
  const [, h, w, channels] = outputShape;
  return `
int outputIndex(ivec4 p) { return ((p[0] * ${h} + p[1]) * ${w} + p[2]) * ${channels} + p[3]; }
`;
}

const ZERO_NOISE = `
float noiseAt(int b, int c, int index) { return 0.0; }
`;

/**
 * The program text for one output shape: with the noise code, or (zero noise) without it.
 * GPUs that run both sides of a branch (SwiftShader predicates) pay for the noise code on
 * every fragment, so the zero-noise program leaves it out.
 */
export function glimpseShader(outputShape: number[], webglVersion: number, drawsNoise: boolean): string {
  const noise = drawsNoise ? (webglVersion === 2 ? DRAW_WEBGL2 : DRAW_WEBGL1) + noiseCode() : ZERO_NOISE;
  return FETCH_CORNER_GLSL + noise + outputIndexCode(outputShape) + MAIN;
}
