/**
 * fast-check's description of an ExtractGlimpse call: every attr, shapes from 1x1 to glimpses
 * larger than the image, batch up to 3, channels 1 to 4, offsets of every kind (fractions,
 * whole pixels, .5 boundaries and their float32 neighbours, huge, NaN, infinities).
 */
import fc from 'fast-check';
import type {GoldenCase} from './golden_run';
import type {ReferenceCall} from './reference_glimpse';

export interface GeneratedCall extends ReferenceCall {
  noise: 'zero' | 'uniform' | 'gaussian';
  input: Float32Array;
}

const offset = fc.oneof(
  fc.float({min: -1.5, max: 1.5, noNaN: true}),
  fc.integer({min: -16, max: 16}),
  fc.integer({min: -32, max: 32}).map(n => n / 2),
  fc
    .integer({min: -32, max: 32})
    .chain(n => fc.constantFrom(Math.fround(n / 2) - 2 ** -20, Math.fround(n / 2) + 2 ** -20)),
  fc.float(), // any float32: NaN, infinities, subnormals, huge
  fc.constantFrom(NaN, Infinity, -Infinity, 2 ** 31, -(2 ** 63), 1e30),
);

/** An image and glimpse shape: batch up to 3, images up to 9x9, channels 1 to 4, glimpses up to 12x12. */
export interface CallShape {
  batch: number;
  height: number;
  width: number;
  channels: number;
  h: number;
  w: number;
}

const callShape: fc.Arbitrary<CallShape> = fc.record({
  batch: fc.integer({min: 1, max: 3}),
  height: fc.integer({min: 1, max: 9}),
  width: fc.integer({min: 1, max: 9}),
  channels: fc.integer({min: 1, max: 4}),
  h: fc.integer({min: 0, max: 12}),
  w: fc.integer({min: 0, max: 12}),
});

function callsOf(shapes: fc.Arbitrary<CallShape>): fc.Arbitrary<GeneratedCall> {
  return fc
    .record({
      shape: shapes,
      version: fc.constantFrom(1 as const, 2 as const),
      centered: fc.boolean(),
      normalized: fc.boolean(),
      noise: fc.constantFrom('zero' as const, 'uniform' as const, 'gaussian' as const),
      seed: fc.integer({min: 0, max: 2 ** 31 - 1}),
    })
    .chain(p =>
      fc
        .record({
          offsets: fc.array(offset, {minLength: 2 * p.shape.batch, maxLength: 2 * p.shape.batch}),
        })
        .map(({offsets}) => {
          const {batch, height, width, channels, h, w} = p.shape;
          const count = batch * height * width * channels;
          // Distinct values (so a wrong source pixel shows), made from the seed.
          const input = new Float32Array(count).map((_, k) => Math.fround(((k * 7919 + p.seed) % 1009) / 7 - 50));
          return {
            version: p.version,
            centered: p.centered,
            normalized: p.normalized,
            noise: p.noise,
            inputShape: [batch, height, width, channels] as [number, number, number, number],
            size: [h, w] as [number, number],
            offsets: offsets.map(Math.fround),
            input,
          };
        }),
    );
}

/** Calls of every shape in the ranges above. */
export const generatedCall: fc.Arbitrary<GeneratedCall> = callsOf(callShape);

/**
 * The same calls over a fixed sample of `count` shapes, for the GPU backends: each new shape
 * compiles a set of shader programs (the noise statistics' among them), which on SwiftShader
 * costs far more than the call, so there the attrs and offsets vary and the shapes repeat.
 */
export function generatedCallOverShapes(count: number, seed: number): fc.Arbitrary<GeneratedCall> {
  return callsOf(fc.constantFrom(...EDGE_SHAPES, ...fc.sample(callShape, {seed, numRuns: count - EDGE_SHAPES.length})));
}

/** Shapes every sample holds: one pixel, empty glimpses, the largest image and glimpse. */
const EDGE_SHAPES: CallShape[] = [
  {batch: 1, height: 1, width: 1, channels: 1, h: 1, w: 1},
  {batch: 2, height: 3, width: 4, channels: 2, h: 0, w: 3},
  {batch: 1, height: 5, width: 2, channels: 3, h: 4, w: 0},
  {batch: 3, height: 9, width: 9, channels: 4, h: 12, w: 12},
];

/** As a golden-format case, for the browser pages' runner. */
export function asGoldenCase(call: GeneratedCall, name: string): GoldenCase {
  const enc = (v: number) =>
    Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : v;
  const offsets: unknown[] = [];
  for (let b = 0; b < call.inputShape[0]; b++) offsets.push([enc(call.offsets[2 * b]), enc(call.offsets[2 * b + 1])]);
  return {
    name,
    category: 'reference',
    op: call.version === 1 ? 'ExtractGlimpse' : 'ExtractGlimpseV2',
    input_shape: call.inputShape,
    input: Array.from(call.input),
    size: call.size,
    offsets_shape: [call.inputShape[0], 2],
    offsets,
    attrs: {centered: call.centered, normalized: call.normalized, uniform_noise: false, noise: call.noise},
    effective_noise: call.noise,
    expected: {kind: 'exact'},
  };
}

/** Calls in an order that runs each shape's calls together (GPU programs stay warm), stable otherwise. */
export function byShape<T>(calls: T[], shapeOf: (call: T) => readonly number[]): T[] {
  const key = (c: T) =>
    shapeOf(c)
      .map(n => String(n).padStart(2, '0'))
      .join(',');
  return [...calls].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
