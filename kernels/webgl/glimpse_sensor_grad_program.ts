/**
 * The glimpse sensor's backward program: one image pixel per fragment, gathering `dy / s^2`
 * from every block that sampled it, once per sample of the block that read it under the
 * padding mode (docs/semantics.md, "The glimpse sensor"). The JS
 * (kernels/cpu/glimpse_sensor_grad_impl.ts), GLSL (here) and WGSL (kernels/webgpu) copies
 * move together.
 */
import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {SENSOR_UNIFORMS} from '../gpu/sensor_uniforms';
import {NEIGHBOUR_WEIGHTS, WEIGHTS_CODE} from '../gpu/bilinear_weights';
import {BLOCK_SIDE} from '../gpu/block_sums';
import {SENSOR_CORNER_OF} from '../gpu/corner_readers';
import {ROW_COL} from '../gpu/row_col';
import {SOURCE_HITS, SOURCE_INDEX} from '../gpu/padding_index';
import {snippetsIn} from '../gpu/shader_snippet';
import {uniformsDecl} from './uniforms';

/**
 * The gather from one window whose top-left is (rowStart, colStart), `scaled` the factor
 * before dy (empty for weight 1); `continue` moves on to the next window. The window's blocks
 * that read the pixel, visited in order along each axis from one to the next
 * (padding_index.ts's nextHit), each with its count of samples on the pixel (hitCount): one
 * block inside the image; several on an edge-padded border, or wherever reflections land.
 * GLSL ES 1.00 loops need constant bounds: the shapes (a window has that many blocks), with a
 * break.
 */
function gatherGlsl(h: number, w: number, rowStart: string, colStart: string, scaled: string): string {
  return `
        int top = ${rowStart};
        int left = ${colStart};
        int bottom = top + ${h} * s - 1;
        int right = left + ${w} * s - 1;
        int firstRow = nextHit(row, height, paddingMode, top, bottom);
        int firstCol = nextHit(col, width, paddingMode, left, right);
        if (firstRow > bottom || firstCol > right) continue;
        float area = float(s) * float(s);
        int hitRow = firstRow;
        for (int rowStep = 0; rowStep < ${h}; rowStep++) {
          int blockRow = (hitRow - top) / s;
          int rowFrom = top + blockRow * s;
          float rowCount = float(hitCount(row, height, paddingMode, rowFrom, rowFrom + s - 1));
          int hitCol = firstCol;
          for (int colStep = 0; colStep < ${w}; colStep++) {
            int blockCol = (hitCol - left) / s;
            int colFrom = left + blockCol * s;
            float colCount = float(hitCount(col, width, paddingMode, colFrom, colFrom + s - 1));
            sum += ${scaled}getDy(b, l, scale, blockRow, blockCol, c) / area * (rowCount * colCount);
            hitCol = nextHit(col, width, paddingMode, colFrom + s, right);
            if (hitCol > right) break;
          }
          hitRow = nextHit(row, height, paddingMode, rowFrom + s, bottom);
          if (hitRow > bottom) break;
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

/** Windows and scales in the cpu's order. */
function mainGlsl([, n, k, h, w]: number[], bilinear: boolean): string {
  return `
void main() {
  ivec4 coords = getOutputCoords();
  int b = coords[0];
  int row = coords[1];
  int col = coords[2];
  int c = coords[3];
  int height = int(imageHeight);
  int width = int(imageWidth);
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
      snippetsIn('glsl', [ROW_COL, SENSOR_CORNER_OF, NEIGHBOUR_WEIGHTS, BLOCK_SIDE, SOURCE_INDEX, SOURCE_HITS]) +
      mainGlsl(dyShape, bilinear);
  }
}
