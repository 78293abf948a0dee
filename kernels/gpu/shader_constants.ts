/**
 * The numbers the GPU programs share with the JS reference, defined once: each value (from
 * src/ where the JS uses it too) with the literal both GLSL and WGSL read (a float with its
 * decimal point or exponent, a uint with its `u`). The programs interpolate the literals;
 * test/shader_constants.test.ts checks each against its value and that no shader types one
 * by hand.
 */
import {FENCE_LIMIT, PCG, UNIFORM_STEPS} from '../../src/noise_random';
import {INT64_LIMIT} from '../../src/window_geometry';

export interface ShaderConstant {
  value: number;
  literal: string;
}

export const SHADER_CONSTANTS = {
  /** src/noise_random.ts `pcgHash`. */
  pcgStateMultiplier: {value: PCG.stateMultiplier, literal: '747796405u'},
  pcgIncrement: {value: PCG.increment, literal: '2891336453u'},
  pcgWordMultiplier: {value: PCG.wordMultiplier, literal: '277803737u'},
  /** 2^24: the steps of a uniform draw (src/noise_random.ts), and where float32 stops holding every integer. */
  twoPow24: {value: UNIFORM_STEPS, literal: '16777216.0'},
  /** src/window_geometry.ts: past it, TF's float -> int64 conversion is out of range. */
  int64Limit: {value: INT64_LIMIT, literal: '9.223372036854775808e18'},
  /** src/noise_random.ts `fence`: float32 steps are kept within +-FENCE_LIMIT. */
  fence: {value: FENCE_LIMIT, literal: '3.0e38'},
  /** 2^25: the glimpse sensor clamps a found corner to +-2^25 (GPU programs only), past any 2^24 window or image. */
  cornerClamp: {value: 2 ** 25, literal: '33554432.0'},
  /** 2 pi, the Box-Muller angle's turn (src/noise_random.ts `2 * Math.PI`). */
  twoPi: {value: 2 * Math.PI, literal: '6.283185307179586'},
  /** Below it, a corners program's row is the far-outside sentinel: no window was found. */
  foundAbove: {value: -1e8, literal: '-1.0e8'},
  /** A row or column far outside any image (GPU programs only): every one it leads to is negative. */
  farOutside: {value: -1e9, literal: '-1.0e9'},
} as const satisfies Record<string, ShaderConstant>;

/** The literals by name, for the shader texts. */
export const K = Object.fromEntries(Object.entries(SHADER_CONSTANTS).map(([k, c]) => [k, c.literal])) as {
  readonly [N in keyof typeof SHADER_CONSTANTS]: string;
};
