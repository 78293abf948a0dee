/**
 * The glimpse sensor's backward program: one image pixel per invocation, gathering
 * `dy / s^2` from every block that sampled it, once per sample of the block that read it
 * under the padding mode (docs/semantics.md, "The glimpse sensor"). Its text is constant:
 * shapes come from the backend's shape uniforms. The JS (kernels/cpu/glimpse_sensor_grad_impl.ts),
 * GLSL (kernels/webgl) and WGSL (here) copies move together.
 */
import {SENSOR_UNIFORMS} from '../gpu/sensor_uniforms';
import {FlatProgram, variantKey} from './flat_program';
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
 */
function gatherWgsl(rowStart: string, colStart: string, scaled: string): string {
  return `
          let top = ${rowStart};
          let left = ${colStart};
          let bottom = top + h * s - 1;
          let right = left + w * s - 1;
          let firstRow = nextHit(row, height, mode, top, bottom);
          let firstCol = nextHit(col, width, mode, left, right);
          if (firstRow > bottom || firstCol > right) { continue; }
          let area = f32(s) * f32(s);
          var hitRow = firstRow;
          loop {
            let blockRow = (hitRow - top) / s;
            let rowFrom = top + blockRow * s;
            let rowCount = f32(hitCount(row, height, mode, rowFrom, rowFrom + s - 1));
            var hitCol = firstCol;
            loop {
              let blockCol = (hitCol - left) / s;
              let colFrom = left + blockCol * s;
              let colCount = f32(hitCount(col, width, mode, colFrom, colFrom + s - 1));
              sum += ${scaled}getDy(b, l, scale, blockRow, blockCol, c) / area * (rowCount * colCount);
              hitCol = nextHit(col, width, mode, colFrom + s, right);
              if (hitCol > right) { break; }
            }
            hitRow = nextHit(row, height, mode, rowFrom + s, bottom);
            if (hitRow > bottom) { break; }
          }`;
}

/**
 * Nearest gathers from the one window; bilinear from its four neighbours in turn, each times
 * its weight. Nearest's shader has no neighbour loop: SwiftShader runs its work even when
 * three of the four weights are 0.
 */
function windowsWgsl(bilinear: boolean): string {
  if (!bilinear) return gatherWgsl('i32(corner.row)', 'i32(corner.col)', '');
  return `
        let f = fractionOf(b, l, scale);
        let weights = neighbourWeights(f.row, f.col, ${WEIGHTS_CODE.value});
        for (var i = 0; i < 4; i++) {
          let weight = weights[i];
          if (weight == 0.0) { continue; }
          ${gatherWgsl('i32(corner.row) + i / 2', 'i32(corner.col) + i % 2', 'weight * ')}
        }`;
}

/** Windows and scales in the cpu's order. */
const main = (bilinear: boolean) => `
fn main(index : i32) {
  if (index < uniforms.size) {
    let coords = getCoordsFromIndex(index);
    let b = coords[0];
    let row = coords[1];
    let col = coords[2];
    let c = coords[3];
    let n = uniforms.dyShape.y;
    let k = uniforms.dyShape.z;
    let h = uniforms.dyShape.w;
    let w = uniforms.dyShape.u;
    let height = i32(uniforms.imageHeight);
    let width = i32(uniforms.imageWidth);
    let mode = uniforms.paddingMode;
    var sum = 0.0;
    for (var l = 0; l < n; l++) {
      for (var scale = 0; scale < k; scale++) {
        let corner = cornerOf(b, l, scale);
        if (!found(corner)) { continue; }
        let s = blockSide(scale);
        ${windowsWgsl(bilinear)}
      }
    }
    setOutputAtIndex(index, sum);
  }
}
`;

/** `d images` `[B, H, W, C]`. Inputs `Dy` `[B, n, k, h, w, C]` and `Corners`; uniforms SENSOR_UNIFORMS. */
export class GlimpseSensorGradProgram extends FlatProgram {
  variableNames = ['Dy', 'Corners'];
  uniformDecls = SENSOR_UNIFORMS;
  uniforms = uniformsDecl(this.uniformDecls);
  shaderKey: string;

  private readonly variant: {bilinear: boolean};

  constructor(outputShape: number[], bilinear: boolean) {
    super(outputShape);
    this.variant = {bilinear};
    this.shaderKey = variantKey('glimpseSensorGrad', this.variant);
  }

  getUserCode(): string {
    return (
      snippetsIn('wgsl', [ROW_COL, SENSOR_CORNER_OF, NEIGHBOUR_WEIGHTS, BLOCK_SIDE, SOURCE_INDEX, SOURCE_HITS]) +
      main(this.variant.bilinear)
    );
  }
}
