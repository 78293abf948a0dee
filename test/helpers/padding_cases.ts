/**
 * The image paddings' one case table (docs/semantics.md, "Padding modes"): extractGlimpse with
 * `options.padding` 'reflection' or 'edge' (nearest; its noise argument does not apply) and the
 * nearest glimpseSensor with more than one scale. Hand-worked cases carry their output written
 * out; every case is checked against the composite of test/helpers/padding_reference.ts
 * (mirrorPad or clamped gather, slice, avgPool), forward and d images. test/padding.test.ts runs
 * it on the Node backends and test/browser/padding_suite.ts in Chromium.
 */
import {sensorImage} from './sensor_reference';
import type {ImagePadding} from './padding_reference';

export interface PaddingCase {
  name: string;
  /** 'glimpse': extractGlimpse (one location per image, its offsets); 'sensor': glimpseSensor (V2). */
  op: 'glimpse' | 'sensor';
  shape: [number, number, number, number];
  /** The image's values, written out (hand-worked cases); else sensorImage(shape, seed). */
  values?: number[];
  seed?: number;
  /** `[B, n, 2]`: glimpseSensor's locations; extractGlimpse's offsets are the one location per image. */
  locations: number[][][];
  size: [number, number];
  scales: number;
  scaleFactor: number;
  centered: boolean;
  normalized: boolean;
  version: 1 | 2;
  padding: ImagePadding;
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

const glimpse = {op: 'glimpse' as const, scales: 1, scaleFactor: 1, noise: 'uniform' as const};

/**
 * Reflection on an axis of 4 pixels reads, from position -4 to 11 (period 6, the border pixel
 * not repeated): 2 3 2 1 | 0 1 2 3 | 2 1 0 1 2 3 2 1. Worked out for the first case: V2, pixel
 * offsets not centered, so the corner is the offset (-2, 3); rows -2, -1, 0 read rows 2, 1, 0;
 * columns 3, 4, 5, 6 read 3, 2, 1, 0; row 2 is 9 10 11 12, so the first output row is 12 11 10 9.
 */
const HAND: PaddingCase[] = [
  {
    name: 'hand: V2 pixels, corner above and right',
    ...GRID,
    ...glimpse,
    locations: [[[-2, 3]]],
    size: [3, 4],
    centered: false,
    normalized: false,
    version: 2,
    padding: 'reflection',
    want: [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
  },
  {
    // Rows 2, 3, 4 read 2, 3, 3; columns -1, 0, 1 read 0, 0, 1.
    name: 'hand: V2 pixels, edge, below and left',
    ...GRID,
    ...glimpse,
    locations: [[[2, -1]]],
    size: [3, 3],
    centered: false,
    normalized: false,
    version: 2,
    padding: 'edge',
    want: [9, 9, 10, 13, 13, 14, 13, 13, 14],
  },
  {
    // V1 always halves and takes half the window: y = 4/2 + 2 - 1 = 3, x = -4/2 + 2 - 1 = -1.
    // Rows 3, 4 read 3, 2; columns -1, 0 read 1, 0.
    name: 'hand: V1 centered normalized, bottom-left corner',
    ...GRID,
    ...glimpse,
    locations: [[[1, -1]]],
    size: [2, 2],
    centered: true,
    normalized: true,
    version: 1,
    padding: 'reflection',
    want: [14, 13, 10, 9],
  },
  {
    // V1 pixels, not centered: the corner is the offset less half the window, (-2, 4).
    // Rows -2, -1 read 2, 1; columns 4, 5 read 2, 1.
    name: 'hand: V1 pixels, above and right',
    ...GRID,
    ...glimpse,
    locations: [[[-1, 5]]],
    size: [2, 2],
    centered: false,
    normalized: false,
    version: 1,
    padding: 'reflection',
    want: [11, 10, 7, 6],
  },
  {
    // V2 centered pixels add half the image: y = -5 + 2 = -3, x = 3.5 + 2 = 5.5, truncated to 5.
    // Rows -3, -2 read 3, 2; columns 5, 6, 7 read 1, 0, 1 (7 is past a second reflection).
    name: 'hand: V2 centered pixels, twice reflected',
    ...GRID,
    ...glimpse,
    locations: [[[-5, 3.5]]],
    size: [2, 3],
    centered: true,
    normalized: false,
    version: 2,
    padding: 'reflection',
    want: [14, 13, 14, 10, 9, 10],
  },
  {
    // A 6x6 window on the 4x4 image, corner (-1, -1): rows and columns -1..4 read 1 0 1 2 3 2.
    name: 'hand: V2 centered normalized, window larger than the image',
    ...GRID,
    ...glimpse,
    locations: [[[0, 0]]],
    size: [6, 6],
    centered: true,
    normalized: true,
    version: 2,
    padding: 'reflection',
    want: [
      6, 5, 6, 7, 8, 7, 2, 1, 2, 3, 4, 3, 6, 5, 6, 7, 8, 7, 10, 9, 10, 11, 12, 11, 14, 13, 14, 15, 16, 15, 10, 9, 10,
      11, 12, 11,
    ],
  },
  {
    // V2 normalized, not centered: the corner is (-0.75 * 4, 2 * 4) = (-3, 8). Row -3 reads 3;
    // columns 8..11 read 2 3 2 1.
    name: 'hand: V2 normalized, two periods to the right',
    ...GRID,
    ...glimpse,
    locations: [[[-0.75, 2]]],
    size: [1, 4],
    centered: false,
    normalized: true,
    version: 2,
    padding: 'reflection',
    want: [15, 16, 15, 14],
  },
  {
    // 2e9 = 2 (mod 6) and -3e7 = 0 (mod 6), both exact in float32: rows read 2, 3; columns 0, 1, 2.
    name: 'hand: V2 pixels, far outside',
    ...GRID,
    ...glimpse,
    locations: [[[2e9, -3e7]]],
    size: [2, 3],
    centered: false,
    normalized: false,
    version: 2,
    padding: 'reflection',
    want: [9, 10, 11, 13, 14, 15],
  },
  {
    // Rows -1..2 of 3 (period 4) read 1 0 1 2; the one column is read for every column.
    name: 'hand: one column, reflection acts as edge across it',
    ...COLUMN,
    ...glimpse,
    locations: [[[-1, -2]]],
    size: [4, 3],
    centered: false,
    normalized: false,
    version: 2,
    padding: 'reflection',
    want: [7, 7, 7, 5, 5, 5, 7, 7, 7, 9, 9, 9],
  },
  {
    name: 'hand: one column, edge',
    ...COLUMN,
    ...glimpse,
    locations: [[[-1, -2]]],
    size: [4, 3],
    centered: false,
    normalized: false,
    version: 2,
    padding: 'edge',
    want: [5, 5, 5, 5, 5, 5, 7, 7, 7, 9, 9, 9],
  },
  {
    // Centre (0.5 * 4 / 2 + 2, -1 * 4 / 2 + 2) = (3, 0). Scale 0, 2x2 at (2, -1): rows 2, 3,
    // columns -1, 0 read 1, 0. Scale 1, 4x4 at (1, -2): rows read 1 2 3 2, columns 2 1 0 1;
    // its 2x2 blocks: (7 + 6 + 11 + 10) / 4 = 8.5, (5 + 6 + 9 + 10) / 4 = 7.5, then 12.5, 11.5.
    name: 'hand: glimpseSensor, two scales',
    ...GRID,
    op: 'sensor',
    noise: 'zero',
    locations: [[[0.5, -1]]],
    size: [2, 2],
    scales: 2,
    scaleFactor: 2,
    centered: true,
    normalized: true,
    version: 2,
    padding: 'reflection',
    want: [10, 9, 14, 13, 8.5, 7.5, 12.5, 11.5],
  },
];

/** Seeded images: 7 rows and 5 columns (periods 12 and 8), and one row (n = 1) of 6. */
const IMAGE: Pick<PaddingCase, 'shape' | 'seed'> = {shape: [2, 7, 5, 3], seed: 31};
const ROW: Pick<PaddingCase, 'shape' | 'seed'> = {shape: [2, 1, 6, 2], seed: 33};

/** Seeded cases: partial, larger than the image, reflected more than once, far, unreachable. */
const SEEDED: PaddingCase[] = [
  {
    name: 'glimpse: V2 pixels, partial and twice reflected',
    ...IMAGE,
    ...glimpse,
    locations: [[[-3, 2]], [[5, -9]]],
    size: [4, 6],
    centered: false,
    normalized: false,
    version: 2,
    padding: 'reflection',
  },
  {
    name: 'glimpse: V1 centered normalized, windows larger than the image',
    ...IMAGE,
    ...glimpse,
    noise: 'gaussian',
    locations: [[[0.9, -0.8]], [[-1.7, 2.6]]],
    size: [9, 11],
    centered: true,
    normalized: true,
    version: 1,
    padding: 'reflection',
  },
  {
    name: 'glimpse: V2 centered normalized, far outside',
    ...IMAGE,
    ...glimpse,
    locations: [[[2e9, -1e9]], [[-3e7, 0.5]]],
    size: [3, 4],
    centered: true,
    normalized: true,
    version: 2,
    padding: 'reflection',
  },
  {
    name: 'glimpse: V2 centered pixels, unreachable and far left',
    ...IMAGE,
    ...glimpse,
    noise: 'zero',
    locations: [[[NaN, 0]], [[-20.5, 13.25]]],
    size: [5, 3],
    centered: true,
    normalized: false,
    version: 2,
    padding: 'reflection',
  },
  {
    name: 'glimpse: V2 normalized, edge',
    ...IMAGE,
    ...glimpse,
    locations: [[[-0.6, 1.3]], [[1.9, -2.2]]],
    size: [4, 4],
    centered: false,
    normalized: true,
    version: 2,
    padding: 'edge',
  },
  {
    name: 'glimpse: V1 pixels, edge, far outside',
    ...IMAGE,
    ...glimpse,
    locations: [[[2e9, -1e9]], [[-3, -4]]],
    size: [3, 3],
    centered: false,
    normalized: false,
    version: 1,
    padding: 'edge',
  },
  {
    name: 'glimpse: one row, reflection acts as edge across it',
    ...ROW,
    ...glimpse,
    locations: [[[-3, -2]], [[2, 4]]],
    size: [3, 5],
    centered: false,
    normalized: false,
    version: 2,
    padding: 'reflection',
  },
  {
    name: 'sensor: 3 scales, windows larger than the image, unreachable',
    ...IMAGE,
    op: 'sensor',
    noise: 'zero',
    locations: [
      [
        [0, 0],
        [0.8, -0.9],
      ],
      [
        [-1.5, 2.2],
        [NaN, 0],
      ],
    ],
    size: [2, 3],
    scales: 3,
    scaleFactor: 2,
    centered: true,
    normalized: true,
    version: 2,
    padding: 'reflection',
  },
  {
    name: 'sensor: factor 3, pixels, far outside',
    ...IMAGE,
    op: 'sensor',
    noise: 'zero',
    locations: [[[-4, 6]], [[2e9, -3e7]]],
    size: [3, 2],
    scales: 2,
    scaleFactor: 3,
    centered: false,
    normalized: false,
    version: 2,
    padding: 'reflection',
  },
  {
    name: 'sensor: one row',
    ...ROW,
    op: 'sensor',
    noise: 'zero',
    locations: [[[0, 0]], [[0.7, -1.4]]],
    size: [2, 2],
    scales: 2,
    scaleFactor: 2,
    centered: true,
    normalized: true,
    version: 2,
    padding: 'reflection',
  },
  {
    name: 'sensor: edge, centered pixels',
    ...IMAGE,
    op: 'sensor',
    noise: 'zero',
    locations: [[[-5, 3]], [[4, -8]]],
    size: [2, 2],
    scales: 2,
    scaleFactor: 2,
    centered: true,
    normalized: false,
    version: 2,
    padding: 'edge',
  },
];

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

/** glimpseSensor's options. */
export const paddingSensorOptions = (c: PaddingCase) => ({
  size: c.size,
  scales: c.scales,
  scaleFactor: c.scaleFactor,
  centered: c.centered,
  normalized: c.normalized,
  padding: c.padding,
});
