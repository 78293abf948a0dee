/**
 * Generated ExtractGlimpse calls for cross-backend property tests, in the golden case format
 * (no `expected`). Seeded (mulberry32), so every run and every backend sees the same calls:
 * PROPERTY_CASES, the one table test/property_cpu.test.ts runs on the Node backends and
 * test/browser/property_suite.ts in Chromium.
 */
import type {GoldenCase} from './golden_run';
import {byShape} from './reference_arbitrary';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
/** The float32 `steps` ulps away from fround(v) (steps may be negative). */
export function nudge(v: number, steps: number): number {
  f32[0] = v;
  if (steps === 0 || !Number.isFinite(f32[0])) return f32[0];
  if (f32[0] === 0) {
    i32[0] = Math.abs(steps);
    return steps > 0 ? f32[0] : -f32[0];
  }
  i32[0] += f32[0] > 0 ? steps : -steps;
  return f32[0];
}

function encode(v: number): number | string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

interface Steps {
  scale: boolean;
  center: 'halve' | 'add' | 'none';
  subtractHalfWindow: boolean;
}

/** An offset whose float32 placement lands at `target` (corner + 0, +0.5 or -0.5), give or take ulps. */
function offsetFor(target: number, size: number, glimpse: number, steps: Steps): number {
  let t = target;
  if (steps.subtractHalfWindow) t += glimpse / 2;
  if (steps.center === 'halve') t = (t - size / 2) * 2;
  if (steps.center === 'add') t -= size / 2;
  if (steps.scale) t /= size;
  return t;
}

function placementSteps(version: number, centered: boolean, normalized: boolean): Steps {
  if (version === 1 || (centered && normalized)) {
    return {scale: normalized, center: centered ? 'halve' : 'none', subtractHalfWindow: true};
  }
  return {scale: normalized, center: centered ? 'add' : 'none', subtractHalfWindow: false};
}

/**
 * `count` calls from `seed`. With `shapeCount`, the calls share that many shapes (drawn
 * first): on a GPU each new shape compiles programs, so there the other parameters vary.
 */
export function generate(count: number, seed: number, shapeCount?: number): GoldenCase[] {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const drawShape = () => ({
    batch: pick([1, 1, 2, 3]),
    H: pick([1, 2, 3, 5, 6, 7, 8, 11]),
    W: pick([1, 2, 4, 5, 7, 9, 12]),
    C: int(1, 5),
    h: pick([1, 1, 2, 3, 4, 5, 8, 13]),
    w: pick([1, 2, 3, 3, 6, 9, 14]),
  });
  const shapes = shapeCount ? Array.from({length: shapeCount}, drawShape) : null;
  const cases: GoldenCase[] = [];
  for (let n = 0; n < count; n++) {
    const version = rand() < 0.5 ? 1 : 2;
    const centered = rand() < 0.5;
    const normalized = rand() < 0.5;
    const {batch, H, W, C, h, w} = shapes ? pick(shapes) : drawShape();
    const noise = pick(['zero', 'zero', 'uniform', 'gaussian', ''] as const);
    const uniformNoise = noise === '' ? rand() < 0.5 : noise === 'uniform' && rand() < 0.3;
    const steps = placementSteps(version, centered, normalized);
    const offsets: Array<Array<number | string>> = [];
    for (let b = 0; b < batch; b++) {
      const kind = pick(['inside', 'partial', 'outside', 'boundary', 'boundary', 'boundary', 'special']);
      const axis = (size: number, glimpse: number) => {
        let corner: number;
        if (kind === 'inside') corner = int(0, Math.max(0, size - glimpse));
        else if (kind === 'partial') corner = pick([int(-glimpse + 1, -1), int(size - glimpse + 1, size - 1)]);
        else if (kind === 'outside') corner = pick([-glimpse - int(0, 3), size + int(0, 3)]);
        else corner = int(-glimpse, size);
        if (kind === 'special') return pick([NaN, Infinity, -Infinity, 3e9, -3e9, 1e19, -1e30, 2 ** 31]);
        const target = corner + (kind === 'boundary' ? pick([0, 0.5, -0.5]) : rand() * 0.98);
        const ulps = kind === 'boundary' ? pick([-2, -1, 0, 1, 2]) : 0;
        return nudge(offsetFor(target, size, glimpse, steps), ulps);
      };
      offsets.push([encode(axis(H, h)), encode(axis(W, w))]);
    }
    const input: number[] = [];
    for (let k = 0; k < batch * H * W * C; k++) input.push(Math.fround(rand() * 200 - 50));
    cases.push({
      name: `property.${n}.v${version}.${centered ? 'c' : 'u'}${normalized ? 'n' : 'p'}.${noise || 'empty'}`,
      category: 'property',
      op: version === 1 ? 'ExtractGlimpse' : 'ExtractGlimpseV2',
      input_shape: [batch, H, W, C],
      input,
      size: [h, w],
      offsets_shape: [batch, 2],
      offsets,
      attrs: {centered, normalized, uniform_noise: uniformNoise, noise},
      effective_noise: noise === '' ? (uniformNoise ? 'uniform' : 'gaussian') : noise,
      expected: {kind: 'property'},
    });
  }
  return cases;
}

export const PROPERTY_SEED = 20261125;

/**
 * 400 calls over 32 shapes, shape by shape: on a GPU a new shape costs a set of program
 * compiles, a call does not.
 */
export const PROPERTY_CASES: readonly GoldenCase[] = byShape(generate(400, PROPERTY_SEED, 32), c => [
  ...c.input_shape,
  ...(c.size as number[]),
]);
