/**
 * The uniforms of the glimpse sensor's GPU programs, shared by webgl and webgpu
 * (docs/semantics.md, "The glimpse sensor"): the placement of scale 0's window (each program
 * multiplies the glimpse size by the scale's block side), the scale factor and the padding.
 */
import type {SensorCall} from '../../src/sensor_prelude';
import type {WeightsOf} from '../../src/bilinear';
import {PADDING_CODE} from '../../src/padding_mode';
import {WEIGHTS_CODE} from './bilinear_weights';
import {PLACEMENT_UNIFORMS, placementValues, type UniformDecl, type UniformNames, type UniformValues} from './uniforms';

export const SENSOR_UNIFORMS = [
  ...PLACEMENT_UNIFORMS,
  {name: 'scaleFactor', type: 'int'},
  /** What samples outside the image read: src/padding_mode.ts's PADDING_CODE (kernels/gpu/padding_index.ts). */
  {name: 'paddingMode', type: 'int'},
  /** 1: windows at their unrounded corner, as the weighted sum of four whole-pixel neighbours. */
  {name: 'bilinear', type: 'int'},
  /** The forward program's neighbour weights (src/bilinear.ts), as kernels/gpu/bilinear_weights.ts's WEIGHTS_CODE. */
  {name: 'weightsOf', type: 'int'},
] as const satisfies readonly UniformDecl[];

export type SensorValues = UniformValues<UniformNames<typeof SENSOR_UNIFORMS>>;

/** Values of SENSOR_UNIFORMS; refuses extents the GPU arithmetic cannot keep exact. */
export function sensorValues(call: SensorCall, weightsOf: WeightsOf = 'value'): SensorValues {
  // The last scale's window is the largest: if it fits, every scale does.
  placementValues(call.windowParams(call.attrs.scales - 1), call.opName);
  return {
    ...placementValues(call.windowParams(0), call.opName),
    scaleFactor: call.attrs.scaleFactor,
    paddingMode: PADDING_CODE[call.attrs.padding],
    bilinear: call.attrs.interpolation === 'bilinear' ? 1 : 0,
    weightsOf: WEIGHTS_CODE[weightsOf],
  };
}
