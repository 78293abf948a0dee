/**
 * The image paddings' one case table (docs/semantics.md, "Padding modes"): extractGlimpse with
 * `options.padding` 'reflection' or 'edge' (nearest; its noise argument does not apply) and the
 * nearest glimpseSensor with more than one scale. Hand-worked cases carry their output written
 * out; every case is checked against the composite of test/helpers/padding_reference.ts
 * (mirrorPad or clamped gather, slice, avgPool), forward and d images. test/padding.test.ts runs
 * it on the Node backends and test/browser/padding_suite.ts in Chromium.
 */
import {sensorImage} from './sensor_reference';
import type {ImagePadding, PaddedCall} from './padding_reference';
import {sensorOptions} from './sensor_cases';

export interface PaddingCase extends PaddedCall {
  name: string;
  /** 'glimpse': extractGlimpse (one location per image, its offsets); 'sensor': glimpseSensor (V2). */
  op: 'glimpse' | 'sensor';
  shape: [number, number, number, number];
  /** The image's values, written out (hand-worked cases); else sensorImage(shape, seed). */
  values?: number[];
  seed?: number;
  /** `[B, n, 2]`: glimpseSensor's locations; extractGlimpse's offsets are the one location per image. */
  locations: number[][][];
  /** extractGlimpse's noise argument, which the padding overrides. */
  noise: 'zero' | 'uniform' | 'gaussian';
  /** The output, flat, worked out by hand. */
  want?: number[];
}

/** 4x4, one channel: pixel (r, c) is 4r + c + 1, so a value names the pixel it came from. */
const GRID: Pick<PaddingCase, 'shape' | 'values'> = {
  shape: [1, 4, 4, 1],
  values: Array.from({length: 16}, (_, i) => i + 1),
};

/** One column of three rows: reflection across the column axis (n = 1) reads its only pixel. */
const COLUMN: Pick<PaddingCase, 'shape' | 'values'> = {shape: [1, 3, 1, 1], values: [5, 7, 9]};

/** A placement: extractGlimpse's version (glimpseSensor: V2), centered or not, pixels or normalized. */
type Placement = `V${1 | 2}${'' | ' centered'} ${'pixels' | 'normalized'}`;

const placed = (p: Placement) => ({
  centered: p.includes('centered'),
  normalized: p.endsWith('normalized'),
  version: p.startsWith('V1') ? (1 as const) : (2 as const),
});

/** A case as written: the call, and what differs from the table's defaults. */
interface Row {
  name: string;
  /** The image: the table's unless named. */
  image?: Pick<PaddingCase, 'shape' | 'values' | 'seed'>;
  /** Placement, padding, locations (`[B, n, 2]`), the window's size. */
  call: [Placement, ImagePadding, number[][][], [number, number]];
  /** glimpseSensor's scales and scale factor (its noise is 'zero'); absent, extractGlimpse. */
  sensor?: [number, number];
  /** extractGlimpse's noise: 'uniform' unless named. */
  noise?: PaddingCase['noise'];
  want?: number[];
}

/** The cases a table's rows write, on `image` unless a row names its own. */
const cases = (image: Row['image'], rows: Row[]): PaddingCase[] =>
  rows.map(({name, call: [placement, padding, locations, size], sensor, noise = 'uniform', want, ...row}) => ({
    name,
    ...(row.image ?? image)!,
    ...(sensor
      ? {op: 'sensor' as const, noise: 'zero' as const, locations, size, scales: sensor[0], scaleFactor: sensor[1]}
      : {op: 'glimpse' as const, scales: 1, scaleFactor: 1, noise, locations, size}),
    ...placed(placement),
    padding,
    ...(want ? {want} : {}),
  }));

/**
 * Reflection on an axis of 4 pixels reads, from position -4 to 11 (period 6, the border pixel
 * not repeated): 2 3 2 1 | 0 1 2 3 | 2 1 0 1 2 3 2 1. Worked out for the first case: V2, pixel
 * offsets not centered, so the corner is the offset (-2, 3); rows -2, -1, 0 read rows 2, 1, 0;
 * columns 3, 4, 5, 6 read 3, 2, 1, 0; row 2 is 9 10 11 12, so the first output row is 12 11 10 9.
 */
const HAND: PaddingCase[] = cases(GRID, [
  {
    name: 'hand: V2 pixels, corner above and right',
    call: ['V2 pixels', 'reflection', [[[-2, 3]]], [3, 4]],
    want: [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
  },
  {
    // Rows 2, 3, 4 read 2, 3, 3; columns -1, 0, 1 read 0, 0, 1.
    name: 'hand: V2 pixels, edge, below and left',
    call: ['V2 pixels', 'edge', [[[2, -1]]], [3, 3]],
    want: [9, 9, 10, 13, 13, 14, 13, 13, 14],
  },
  {
    // V1 always halves and takes half the window: y = 4/2 + 2 - 1 = 3, x = -4/2 + 2 - 1 = -1.
    // Rows 3, 4 read 3, 2; columns -1, 0 read 1, 0.
    name: 'hand: V1 centered normalized, bottom-left corner',
    call: ['V1 centered normalized', 'reflection', [[[1, -1]]], [2, 2]],
    want: [14, 13, 10, 9],
  },
  {
    // V1 pixels, not centered: the corner is the offset less half the window, (-2, 4).
    // Rows -2, -1 read 2, 1; columns 4, 5 read 2, 1.
    name: 'hand: V1 pixels, above and right',
    call: ['V1 pixels', 'reflection', [[[-1, 5]]], [2, 2]],
    want: [11, 10, 7, 6],
  },
  {
    // V2 centered pixels add half the image: y = -5 + 2 = -3, x = 3.5 + 2 = 5.5, truncated to 5.
    // Rows -3, -2 read 3, 2; columns 5, 6, 7 read 1, 0, 1 (7 is past a second reflection).
    name: 'hand: V2 centered pixels, twice reflected',
    call: ['V2 centered pixels', 'reflection', [[[-5, 3.5]]], [2, 3]],
    want: [14, 13, 14, 10, 9, 10],
  },
  {
    // A 6x6 window on the 4x4 image, corner (-1, -1): rows and columns -1..4 read 1 0 1 2 3 2.
    name: 'hand: V2 centered normalized, window larger than the image',
    call: ['V2 centered normalized', 'reflection', [[[0, 0]]], [6, 6]],
    want: [
      6, 5, 6, 7, 8, 7, 2, 1, 2, 3, 4, 3, 6, 5, 6, 7, 8, 7, 10, 9, 10, 11, 12, 11, 14, 13, 14, 15, 16, 15, 10, 9, 10,
      11, 12, 11,
    ],
  },
  {
    // V2 normalized, not centered: the corner is (-0.75 * 4, 2 * 4) = (-3, 8). Row -3 reads 3;
    // columns 8..11 read 2 3 2 1.
    name: 'hand: V2 normalized, two periods to the right',
    call: ['V2 normalized', 'reflection', [[[-0.75, 2]]], [1, 4]],
    want: [15, 16, 15, 14],
  },
  {
    // 2e9 = 2 (mod 6) and -3e7 = 0 (mod 6), both exact in float32: rows read 2, 3; columns 0, 1, 2.
    name: 'hand: V2 pixels, far outside',
    call: ['V2 pixels', 'reflection', [[[2e9, -3e7]]], [2, 3]],
    want: [9, 10, 11, 13, 14, 15],
  },
  {
    // Rows -1..2 of 3 (period 4) read 1 0 1 2; the one column is read for every column.
    name: 'hand: one column, reflection acts as edge across it',
    image: COLUMN,
    call: ['V2 pixels', 'reflection', [[[-1, -2]]], [4, 3]],
    want: [7, 7, 7, 5, 5, 5, 7, 7, 7, 9, 9, 9],
  },
  {
    name: 'hand: one column, edge',
    image: COLUMN,
    call: ['V2 pixels', 'edge', [[[-1, -2]]], [4, 3]],
    want: [5, 5, 5, 5, 5, 5, 7, 7, 7, 9, 9, 9],
  },
  {
    // Centre (0.5 * 4 / 2 + 2, -1 * 4 / 2 + 2) = (3, 0). Scale 0, 2x2 at (2, -1): rows 2, 3,
    // columns -1, 0 read 1, 0. Scale 1, 4x4 at (1, -2): rows read 1 2 3 2, columns 2 1 0 1;
    // its 2x2 blocks: (7 + 6 + 11 + 10) / 4 = 8.5, (5 + 6 + 9 + 10) / 4 = 7.5, then 12.5, 11.5.
    name: 'hand: glimpseSensor, two scales',
    call: ['V2 centered normalized', 'reflection', [[[0.5, -1]]], [2, 2]],
    sensor: [2, 2],
    want: [10, 9, 14, 13, 8.5, 7.5, 12.5, 11.5],
  },
]);

/** Seeded images: 7 rows and 5 columns (periods 12 and 8), and one row (n = 1) of 6. */
const IMAGE: Pick<PaddingCase, 'shape' | 'seed'> = {shape: [2, 7, 5, 3], seed: 31};
const ROW: Pick<PaddingCase, 'shape' | 'seed'> = {shape: [2, 1, 6, 2], seed: 33};

/** Seeded cases: partial, larger than the image, reflected more than once, far, unreachable. */
const SEEDED: PaddingCase[] = cases(IMAGE, [
  {
    name: 'glimpse: V2 pixels, partial and twice reflected',
    call: ['V2 pixels', 'reflection', [[[-3, 2]], [[5, -9]]], [4, 6]],
  },
  {
    name: 'glimpse: V1 centered normalized, windows larger than the image',
    call: ['V1 centered normalized', 'reflection', [[[0.9, -0.8]], [[-1.7, 2.6]]], [9, 11]],
    noise: 'gaussian',
  },
  {
    name: 'glimpse: V2 centered normalized, far outside',
    call: ['V2 centered normalized', 'reflection', [[[2e9, -1e9]], [[-3e7, 0.5]]], [3, 4]],
  },
  {
    name: 'glimpse: V2 centered pixels, unreachable and far left',
    call: ['V2 centered pixels', 'reflection', [[[NaN, 0]], [[-20.5, 13.25]]], [5, 3]],
    noise: 'zero',
  },
  {name: 'glimpse: V2 normalized, edge', call: ['V2 normalized', 'edge', [[[-0.6, 1.3]], [[1.9, -2.2]]], [4, 4]]},
  {name: 'glimpse: V1 pixels, edge, far outside', call: ['V1 pixels', 'edge', [[[2e9, -1e9]], [[-3, -4]]], [3, 3]]},
  {
    name: 'glimpse: one row, reflection acts as edge across it',
    image: ROW,
    call: ['V2 pixels', 'reflection', [[[-3, -2]], [[2, 4]]], [3, 5]],
  },
  {
    name: 'sensor: 3 scales, windows larger than the image, unreachable',
    call: [
      'V2 centered normalized',
      'reflection',
      [
        [
          [0, 0],
          [0.8, -0.9],
        ],
        [
          [-1.5, 2.2],
          [NaN, 0],
        ],
      ],
      [2, 3],
    ],
    sensor: [3, 2],
  },
  {
    name: 'sensor: factor 3, pixels, far outside',
    call: ['V2 pixels', 'reflection', [[[-4, 6]], [[2e9, -3e7]]], [3, 2]],
    sensor: [2, 3],
  },
  {
    name: 'sensor: one row',
    image: ROW,
    call: ['V2 centered normalized', 'reflection', [[[0, 0]], [[0.7, -1.4]]], [2, 2]],
    sensor: [2, 2],
  },
  {
    name: 'sensor: edge, centered pixels',
    call: ['V2 centered pixels', 'edge', [[[-5, 3]], [[4, -8]]], [2, 2]],
    sensor: [2, 2],
  },
]);

export const PADDING_CASES: readonly PaddingCase[] = [...HAND, ...SEEDED];

/** A case's image values. */
export const paddingImage = (c: PaddingCase): Float32Array =>
  c.values ? Float32Array.from(c.values) : sensorImage(c.shape, c.seed!);

/** The output's shape: `[B, h, w, C]` (extractGlimpse) or `[B, n, k, h, w, C]`. */
export const paddingShape = (c: PaddingCase): number[] =>
  c.op === 'glimpse'
    ? [c.shape[0], ...c.size, c.shape[3]]
    : [c.shape[0], c.locations[0].length, c.scales, ...c.size, c.shape[3]];

/** The weights of the loss sum(output * dy) every suite differentiates. */
export const paddingDy = (shape: number[]): Float32Array => sensorImage(shape, 43).map(v => v / 100);

/** extractGlimpse's offsets for a glimpse case: its one location per image. */
export const offsetsOf = (c: PaddingCase): number[][] => c.locations.map(row => row[0]);

/** extractGlimpse's options: the version and the padding, and no seed (nothing is drawn). */
export const paddingGlimpseOptions = (c: PaddingCase) => ({version: c.version, padding: c.padding});

/** glimpseSensor's options (an image padding draws nothing: no seed). */
export const paddingSensorOptions = (c: PaddingCase) => sensorOptions(c);
