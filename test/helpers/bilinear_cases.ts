/**
 * The bilinear glimpses' one case table (docs/semantics.md, "Bilinear glimpses"): extractGlimpse
 * at fractional corners for every V1/V2 placement, and glimpseSensor for every padding, 1 to 3
 * scales, 1 to 3 locations, windows inside, across borders, outside and unreachable; both
 * noise paddings for both ops, both image paddings for extractGlimpse (options.padding); and the
 * calls at integer corners, where bilinear is nearest.
 * test/bilinear.test.ts runs them on the Node backends and test/browser/bilinear_suite.ts in
 * Chromium; both check every result with test/helpers/bilinear_check.ts against the same
 * references.
 */
import {sensorImage, type SensorCase} from './sensor_reference';
import {sensorOptions} from './sensor_cases';

/**
 * A sensor case on the one bilinear image; `locations` are extractGlimpse's offsets too (one
 * per image).
 */
export interface BilinearCase extends Omit<SensorCase, 'shape' | 'imageSeed'> {
  /** 'glimpse': extractGlimpse; 'sensor': glimpseSensor. */
  op: 'glimpse' | 'sensor';
  /** extractGlimpse's placement version. */
  version: 1 | 2;
}

export const BILINEAR_SHAPE: [number, number, number, number] = [3, 11, 13, 2];
export const BILINEAR_IMAGE = sensorImage(BILINEAR_SHAPE, 23);
export const BILINEAR_SEED = 7;
export const OTHER_BILINEAR_SEED = 8;

/** extractGlimpse's offsets per placement: fractional corners inside, across a border, far outside. */
function offsetsFor(centered: boolean, normalized: boolean): number[][] {
  if (normalized && centered)
    return [
      [0.13, -0.37],
      [-0.93, 0.71],
      [0.05, 1.6],
    ];
  if (normalized)
    return [
      [0.33, 0.41],
      [0.05, 0.93],
      [0.62, 1.9],
    ];
  if (centered)
    return [
      [-2.3, 1.6],
      [-6.25, 4.7],
      [3.5, -18.1],
    ];
  return [
    [2.3, 4.6],
    [-1.25, 9.7],
    [7.5, -23.1],
  ];
}

/** The sensor's normalized spots: fractional corners inside, across a border, outside, unreachable. */
const SPOTS = [
  [0.11, -0.23],
  [-0.87, 0.66],
  [0.52, 0.91],
  [0.41, 0.05],
  [2.5, -3.1],
  [NaN, 0.2],
];

/** An extractGlimpse case: a 4x5 window at the placement's offsets, one per image. */
const glimpseCase = (
  version: 1 | 2,
  centered: boolean,
  normalized: boolean,
  padding: BilinearCase['padding'],
): BilinearCase => ({
  name: `glimpse.V${version}.c${+centered}n${+normalized}.${padding}`,
  op: 'glimpse',
  locations: offsetsFor(centered, normalized).map(o => [o]),
  size: [4, 5],
  scales: 1,
  scaleFactor: 1,
  centered,
  normalized,
  padding,
  version,
});

function table(): BilinearCase[] {
  const out: BilinearCase[] = [];
  for (const version of [1, 2] as const) {
    for (const centered of [true, false]) {
      for (const normalized of [true, false]) {
        for (const padding of [
          'zero',
          ...(centered && normalized ? (['uniform', 'gaussian'] as const) : []),
        ] as const) {
          out.push(glimpseCase(version, centered, normalized, padding));
        }
      }
    }
  }
  // extractGlimpse with an image padding (options.padding): reflection far past the left of
  // the image (V2 pixels) and edge past the right (V1), bilinear.
  for (const [version, centered, normalized, padding] of [
    [2, false, false, 'reflection'],
    [1, true, true, 'edge'],
  ] as const) {
    out.push(glimpseCase(version, centered, normalized, padding));
  }
  const configs = [
    [1, 2, 1, true, true],
    [3, 2, 2, true, true],
    [2, 3, 3, true, true],
    [2, 3, 1, false, true],
    [2, 2, 3, true, false],
  ] as const;
  let k = 0;
  for (const padding of ['zero', 'edge', 'uniform', 'gaussian', 'reflection'] as const) {
    // Reflection: three of the configurations (windows up to 18x12 on the 11x13 image).
    for (const [scales, scaleFactor, n, centered, normalized] of padding === 'reflection'
      ? configs.slice(1, 4)
      : configs) {
      const pixels = normalized ? 1 : 5;
      out.push({
        name: `sensor.${padding}.k${scales}f${scaleFactor}n${n}.c${+centered}n${+normalized}`,
        op: 'sensor',
        locations: [0, 1, 2].map(b =>
          Array.from({length: n}, (_, l) => SPOTS[(b * 2 + l + k) % SPOTS.length].map(v => v * pixels)),
        ),
        size: [3, 2],
        scales,
        scaleFactor,
        centered,
        normalized,
        padding,
        version: 2,
      });
      k++;
    }
  }
  return out;
}

export const BILINEAR_CASES: readonly BilinearCase[] = table();

export const isNoisy = (c: BilinearCase): boolean => c.padding === 'uniform' || c.padding === 'gaussian';

/** The output's shape: `[B, h, w, C]` (extractGlimpse) or `[B, n, k, h, w, C]`. */
export function bilinearShape(c: BilinearCase): number[] {
  const [B, , , C] = BILINEAR_SHAPE;
  return c.op === 'glimpse' ? [B, ...c.size, C] : [B, c.locations[0].length, c.scales, ...c.size, C];
}

/** The weights of the loss sum(output * dy) every suite differentiates. */
export const bilinearDy = (shape: number[]): Float32Array => sensorImage(shape, 41).map(v => v / 100);

/** glimpseSensor's options for a sensor case, drawing with `seed` (whatever the padding). */
export const sensorOptionsOf = (c: BilinearCase, seed = BILINEAR_SEED) => ({
  ...sensorOptions(c, seed),
  seed,
  interpolation: 'bilinear' as const,
});

/** An image padding (extractGlimpse's options.padding): outside positions read the image. */
const imagePadding = (padding: BilinearCase['padding']): padding is 'edge' | 'reflection' =>
  padding === 'edge' || padding === 'reflection';

/**
 * extractGlimpse's noise argument for a glimpse case: its padding, or with an image padding a
 * noise that must not apply (the padding overrides it).
 */
export const glimpseNoiseOf = (c: BilinearCase): 'zero' | 'uniform' | 'gaussian' =>
  imagePadding(c.padding) ? 'uniform' : c.padding;

/** extractGlimpse's options (its last argument) for a glimpse case, drawing with `seed`. */
export const glimpseOptionsOf = (c: BilinearCase, seed = BILINEAR_SEED) => ({
  version: c.version,
  interpolation: 'bilinear' as const,
  seed,
  ...(imagePadding(c.padding) ? {padding: c.padding} : {}),
});

/**
 * A call at integer corners (pixel offsets, not centered: the corner is the offset itself, whole
 * pixels, some outside), where the bilinear glimpse must be the nearest one bit for bit.
 */
export interface IntegerCornerCase {
  name: string;
  op: 'glimpse' | 'sensor';
  /** `[B, 2]`: extractGlimpse's offsets, or glimpseSensor's one location per image. */
  locations: number[][];
  size: [number, number];
  /** extractGlimpse's noise, or glimpseSensor's padding. */
  padding: 'zero' | 'edge' | 'reflection' | 'uniform' | 'gaussian';
  /** extractGlimpse's options.padding, which overrides its noise. */
  imagePadding?: 'edge' | 'reflection';
  scales: number;
  seed: number;
}

/**
 * The integer-corner calls, on BILINEAR_IMAGE: extractGlimpse for each noise and image padding,
 * glimpseSensor for each padding.
 */
export const INTEGER_CORNER_CASES: readonly IntegerCornerCase[] = [
  ...(['zero', 'uniform', 'gaussian'] as const).map(padding => ({
    name: `extractGlimpse, ${padding} noise`,
    op: 'glimpse' as const,
    locations: [
      [2, 3],
      [-2, 9],
      [8, -1],
    ],
    size: [4, 5] as [number, number],
    padding,
    scales: 1,
    seed: 5,
  })),
  {
    name: 'extractGlimpse, uniform noise, corners past the top and the right',
    op: 'glimpse',
    locations: [
      [2, -1],
      [-3, 8],
      [5, 5],
    ],
    size: [4, 5],
    padding: 'uniform',
    scales: 1,
    seed: 3,
  },
  ...(['edge', 'reflection'] as const).map(imagePadding => ({
    name: `extractGlimpse, ${imagePadding} padding over uniform noise, corners past one reflection`,
    op: 'glimpse' as const,
    locations: [
      [-14, 3],
      [2, 20],
      [9, -30],
    ],
    size: [4, 5] as [number, number],
    padding: 'uniform' as const,
    imagePadding,
    scales: 1,
    seed: 5,
  })),
  ...(['zero', 'edge', 'reflection', 'uniform', 'gaussian'] as const).map(padding => ({
    name: `glimpseSensor, ${padding} padding`,
    op: 'sensor' as const,
    locations: [
      [3, 4],
      [-6, 2],
      [1, 20],
    ],
    size: [2, 3] as [number, number],
    padding,
    scales: 3,
    seed: 9,
  })),
];

/** The output's length: `B * h * w * C` (extractGlimpse) or `B * k * h * w * C` (glimpseSensor, one location). */
export const integerCornerLength = (c: IntegerCornerCase): number =>
  BILINEAR_SHAPE[0] * c.scales * c.size[0] * c.size[1] * BILINEAR_SHAPE[3];

/**
 * The options of an integer-corner call, nearest (the default) or bilinear: glimpseSensor's, or
 * extractGlimpse's last argument (its noise and placement are arguments of their own).
 */
export const integerCornerOptions = (c: IntegerCornerCase, interpolation: 'nearest' | 'bilinear') => ({
  ...(c.op === 'sensor'
    ? {size: c.size, scales: c.scales, centered: false, normalized: false, padding: c.padding}
    : c.imagePadding
      ? {padding: c.imagePadding}
      : {}),
  seed: c.seed,
  ...(interpolation === 'bilinear' ? {interpolation} : {}),
});
