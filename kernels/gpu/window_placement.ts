/**
 * The window placement of src/window_geometry.ts, step for step, for the corners programs of
 * extractGlimpse and the glimpse sensor (which places each scale's window with the same
 * steps). GLSL ES 3.00 and WGSL round + - * correctly, and halving is `* 0.5`, exact, where
 * TF divides by 2.
 */
import {K} from './shader_constants';
import type {ShaderSnippet} from './shader_snippet';

/**
 * A float32 step: a clamp between steps keeps a compiler from fusing a product into the next
 * add (one rounding instead of two), and turns a float32 overflow into a huge value.
 */
export const FENCE: ShaderSnippet = {
  defines: ['fence'],
  mirrors: 'src/noise_random.ts#fence',
  glsl: `
float fence(float v) { return clamp(v, -${K.fence}, ${K.fence}); }
`,
  wgsl: `
fn fence(v : f32) -> f32 { return clamp(v, -${K.fence}, ${K.fence}); }
`,
};

/** One axis of the placement (uniforms PLACEMENT_UNIFORMS), and C's truncation toward zero. */
export const PLACE_AXIS: ShaderSnippet = {
  defines: ['placeAxis', 'truncTowardZero'],
  mirrors: 'src/window_geometry.ts#placeAxis',
  glsl: `
float placeAxis(float offset, float size, float glimpse) {
  float v = offset;
  if (placementScale == 1) v = fence(v * size);
  if (placementCenter == 1) v = fence(fence(v * 0.5) + size * 0.5);
  if (placementCenter == 2) v = fence(v + size * 0.5);
  if (placementSubtract == 1) v = fence(v - glimpse * 0.5);
  return v;
}

float truncTowardZero(float v) { return v >= 0.0 ? floor(v) : -floor(-v); }
`,
  wgsl: `
fn placeAxis(offset : f32, size : f32, glimpse : f32) -> f32 {
  var v = offset;
  if (uniforms.placementScale == 1) { v = fence(v * size); }
  if (uniforms.placementCenter == 1) { v = fence(fence(v * 0.5) + size * 0.5); }
  if (uniforms.placementCenter == 2) { v = fence(v + size * 0.5); }
  if (uniforms.placementSubtract == 1) { v = fence(v - glimpse * 0.5); }
  return v;
}

fn truncTowardZero(v : f32) -> f32 { return select(-floor(-v), floor(v), v >= 0.0); }
`,
};
