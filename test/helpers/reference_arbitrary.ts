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

export const generatedCall: fc.Arbitrary<GeneratedCall> = fc
  .record({
    version: fc.constantFrom(1 as const, 2 as const),
    centered: fc.boolean(),
    normalized: fc.boolean(),
    noise: fc.constantFrom('zero' as const, 'uniform' as const, 'gaussian' as const),
    batch: fc.integer({min: 1, max: 3}),
    height: fc.integer({min: 1, max: 9}),
    width: fc.integer({min: 1, max: 9}),
    channels: fc.integer({min: 1, max: 4}),
    h: fc.integer({min: 0, max: 12}),
    w: fc.integer({min: 0, max: 12}),
    seed: fc.integer({min: 0, max: 2 ** 31 - 1}),
  })
  .chain(p =>
    fc
      .record({
        offsets: fc.array(offset, {minLength: 2 * p.batch, maxLength: 2 * p.batch}),
      })
      .map(({offsets}) => {
        const count = p.batch * p.height * p.width * p.channels;
        // Distinct values (so a wrong source pixel shows), made from the seed.
        const input = new Float32Array(count).map((_, k) => Math.fround(((k * 7919 + p.seed) % 1009) / 7 - 50));
        return {
          version: p.version,
          centered: p.centered,
          normalized: p.normalized,
          noise: p.noise,
          inputShape: [p.batch, p.height, p.width, p.channels] as [number, number, number, number],
          size: [p.h, p.w] as [number, number],
          offsets: offsets.map(Math.fround),
          input,
        };
      }),
  );

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
