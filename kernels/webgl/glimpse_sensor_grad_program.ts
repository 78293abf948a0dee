/**
 * The glimpse sensor's backward program: one image pixel per fragment, gathering `dy / s^2`
 * from every block that sampled it (docs/semantics.md, "The glimpse sensor"). The JS
 * (kernels/cpu/glimpse_sensor_grad_impl.ts), GLSL (here) and WGSL (kernels/webgpu) copies
 * move together.
 */
import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {SENSOR_UNIFORMS} from '../gpu/sensor_uniforms';
import {NEIGHBOUR_WEIGHTS, WEIGHTS_CODE} from '../gpu/bilinear_weights';
import {BLOCK_SIDE} from '../gpu/block_sums';
import {SENSOR_CORNER_OF} from '../gpu/corner_readers';
import {ROW_COL} from '../gpu/row_col';
import {snippetsIn} from '../gpu/shader_snippet';
import {uniformsDecl} from './uniforms';

/**
 * The window rows [lo, hi] (or columns) that read image row `pixel` of an axis ending at
 * `last`, for a window from `start` of `side` rows: the one row `pixel - start`, and with
 * edge padding on a border also every row beyond it, clamped onto it. Empty when lo > hi.
 */
const SAMPLED_BY = `
struct Span {
  int lo;
  int hi;
};

Span sampledBy(int pixel, int start, int side, int last) {
  int lo = edgePadding == 1 && pixel == 0 ? 0 : pixel - start;
  int hi = edgePadding == 1 && pixel == last ? side - 1 : pixel - start;
  return Span(lo < 0 ? 0 : lo, hi > side - 1 ? side - 1 : hi);
}

// How many of block t's rows [t*s, t*s + s) lie in the span (exact in float below 2^24).
float rowsIn(int t, int s, Span span) {
  return min(float(span.hi), float(t * s + s - 1)) - max(float(span.lo), float(t * s)) + 1.0;
}
`;

/**
 * Windows and scales in the cpu's order. A window is a translation, so without edge
 * padding a pixel lies in at most one block of it; on an edge-padded border it may take
 * several blocks, each with its count of clamped samples. A bilinear window gathers from
 * its four whole-pixel neighbours, each times its weight. GLSL ES 1.00 loops need constant
 * bounds: the shapes, with a break.
 */
/**
 * The gather from one window whose top-left is (rowStart, colStart), `scaled` the factor
 * before dy (empty for weight 1); `continue` moves on to the next window.
 */
function gatherGlsl(h: number, w: number, rowStart: string, colStart: string, scaled: string): string {
  return `
        Span rows = sampledBy(row, ${rowStart}, ${h} * s, lastRow);
        Span cols = sampledBy(col, ${colStart}, ${w} * s, lastCol);
        if (rows.lo > rows.hi || cols.lo > cols.hi) continue;
        float area = float(s) * float(s);
        for (int rowStep = 0; rowStep < ${h}; rowStep++) {
          int blockRow = rows.lo / s + rowStep;
          if (blockRow * s > rows.hi) break;
          float rowCount = rowsIn(blockRow, s, rows);
          for (int colStep = 0; colStep < ${w}; colStep++) {
            int blockCol = cols.lo / s + colStep;
            if (blockCol * s > cols.hi) break;
            sum += ${scaled}getDy(b, l, scale, blockRow, blockCol, c) / area * (rowCount * rowsIn(blockCol, s, cols));
          }
        }`;
}

/**
 * Nearest gathers from the one window; bilinear from its four neighbours in turn, each times
 * its weight (GLSL ES 1.00 cannot index a vec4 by i). Nearest's shader has no neighbour loop:
 * SwiftShader runs its work even when three of the four weights are 0.
 */
function windowsGlsl(h: number, w: number, bilinear: boolean): string {
  if (!bilinear) return gatherGlsl(h, w, 'int(corner.row)', 'int(corner.col)', '');
  return `
      RowCol f = fractionOf(b, l, scale);
      vec4 weights = neighbourWeights(f.row, f.col, ${WEIGHTS_CODE.value});
      for (int i = 0; i < 4; i++) {
        float weight = i == 0 ? weights.x : (i == 1 ? weights.y : (i == 2 ? weights.z : weights.w));
        if (weight == 0.0) continue;
        ${gatherGlsl(h, w, 'int(corner.row) + i / 2', 'int(corner.col) + i - 2 * (i / 2)', 'weight * ')}
      }`;
}

function mainGlsl([, n, k, h, w]: number[], bilinear: boolean): string {
  return `
void main() {
  ivec4 coords = getOutputCoords();
  int b = coords[0];
  int row = coords[1];
  int col = coords[2];
  int c = coords[3];
  int lastRow = int(imageHeight) - 1;
  int lastCol = int(imageWidth) - 1;
  float sum = 0.0;
  for (int l = 0; l < ${n}; l++) {
    for (int scale = 0; scale < ${k}; scale++) {
      RowCol corner = cornerOf(b, l, scale);
      if (!found(corner)) continue;
      int s = blockSide(scale);
      ${windowsGlsl(h, w, bilinear)}
    }
  }
  setOutput(sum);
}
`;
}

/** `d images` `[B, H, W, C]`. Inputs `Dy` `[B, n, k, h, w, C]` and `Corners`; uniforms SENSOR_UNIFORMS. */
export class GlimpseSensorGradProgram implements GPGPUProgram {
  variableNames = ['Dy', 'Corners'];
  uniformDecls = SENSOR_UNIFORMS;
  customUniforms = uniformsDecl(this.uniformDecls);
  userCode: string;
  constructor(
    public outputShape: number[],
    dyShape: number[],
    bilinear: boolean,
  ) {
    this.userCode =
      snippetsIn('glsl', [ROW_COL, SENSOR_CORNER_OF, NEIGHBOUR_WEIGHTS, BLOCK_SIDE]) +
      SAMPLED_BY +
      mainGlsl(dyShape, bilinear);
  }
}
