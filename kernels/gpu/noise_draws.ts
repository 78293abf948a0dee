/**
 * The noise draws of src/noise_random.ts, for extractGlimpse's forward program and the glimpse
 * sensor's: PCG hashes identical in bits to the JS (uint needs GLSL ES 3.00; webgl1 draws
 * other bits from a float hash), the key per call or per scale, and the noise value at one
 * outside position. The program picks a key snippet, which defines `noiseKey()`, the key
 * drawn with; DRAWS declares it first.
 */
import {K} from './shader_constants';
import type {ShaderSnippet} from './shader_snippet';

/**
 * Indices are taken as 32-bit patterns (`>>> 1`, as in JS), so counters that wrapped past
 * 2^31 still draw the cpu's bits. GLSL ES 1.00 has no uint or bit operations: a float hash
 * (Hoskins' "hash without sine") of the index and the key, the seed's two 16-bit halves;
 * deterministic on one device, not the CPU's bits.
 */
export const DRAWS: ShaderSnippet = {
  defines: ['callKey', 'uniformAt', 'normalAt'],
  mirrors: 'src/noise_random.ts#normalAt',
  glsl: `
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
  float angle = ${K.twoPi} * u2;
  return sqrt(-2.0 * log(u1)) * ((bits & 1u) == 0u ? cos(angle) : sin(angle));
}
`,
  glsl1: `
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
  return sqrt(-2.0 * log(u1)) * cos(${K.twoPi} * u2);
}
`,
  wgsl: `
fn callKey() -> u32 { return (u32(uniforms.seedHigh) << 16u) | u32(uniforms.seedLow); }

fn pcgHash(v : u32) -> u32 {
  let state = v * ${K.pcgStateMultiplier} + ${K.pcgIncrement};
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * ${K.pcgWordMultiplier};
  return (word >> 22u) ^ word;
}

fn randomBits(index : i32, lane : u32) -> u32 {
  return pcgHash(pcgHash(bitcast<u32>(index) ^ noiseKey()) ^ lane);
}

fn uniformAt(index : i32) -> f32 { return f32(randomBits(index, 0u) >> 8u) * (1.0 / ${K.twoPow24}); }

// Box-Muller on the pair index / 2: cosine for even indices, sine for odd ones.
fn normalAt(index : i32) -> f32 {
  let bits = bitcast<u32>(index);
  let pair = bitcast<i32>(bits >> 1u);
  let u1 = (f32(randomBits(pair, 0u) >> 8u) + 1.0) * (1.0 / ${K.twoPow24});
  let u2 = f32(randomBits(pair, 1u) >> 8u) * (1.0 / ${K.twoPow24});
  let angle = ${K.twoPi} * u2;
  return sqrt(-2.0 * log(u1)) * select(sin(angle), cos(angle), (bits & 1u) == 0u);
}
`,
};

/** extractGlimpse draws with the call's key. */
export const CALL_KEY: ShaderSnippet = {
  defines: ['noiseKey'],
  mirrors: 'src/noise_random.ts#callKey',
  glsl: `
uint noiseKey() { return callKey(); }
`,
  glsl1: `
vec2 noiseKey() { return callKey(); }
`,
  wgsl: `
fn noiseKey() -> u32 { return callKey(); }
`,
};

/**
 * The glimpse sensor: each scale draws with its own key, set per fragment by `useScale`.
 * WebGL1 draws other bits anyway: any fixed shift of the key per scale gives each scale its
 * own stream.
 */
export const SCALE_KEY: ShaderSnippet = {
  defines: ['scaleKey', 'drawKey', 'noiseKey', 'useScale'],
  mirrors: 'src/noise_random.ts#scaleKey',
  glsl: `
uint scaleKey(uint key, int scale) { return scale == 0 ? key : pcgHash(key ^ pcgHash(uint(scale))); }

uint drawKey;

uint noiseKey() { return drawKey; }

void useScale(int scale) { drawKey = scaleKey(callKey(), scale); }
`,
  glsl1: `
vec2 scaleKey(vec2 key, int scale) {
  return scale == 0 ? key : mod(key + float(scale) * vec2(40503.0, 12345.0), 65536.0);
}

vec2 drawKey;

vec2 noiseKey() { return drawKey; }

void useScale(int scale) { drawKey = scaleKey(callKey(), scale); }
`,
  wgsl: `
fn scaleKey(key : u32, scale : i32) -> u32 {
  if (scale == 0) { return key; }
  return pcgHash(key ^ pcgHash(u32(scale)));
}

var<private> drawKey : u32;

fn noiseKey() -> u32 { return drawKey; }

fn useScale(scale : i32) { drawKey = scaleKey(callKey(), scale); }
`,
};

/** The glimpse sensor without drawn noise. */
export const NO_SCALE_KEY: ShaderSnippet = {
  defines: ['useScale'],
  glsl: `
void useScale(int scale) {}
`,
  wgsl: `
fn useScale(scale : i32) {}
`,
};

/**
 * Noise at one outside position, as src/noise_random.ts `uniformNoise` and the cpu's
 * gaussian. tfjs's reductions propagate NaN: an image (uniform) or channel (gaussian) holding
 * NaN or an infinity has no usable range and gets 0, as on the CPU.
 */
export const NOISE_AT: ShaderSnippet = {
  defines: ['uniformNoise', 'finite', 'noiseAt'],
  mirrors: 'src/noise_random.ts#uniformNoise',
  glsl: `
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
`,
  wgsl: `
fn uniformNoise(lo : f32, hi : f32, u : f32) -> f32 {
  return clamp(fence(lo + fence(u * fence(hi - lo))), lo, hi);
}

fn finite(v : f32) -> bool { return !isnan(v) && !isinf(v); }

fn noiseAt(b : i32, c : i32, index : i32) -> f32 {
  if (uniforms.noiseMode == 1) {
    // The whole image's range, the same in every channel column.
    let lo = getNoiseMin(b, 0);
    let hi = getNoiseMax(b, 0);
    if (!finite(lo) || !finite(hi)) { return 0.0; }
    return uniformNoise(lo, hi, uniformAt(index));
  }
  if (uniforms.noiseMode == 2) {
    let lo = getNoiseMin(b, c);
    let hi = getNoiseMax(b, c);
    if (!finite(lo) || !finite(hi)) { return 0.0; }
    return clamp(getNoiseMean(b, c) + normalAt(index) * getNoiseSigma(b, c), lo, hi);
  }
  return 0.0;
}
`,
};

/** Zero padding: the variant without the noise code (SwiftShader pays for branches not taken). */
export const ZERO_NOISE_AT: ShaderSnippet = {
  defines: ['noiseAt'],
  glsl: `
float noiseAt(int b, int c, int index) { return 0.0; }
`,
  wgsl: `
fn noiseAt(b : i32, c : i32, index : i32) -> f32 { return 0.0; }
`,
};
