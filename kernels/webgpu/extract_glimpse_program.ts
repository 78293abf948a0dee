/**
 * The forward program: one output position per invocation, copied from the image or drawn
 * as noise. Its text is constant: shapes, placement, noise mode and seed are uniforms. The
 * JS (src/noise_random.ts), GLSL (kernels/webgl) and WGSL (here) copies of the draws move
 * together.
 */
import {NOISE_UNIFORMS, PLACEMENT_UNIFORMS} from '../gpu/uniforms';
import {NOISE_STATS_INPUTS} from '../gpu/noise_stats';
import {FlatProgram} from './flat_program';
import {CORNER_OF_WGSL, FENCE_WGSL} from './window_corners_program';
import {uniformsDecl} from './uniforms';
import {K} from '../gpu/shader_constants';

/**
 * PCG draws, identical in bits to src/noise_random.ts. The program defines `noiseKey()`, the
 * key drawn with: the call's (`callKey()`) or, in the glimpse sensor, a scale's. Indices are
 * taken as 32-bit patterns (`>>> 1`, as in JS), so counters that wrapped past 2^31 still draw
 * the cpu's bits.
 */
export const DRAWS_WGSL = `
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
  let angle = 6.283185307179586 * u2;
  return sqrt(-2.0 * log(u1)) * select(sin(angle), cos(angle), (bits & 1u) == 0u);
}
`;

/**
 * Noise at one outside position, as src/noise_random.ts `uniformNoise` and the cpu's
 * gaussian. tfjs's reductions propagate NaN: an image (uniform) or channel (gaussian) holding
 * NaN or an infinity has no usable range and gets 0, as on the CPU.
 */
export const NOISE_AT_WGSL = `
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
`;

export const ZERO_NOISE_AT_WGSL = `
fn noiseAt(b : i32, c : i32, index : i32) -> f32 { return 0.0; }
`;

/** extractGlimpse draws with the call's key. */
const CALL_KEY_WGSL = `
fn noiseKey() -> u32 { return callKey(); }
`;

const MAIN = `
fn main(index : i32) {
  if (index < uniforms.size) {
    let coords = getCoordsFromIndex(index);
    let b = coords[0];
    let corner = cornerOf(b);
    let row = corner.x + f32(coords[1]);
    let col = corner.y + f32(coords[2]);
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
  uniforms: string;
  shaderKey: string;
  private readonly drawsNoise: boolean;

  constructor(outputShape: number[], drawsNoise: boolean) {
    super(outputShape);
    this.drawsNoise = drawsNoise;
    this.variableNames = ['Image', 'Corners', ...(drawsNoise ? NOISE_STATS_INPUTS : [])];
    this.uniforms = uniformsDecl(drawsNoise ? [...PLACEMENT_UNIFORMS, ...NOISE_UNIFORMS] : PLACEMENT_UNIFORMS);
    this.shaderKey = drawsNoise ? 'extractGlimpseNoise' : 'extractGlimpse';
  }

  getUserCode(): string {
    const noise = this.drawsNoise ? FENCE_WGSL + DRAWS_WGSL + CALL_KEY_WGSL + NOISE_AT_WGSL : ZERO_NOISE_AT_WGSL;
    return CORNER_OF_WGSL + noise + MAIN;
  }
}
