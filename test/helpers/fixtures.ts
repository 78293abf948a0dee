import * as fs from 'fs';
import * as path from 'path';
import type {GoldenCase} from './golden_run';

export function loadCases(file: string): GoldenCase[] {
  const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', file), 'utf8');
  return JSON.parse(text).cases as GoldenCase[];
}

export const PUBLIC_CASES = loadCases('glimpse_cases.json');

/** More TF 2.21 cases made by tools/make_extra_cases.py: non-finite, huge, float32 traps. */
export const EXTRA_CASES = loadCases('tf_extra_cases.json');

export const ALL_CASES = [...PUBLIC_CASES, ...EXTRA_CASES];
