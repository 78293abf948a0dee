/**
 * Compares one backend's result on a fuzz case (test/helpers/fuzz_cases.ts) with TensorFlow's
 * output, value for value with Object.is: -0 is not +0, NaN equals NaN only. Returns the
 * findings (empty: the case passes), each naming the case's index and its call, the first
 * differing position and how many values differ.
 */
import {describeCall, show, type FuzzCase} from './fuzz_cases';
import {fromBits, where} from './golden_check';
import type {CaseResult} from './golden_run';

const hex = (bits: number): string => `0x${bits.toString(16).padStart(8, '0')}`;

export function checkFuzzCase(c: FuzzCase, r: CaseResult): string[] {
  const findings: string[] = [];
  const call = () => describeCall(c);
  if (r.leaked !== 0) findings.push(`${call()}: ${r.leaked} tensor(s) leaked`);
  if (r.error !== undefined) return [...findings, `${call()}: threw ${r.error}`];
  const shape = c.record.output_shape;
  if (JSON.stringify(r.shape) !== JSON.stringify(shape) || r.bits!.length !== c.expected.length) {
    return [...findings, `${call()}: shape ${JSON.stringify(r.shape)}, TF ${JSON.stringify(shape)}`];
  }
  if (r.dtype !== 'float32') findings.push(`${call()}: dtype ${r.dtype}`);
  let first = -1;
  let differ = 0;
  for (let k = 0; k < c.expected.length; k++) {
    if (!Object.is(fromBits(r.bits![k]), fromBits(c.expected[k]))) {
      if (first < 0) first = k;
      differ++;
    }
  }
  if (first >= 0) {
    const got = r.bits![first];
    const want = c.expected[first];
    findings.push(
      `${call()}: ${differ} of ${c.expected.length} values differ; first at ${where(shape, first)} ` +
        `(flat ${first}): got ${show(fromBits(got))} (${hex(got)}), TF ${show(fromBits(want))} (${hex(want)})`,
    );
  }
  return findings;
}
