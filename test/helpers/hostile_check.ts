/** Checks one hostile call's result against what its case expects (see hostile_cases.ts). */
import type {HostileCase, HostileResult} from './hostile_cases';

const num = (v: number | string) =>
  v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v === '-0' ? -0 : (v as number);

/** Input of the 'copies and zero noise' cases: pixel (y, x) of a 2x2 image at window (y, x). */
const VALUE_CHECKS: Record<string, (r: HostileResult) => string | null> = {
  'int32 cast': r =>
    JSON.stringify(r.values) === '[2,3,5,6]' && r.dtype === 'float32'
      ? null
      : `got ${r.dtype} ${JSON.stringify(r.values)}`,
  'all zero': r =>
    r.values!.every(v => v === 0) && r.values!.length === 18 ? null : `got ${JSON.stringify(r.values)}`,
  // Image 1..40 (4x5x2): uniform noise lies within [1, 40].
  'uniform within image': r =>
    r.values!.every(v => typeof v === 'number' && v >= 1 && v <= 40) ? null : `got ${JSON.stringify(r.values)}`,
  'special pixels copied': r =>
    JSON.stringify(r.values) === '["NaN","Infinity","-Infinity","-0",1,2]' ? null : `got ${JSON.stringify(r.values)}`,
  'copies and zero noise': r => {
    // 3x3 window at (0, 0) over a 2x2 image: rows 0-1, cols 0-1 copied, the rest noise = 0.
    const v = r.values!.map(num);
    const copied = [v[0], v[1], v[3], v[4]];
    const noise = [v[2], v[5], v[6], v[7], v[8]];
    const firstOk = Number.isNaN(copied[0]) || copied[0] === Infinity;
    return firstOk && copied.slice(1).join() === '1,2,3' && noise.every(x => Object.is(x, 0))
      ? null
      : `got ${JSON.stringify(r.values)}`;
  },
  'channel 0 zero noise, channel 1 in range': r => {
    const v = r.values!.map(num);
    // Outside positions (y or x = 2) of channel 0 are 0; of channel 1 within [1, 7].
    for (let p = 0; p < 9; p++) {
      if (Math.floor(p / 3) < 2 && p % 3 < 2) continue;
      if (!Object.is(v[2 * p], 0)) return `channel 0 noise ${v[2 * p]} at ${p}`;
      if (!(v[2 * p + 1] >= 1 && v[2 * p + 1] <= 7)) return `channel 1 noise ${v[2 * p + 1]} at ${p}`;
    }
    return Number.isNaN(v[0]) ? null : `copied NaN became ${v[0]}`;
  },
};

export function checkHostile(c: HostileCase, r: HostileResult | undefined): string[] {
  if (!r) return [`${c.name}: no result`];
  const findings: string[] = [];
  if (r.leakedTensors !== 0 || r.leakedBytes !== 0 || r.leakedDataIds !== 0) {
    findings.push(
      `${c.name}: left ${r.leakedTensors} tensor(s), ${r.leakedBytes} byte(s), ${r.leakedDataIds} data id(s) behind`,
    );
  }
  if (c.error !== undefined) {
    if (r.error === undefined) findings.push(`${c.name}: expected an error matching /${c.error}/, got a result`);
    else if (!new RegExp(c.error).test(r.error))
      findings.push(`${c.name}: error "${r.error}" does not match /${c.error}/`);
    return findings;
  }
  if (r.error !== undefined) return [...findings, `${c.name}: threw ${r.error}`];
  const empty = /^empty (\[.*\])$/.exec(c.value!);
  if (empty) {
    if (JSON.stringify(r.shape) !== empty[1] || r.values!.length !== 0)
      findings.push(`${c.name}: got shape ${JSON.stringify(r.shape)}`);
    return findings;
  }
  const problem = VALUE_CHECKS[c.value!](r);
  if (problem) findings.push(`${c.name}: ${problem}`);
  return findings;
}
