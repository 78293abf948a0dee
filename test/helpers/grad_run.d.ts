import type {GoldenCase} from './golden_run';
export interface GradResult {
  shape?: number[];
  dtype?: string;
  bits?: number[];
  offsetsGrad?: number[];
  offsetsGradShape?: number[];
  error?: string;
  leaked: number;
}
export function runGradCase(tf: unknown, c: GoldenCase): GradResult;
export function runGradCaseAsync(tf: unknown, c: GoldenCase): Promise<GradResult>;
