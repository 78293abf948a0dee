/**
 * The shared formulas of the sensor's forward program, in the order both languages' programs
 * concatenate them (kernels/webgl and kernels/webgpu glimpse_sensor_program.ts): with the noise
 * draws, or with their zero stand-ins where the padding draws none.
 */
import {NEIGHBOUR_WEIGHTS} from './bilinear_weights';
import {BLOCK_SIDE} from './block_sums';
import {SENSOR_CORNER_OF} from './corner_readers';
import {DRAWS, NOISE_AT, NO_SCALE_KEY, SCALE_KEY, ZERO_NOISE_AT} from './noise_draws';
import {SOURCE_INDEX} from './padding_index';
import {ROW_COL} from './row_col';
import type {ShaderSnippet} from './shader_snippet';
import {FENCE} from './window_placement';

export function sensorSnippets(drawsNoise: boolean): ShaderSnippet[] {
  const noise = drawsNoise ? [FENCE, DRAWS, SCALE_KEY, NOISE_AT] : [ZERO_NOISE_AT, NO_SCALE_KEY];
  return [ROW_COL, SENSOR_CORNER_OF, NEIGHBOUR_WEIGHTS, BLOCK_SIDE, SOURCE_INDEX, ...noise];
}
