export interface Flat {
  before: {numTensors: number; numBytes: number; numBytesInGPU: number};
  after: {numTensors: number; numBytes: number; numBytesInGPU: number};
}
export function runLoops(tf: unknown, n: number): Promise<{forward: Flat; gradient: Flat}>;
export function runModelLoops(
  tf: unknown,
  model: unknown,
  feeds: unknown,
  outputs: string[],
  n: number,
): Promise<{execute: Flat; executeAsync: Flat}>;
