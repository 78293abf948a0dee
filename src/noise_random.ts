/**
 * The counter-based generator behind seeded noise. Each noise value is a pure function of
 * (seed, output index, lane), so any kernel, on any device and in any order, can draw it:
 *
 *   key        = pcg(seedLow32 ^ pcg(seedHigh32))
 *   bits(k, l) = pcg(pcg(k ^ key) ^ l)          k = flat output index, l = lane (0 or 1)
 *   uniform    = (bits >>> 8) / 2^24            24 bits: exact in float32, in [0, 1)
 *   normal     = sqrt(-2 ln u1) cos(2 pi u2)    Box-Muller on the pair p = k >>> 1 (sin for odd k):
 *                u1 = ((bits(p,0) >>> 8) + 1) / 2^24 in (0, 1], u2 = (bits(p,1) >>> 8) / 2^24
 *
 * `pcg` is the PCG-RXS-M-XS 32-bit hash (Jarzynski and Olano, "Hash Functions for GPU
 * Rendering", JCGT 2020): uint32 multiplies, shifts and xors only, available in GLSL ES 3.00
 * and WGSL, so the GPU kernels draw the same bits.
 *
 * The JS, GLSL (kernels/webgl) and WGSL (kernels/webgpu) copies of the hash, the draws and
 * `uniformNoise` below move together: a change to one is a change to all three.
 */
import {drawsNoise, type SensorPadding} from './padding_mode';

/** PCG-RXS-M-XS's constants (kernels/gpu/shader_constants.ts writes them into the shaders). */
export const PCG = {stateMultiplier: 747796405, increment: 2891336453, wordMultiplier: 277803737} as const;

export function pcgHash(v: number): number {
  const state = (Math.imul(v, PCG.stateMultiplier) + PCG.increment) >>> 0;
  const word = Math.imul((state >>> ((state >>> 28) + 4)) ^ state, PCG.wordMultiplier) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

/** The 32-bit key of a seed: any finite number; its integer part counts (mod 2^64). */
export function seedKey(seed: number): number {
  const whole = Math.trunc(seed);
  const low = whole >>> 0;
  const high = Math.floor(whole / 4294967296) >>> 0;
  return pcgHash(low ^ pcgHash(high));
}

/** The key of one call: of its seed, or of a fresh draw when it gives none (TF's noise differs per call). */
export function callKey(seed: number | undefined): number {
  return seedKey(seed ?? Math.floor(Math.random() * 4294967296));
}

/**
 * A seed for a call that gives none but whose gradient must see the forward's noise (the
 * bilinear locations' slope): drawn once by the op, so forward and slope draw alike.
 * Without noise there is nothing to draw.
 */
export function drawSeed(padding: SensorPadding): number | undefined {
  return drawsNoise(padding) ? Math.floor(Math.random() * 4294967296) : undefined;
}

export function randomBits(key: number, index: number, lane: number): number {
  return pcgHash(pcgHash((index ^ key) >>> 0) ^ lane);
}

/** Uniform draws keep 24 bits: they count in steps of 1 / UNIFORM_STEPS. */
export const UNIFORM_STEPS = 2 ** 24;
const TWO_POW_MINUS_24 = 1 / UNIFORM_STEPS;

/** Uniform in [0, 1), with 24 random bits. */
export function uniformAt(key: number, index: number): number {
  return (randomBits(key, index, 0) >>> 8) * TWO_POW_MINUS_24;
}

/** Box-Muller's radius for output indices 2p and 2p + 1. */
export function normalRadius(key: number, pair: number): number {
  return Math.sqrt(-2 * Math.log(((randomBits(key, pair, 0) >>> 8) + 1) * TWO_POW_MINUS_24));
}

/** Box-Muller's angle for output indices 2p and 2p + 1. */
export function normalAngle(key: number, pair: number): number {
  return 2 * Math.PI * (randomBits(key, pair, 1) >>> 8) * TWO_POW_MINUS_24;
}

/** Standard normal for output index `index`: the cosine (even) or sine (odd) of its pair. */
export function normalAt(key: number, index: number): number {
  const pair = index >>> 1;
  const angle = normalAngle(key, pair);
  return normalRadius(key, pair) * ((index & 1) === 0 ? Math.cos(angle) : Math.sin(angle));
}

/** A float32 step with the GPU programs' `fence`: rounded, and kept within +-3e38. */
export const FENCE_LIMIT = 3.0e38;
const FENCE = Math.fround(FENCE_LIMIT);
function fence(v: number): number {
  return Math.min(FENCE, Math.max(-FENCE, Math.fround(v)));
}

/**
 * Uniform noise between an image's `lo` and `hi` from the draw `u`, in float32 steps that
 * the GPU programs take too, so every backend with the same bits gives the same value:
 * `fence(lo + fence(u * fence(hi - lo)))`, clamped into [lo, hi]. (A float64 sum rounded
 * once differs in the last bit for about a third of values.) A float64 product or sum of
 * float32 values rounded to float32 is the correctly rounded float32 result, as on a GPU.
 */
export function uniformNoise(lo: number, hi: number, u: number): number {
  const v = fence(lo + fence(u * fence(hi - lo)));
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * The key of glimpse sensor scale `scale`: scale 0 draws the call's own stream (so a
 * one-location, one-scale sensor draws extractGlimpse's noise), each other scale its own.
 */
export function scaleKey(key: number, scale: number): number {
  return scale === 0 ? key : pcgHash((key ^ pcgHash(scale)) >>> 0);
}
