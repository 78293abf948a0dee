/**
 * The geometry uniforms of the GPU programs (webgl's window_glsl.ts, webgpu's
 * window_wgsl.ts), from the shared placement recipe, so they run exactly the steps of
 * window_geometry.ts.
 */
import {placementSteps, type WindowParams} from './window_geometry';

/** Images and glimpses up to this many pixels a side keep the GLSL arithmetic exact. */
export const GPU_MAX_EXTENT = 2 ** 24;

const CENTER_CODE = {none: 0, halve: 1, add: 2} as const;

/** `[[scale, center, subtract], [H, W], [h, w]]`; refuses extents the GPU arithmetic cannot keep exact. */
export function placementUniformValues(p: WindowParams, opName: string): number[][] {
  if (Math.max(p.imageHeight, p.imageWidth, p.glimpseHeight, p.glimpseWidth) > GPU_MAX_EXTENT) {
    throw new Error(`${opName}: the GPU kernels handle images and glimpses up to ${GPU_MAX_EXTENT} ` +
                    `pixels a side, got image [${p.imageHeight}, ${p.imageWidth}] and size ` +
                    `[${p.glimpseHeight}, ${p.glimpseWidth}]`);
  }
  const steps = placementSteps(p);
  return [
    [steps.scale ? 1 : 0, CENTER_CODE[steps.center], steps.subtractHalfWindow ? 1 : 0],
    [p.imageHeight, p.imageWidth],
    [p.glimpseHeight, p.glimpseWidth],
  ];
}
