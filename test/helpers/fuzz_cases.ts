/**
 * TensorFlow 2.21's outputs on random ExtractGlimpse calls (test/fixtures/fuzz_cases.json, made
 * by tools/fuzz_cases.py): the fixture's bit patterns decoded, each call as a golden case for
 * the runner that serves jest and the pages alike (test/helpers/golden_run.ts), and a one-line
 * account of the call for failure messages. Read in Node only; the page gets the golden cases.
 */
import * as fs from 'fs';
import * as path from 'path';
import {fromBits} from './golden_check';
import {encode, type GoldenCase} from './golden_run';

/** One case as the fixture stores it (see its `encoding` field). */
export interface FuzzRecord {
  op: 'ExtractGlimpse' | 'ExtractGlimpseV2';
  centered: boolean;
  normalized: boolean;
  noise: string;
  uniform_noise: boolean;
  /** How the image was drawn: index, integer, float, wide (any exponent) or special (NaN, Inf, -0...). */
  pixels: string;
  input_shape: number[];
  /** float32 bit patterns, 8 hex digits a value, row-major. */
  input: string;
  size: [number, number];
  offsets: string;
  /** The kind of offset drawn per batch item, [y, x]. */
  traps: Array<[string, string]>;
  /** TF's window corner per batch item; null: no pixel of the image in the window. */
  corners: Array<[number, number] | null>;
  output_shape: number[];
  output: string;
}

export interface FuzzCase {
  /** The case's position in the fixture, which failures name. */
  index: number;
  record: FuzzRecord;
  /** The call, as the golden runner takes it. */
  golden: GoldenCase;
  /** TF's output, as float32 bit patterns. */
  expected: Uint32Array;
}

/** `0x3f800000bf800000...` (without 0x) -> the bit patterns. */
export function bitsOf(hex: string): Uint32Array {
  if (hex.length % 8 !== 0) throw new Error(`fuzz_cases.json: ${hex.length} hex digits is not whole float32 values`);
  const bits = new Uint32Array(hex.length / 8);
  for (let k = 0; k < bits.length; k++) bits[k] = parseInt(hex.slice(8 * k, 8 * k + 8), 16);
  return bits;
}

const valuesOf = (hex: string): number[] => Array.from(bitsOf(hex), fromBits);

/** A float32 value as a reader can paste it back: -0 kept, the double that equals it otherwise. */
export const show = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));

function goldenOf(r: FuzzRecord, index: number): GoldenCase {
  const offsets = valuesOf(r.offsets);
  return {
    name: `fuzz #${index}`,
    category: 'fuzz',
    op: r.op,
    input_shape: r.input_shape,
    input: valuesOf(r.input).map(encode),
    size: r.size,
    offsets_shape: [r.input_shape[0], 2],
    offsets: Array.from({length: r.input_shape[0]}, (_, b) => [encode(offsets[2 * b]), encode(offsets[2 * b + 1])]),
    attrs: {centered: r.centered, normalized: r.normalized, uniform_noise: r.uniform_noise, noise: r.noise},
    effective_noise: null,
    expected: {kind: 'exact', shape: r.output_shape},
  };
}

/** The call a case makes, in one line: what a failure names. */
export function describeCall(c: FuzzCase): string {
  const r = c.record;
  const offsets = valuesOf(r.offsets);
  const items = r.traps.map((_, b) => `[${show(offsets[2 * b])}, ${show(offsets[2 * b + 1])}]`).join(', ');
  const noise = r.uniform_noise ? `'${r.noise}', uniform_noise` : `'${r.noise}'`;
  return (
    `case #${c.index}: ${r.op}(input [${r.input_shape}] (${r.pixels} pixels), size [${r.size}], ` +
    `offsets [${items}], centered=${r.centered}, normalized=${r.normalized}, noise ${noise}); ` +
    `traps ${JSON.stringify(r.traps)}, TF's corners ${JSON.stringify(r.corners)}`
  );
}

export interface FuzzFixture {
  format: string;
  generator: {script: string; seed: number; count: number; command: string};
  counts: {cases: number; values: number; by_trap: Record<string, number>; [k: string]: unknown};
  cases: FuzzRecord[];
}

export const FUZZ_FIXTURE = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'fuzz_cases.json'), 'utf8'),
) as FuzzFixture;

export const FUZZ_CASES: readonly FuzzCase[] = FUZZ_FIXTURE.cases.map((record, index) => ({
  index,
  record,
  golden: goldenOf(record, index),
  expected: bitsOf(record.output),
}));
