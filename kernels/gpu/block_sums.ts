/**
 * The glimpse sensor's s x s blocks (docs/semantics.md, "The glimpse sensor"): a scale's block
 * side, for the corners, forward and backward programs, and the forward's block sum, as
 * kernels/cpu/sensor_window.ts adds a block (row-major from the first sample, so s = 1 gives
 * the sample, -0 included).
 */
import type {ShaderSnippet} from './shader_snippet';

/**
 * scaleFactor^scale. A non-empty call has a window side of at least 1, at most 2^24 pixels,
 * so a factor of 2 or more allows at most 24 scales past the first; a factor of 1 gives 1.
 */
export const BLOCK_SIDE: ShaderSnippet = {
  defines: ['blockSide'],
  mirrors: 'src/sensor_prelude.ts#blockSide',
  glsl: `
int blockSide(int scale) {
  int s = 1;
  for (int i = 0; i < 24; i++) {
    if (i >= scale) break;
    s *= scaleFactor;
  }
  return s;
}
`,
  wgsl: `
fn blockSide(scale : i32) -> i32 {
  var s = 1;
  for (var i = 0; i < 24; i++) {
    if (i >= scale) { break; }
    s *= uniforms.scaleFactor;
  }
  return s;
}
`,
};

/**
 * The block sum into `sum`, a statement list for the forward program's `main` or `blockMean`
 * (which define b, c, s, row0, col0, index0, windowRow and `sampleAt`). The noise counter is
 * the sample's flat index in a `[B, n, h*s, w*s, C]` glimpse; int arithmetic wraps as the
 * cpu's 32-bit counter does. GLSL ES 1.00 loops need a constant bound: 2^24, past any block
 * side; GLSL bakes the channel count in, as tfjs's webgl programs bake shapes.
 */
export const BLOCK_SUM = {
  glsl: (channels: number) => `
  float sum = 0.0;
  for (int a = 0; a < 16777216; a++) {
    if (a == s) break;
    for (int d = 0; d < 16777216; d++) {
      if (d == s) break;
      float v = sampleAt(b, row0 + a, col0 + d, c, index0 + a * windowRow + d * ${channels});
      sum = a == 0 && d == 0 ? v : sum + v;
    }
  }`,
  wgsl: `
    var sum = 0.0;
    for (var a = 0; a < s; a++) {
      for (var d = 0; d < s; d++) {
        let v = sampleAt(b, row0 + a, col0 + d, c, index0 + a * windowRow + d * channels);
        sum = select(sum + v, v, a == 0 && d == 0);
      }
    }`,
} as const;
