/**
 * The glimpse sensor's one case table: every padding, every centered/normalized pair, 1 to 4
 * scales of factor 1 to 3, 1 to 4 locations, windows inside, partial, outside, far outside
 * and unreachable, 1 and 3 channels, batch 2; reflection on a subset of the configurations
 * and on an image of one row. test/sensor.test.ts runs it on the Node
 * backends and test/browser/sensor_suite.ts in Chromium; both check every result with
 * test/helpers/sensor_check.ts against the same references.
 */
import {SENSOR_SPOTS, sensorImage, type SensorCase} from './sensor_reference';

/** The images the table reads: `sensorImage(shape, seed)`. */
export const SENSOR_IMAGES: ReadonlyArray<{shape: [number, number, number, number]; seed: number}> = [
  {shape: [2, 13, 17, 3], seed: 7},
  {shape: [2, 9, 7, 1], seed: 8},
  // One row: reflection across an axis of one pixel reads it, as edge padding does.
  {shape: [2, 1, 6, 2], seed: 9},
];

/** The seed of the noise paddings' calls, and another one that must draw other values. */
export const SENSOR_SEED = 21;
export const OTHER_SENSOR_SEED = 22;

/**
 * The shared spots, then: inside, far outside (found: past 2^31 pixels, or past 2^24; edge
 * padding clamps them), infinite.
 */
const SPOTS = [...SENSOR_SPOTS, [0.6, 0.1], [2e9, -1e9], [0, Infinity], [-3e7, 0.5]];

/** [scales, scaleFactor, locations per image]. */
const CONFIGS = [
  [1, 2, 1],
  [2, 2, 2],
  [3, 2, 1],
  [4, 2, 3],
  [2, 3, 4],
  [3, 1, 2],
  [3, 3, 1],
];
const SIZES: Array<[number, number]> = [
  [3, 4],
  [2, 2],
  [5, 3],
];

function table(): SensorCase[] {
  const out: SensorCase[] = [];
  let k = 0;
  const placements = [
    [true, true],
    [false, true],
    [true, false],
    [false, false],
  ] as const;
  const push = (padding: SensorCase['padding'], placement: number, config: number[], image = k % 2) => {
    const [centered, normalized] = placements[placement];
    const [scales, scaleFactor, n] = config;
    const pixels = normalized ? 1 : 6;
    const {shape, seed} = SENSOR_IMAGES[image];
    out.push({
      name: `${padding}.c${+centered}n${+normalized}.k${scales}f${scaleFactor}n${n}.i${image}.${k}`,
      shape,
      imageSeed: seed,
      locations: [0, 1].map(b =>
        Array.from({length: n}, (_, l) => SPOTS[(b * 3 + l + k) % SPOTS.length].map(v => v * pixels)),
      ),
      size: SIZES[k % SIZES.length],
      scales,
      scaleFactor,
      centered,
      normalized,
      padding,
    });
    k++;
  };
  for (const padding of ['zero', 'edge', 'uniform', 'gaussian'] as const) {
    for (let placement = 0; placement < placements.length; placement++) {
      for (const config of CONFIGS) push(padding, placement, config);
    }
  }
  // Reflection (one rule per axis, so a subset): 15 of the 28 (placement, configuration) pairs,
  // every configuration among them, then the one-row image.
  for (let j = 0; j < 15; j++) push('reflection', j % 4, CONFIGS[(j * 2 + 1) % CONFIGS.length]);
  push('reflection', 0, [3, 2, 2], 2);
  return out;
}

export const SENSOR_CASES: readonly SensorCase[] = table();

/** A case's image values. */
export const imageOf = (c: SensorCase): Float32Array => sensorImage(c.shape, c.imageSeed);

/** glimpseSensor's options for a case; noise paddings draw with `seed` (SENSOR_SEED unless given). */
export function sensorOptions(
  c: Pick<SensorCase, 'size' | 'scales' | 'scaleFactor' | 'centered' | 'normalized' | 'padding'>,
  seed = SENSOR_SEED,
) {
  const noisy = c.padding === 'uniform' || c.padding === 'gaussian';
  return {
    size: c.size,
    scales: c.scales,
    scaleFactor: c.scaleFactor,
    centered: c.centered,
    normalized: c.normalized,
    padding: c.padding,
    ...(noisy ? {seed} : {}),
  };
}

/** The dy every suite feeds the backward kernel for a case's output shape. */
export const sensorDy = (shape: number[]): Float32Array => sensorImage(shape, 3);

/** A call as data: locations by their flat values and shape (an empty one keeps its rank). */
export interface EmptySensorCall {
  name: string;
  locations: {values: number[]; shape: number[]};
  options: {size: [number, number]; scales?: number; padding?: SensorCase['padding']};
  /** The output's shape. */
  shape: number[];
}

/**
 * Calls whose output is empty, on ones of shape `images`: no location, and a window of width 0;
 * and the backward kernel for no location, whose d images are zeros.
 */
export const EMPTY_SENSOR = {
  images: [2, 5, 6, 3] as [number, number, number, number],
  calls: [
    {
      name: 'no location',
      locations: {values: [], shape: [2, 0, 2]},
      options: {size: [3, 3], scales: 2},
      shape: [2, 0, 2, 3, 3, 3],
    },
    {
      name: 'a window of width 0',
      locations: {values: [0, 0, 0, 0], shape: [2, 2]},
      options: {size: [3, 0], padding: 'uniform'},
      shape: [2, 1, 3, 0, 3],
    },
  ] as readonly EmptySensorCall[],
  grad: {
    dyShape: [2, 0, 2, 3, 3, 3],
    locationsShape: [2, 0, 2],
    attrs: {size: [3, 3], scales: 2, scaleFactor: 2, centered: true, normalized: true, padding: 'edge'},
    shape: [2, 5, 6, 3],
  },
};
