
/**
 * The forward compute programs, one output position per invocation. Their text is constant:
 * shapes, placement, noise mode and seed are uniforms (so each `shaderKey` is constant too).
 * Noise uses the PCG draws of src/noise_random.ts, bit for bit, keyed by the flat output
 * index.
 */
const NOISE = `
fn pcg(v : u32) -> u32 {
  let state = v * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

fn drawBits(index : i32, lane : u32) -> u32 {
  return pcg(pcg(bitcast<u32>(index) ^ bitcast<u32>(uniforms.seedKey)) ^ lane);
}

fn uniformAt(index : i32) -> f32 { return f32(drawBits(index, 0u) >> 8u) * (1.0 / 16777216.0); }

// Box-Muller on the pair index / 2: cosine for even indices, sine for odd ones.
fn normalAt(index : i32) -> f32 {
  let pair = index / 2;
  let u1 = (f32(drawBits(pair, 0u) >> 8u) + 1.0) * (1.0 / 16777216.0);
  let u2 = f32(drawBits(pair, 1u) >> 8u) * (1.0 / 16777216.0);
  let angle = 6.283185307179586 * u2;
  return sqrt(-2.0 * log(u1)) * select(sin(angle), cos(angle), index - 2 * pair == 0);
}

fn finite(v : f32) -> bool { return !isnan(v) && !isinf(v); }

// An image (uniform) or channel (gaussian) holding NaN or an infinity gets 0, as on the CPU.
fn noiseAt(b : i32, c : i32, index : i32) -> f32 {
  if (uniforms.noiseMode == 1) {
    // The whole image's min and max (the same in every channel column). tfjs's reductions
    // propagate NaN: a NaN or infinite pixel leaves no usable range.
    let lo = getNoiseMin(b, 0);
    let hi = getNoiseMax(b, 0);
    if (!finite(lo) || !finite(hi)) { return 0.0; }
    return clamp(lo + uniformAt(index) * (hi - lo), lo, hi);
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

const MAIN = `
fn main(index : i32) {
  if (index < uniforms.size) {
    let coords = getCoordsFromIndex(index);
    let b = coords[0];
    let imageH = f32(uniforms.imageShape[1]);
    let imageW = f32(uniforms.imageShape[2]);
    let row = getCorners(b, 0) + f32(coords[1]);
    let col = getCorners(b, 1) + f32(coords[2]);
    if (row >= 0.0 && row < imageH && col >= 0.0 && col < imageW) {
      setOutputAtIndex(index, getImage(b, i32(row), i32(col), coords[3]));
      return;
    }
    setOutputAtIndex(index, noiseAt(b, coords[3], index));
  }
}
`;

/** With drawn noise (uniform or gaussian: a uniform); the noise mode is 1 or 2. */
export const GLIMPSE_NOISE_WGSL = NOISE + MAIN;

/**
 * Zero noise, without the noise code: GPUs that run both sides of a branch (SwiftShader
 * predicates) would pay for it on every invocation.
 */
export const GLIMPSE_ZERO_WGSL = `
fn noiseAt(b : i32, c : i32, index : i32) -> f32 { return 0.0; }
` + MAIN;

/** The backward program: each image position takes the dy value sampled from it, or 0. */
export const GLIMPSE_GRAD_WGSL = `
fn main(index : i32) {
  if (index < uniforms.size) {
    let coords = getCoordsFromIndex(index);
    let b = coords[0];
    let glimpseH = f32(uniforms.dyShape[1]);
    let glimpseW = f32(uniforms.dyShape[2]);
    let i = f32(coords[1]) - getCorners(b, 0);
    let j = f32(coords[2]) - getCorners(b, 1);
    if (i >= 0.0 && i < glimpseH && j >= 0.0 && j < glimpseW) {
      setOutputAtIndex(index, getDy(b, i32(i), i32(j), coords[3]));
      return;
    }
    setOutputAtIndex(index, 0.0);
  }
}
`;
