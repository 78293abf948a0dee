export interface HostileCase {
  name: string;
  error?: string;
  value?: string;
}
export interface HostileResult {
  error?: string;
  shape?: number[];
  dtype?: string;
  values?: Array<number | string>;
  leakedTensors: number;
  leakedBytes: number;
}
export const CASES: HostileCase[];
export function runAll(tf: unknown): Promise<Record<string, HostileResult>>;
