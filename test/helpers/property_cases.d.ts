import type {GoldenCase} from './golden_run';
export function generate(count: number, seed: number, shapeCount?: number): GoldenCase[];
export function mulberry32(seed: number): () => number;
export function nudge(v: number, steps: number): number;
