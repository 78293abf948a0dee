export interface GoldenCase {
  name: string;
  category: string;
  op: 'ExtractGlimpse' | 'ExtractGlimpseV2';
  input_shape: number[];
  input: Array<number | string>;
  size: unknown;
  offsets_shape: number[];
  offsets: unknown;
  attrs: {centered: boolean; normalized: boolean; uniform_noise: boolean; noise: string};
  effective_noise: 'zero' | 'uniform' | 'gaussian' | null;
  note?: string;
  expected: {
    kind: 'exact' | 'noise' | 'error' | 'spec_error';
    shape?: number[];
    output?: Array<number | string>;
    inside?: number[];
    output_inside?: Array<number | string | null>;
    uniform_bounds?: Array<[number, number]>;
    gaussian_stats?: Array<Array<[number, number, number, number]>>;
    window_corners?: Array<[number, number] | null>;
    tf_eager_error?: {class: string; message: string};
  };
}
export interface CaseResult {
  shape?: number[];
  dtype?: string;
  bits?: number[];
  error?: string;
  leaked: number;
}
export function decode(v: unknown): any;
export function runCase(tf: unknown, c: GoldenCase, seed?: number): CaseResult;
export function runCaseAsync(tf: unknown, c: GoldenCase, seed?: number): Promise<CaseResult>;
export function callArgs(tf: unknown, c: GoldenCase, seed?: number): unknown[];
