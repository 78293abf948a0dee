/**
 * The glimpse sensor's backward program: one image pixel per invocation, gathering
 * `dy / s^2` from every block that sampled it (docs/semantics.md, "The glimpse sensor").
 * Its text is constant: shapes come from the backend's shape uniforms. The JS
 * (kernels/cpu/glimpse_sensor_grad_impl.ts), GLSL (kernels/webgl) and WGSL (here) copies
 * move together.
 */
import {SENSOR_UNIFORMS} from '../gpu/sensor_uniforms';
import {FlatProgram, variantKey} from './flat_program';
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
const SAMPLED_BY_WGSL = `
struct Span {
  lo : i32,
  hi : i32,
}

fn sampledBy(pixel : i32, start : i32, side : i32, last : i32) -> Span {
  let lo = select(pixel - start, 0, uniforms.edgePadding == 1 && pixel == 0);
  let hi = select(pixel - start, side - 1, uniforms.edgePadding == 1 && pixel == last);
  return Span(max(lo, 0), min(hi, side - 1));
}

// How many of block t's rows [t*s, t*s + s) lie in the span (exact in float below 2^24).
fn rowsIn(t : i32, s : i32, span : Span) -> f32 {
  return min(f32(span.hi), f32(t * s + s - 1)) - max(f32(span.lo), f32(t * s)) + 1.0;
}
`;

/**
 * The gather from one window whose top-left is (rowStart, colStart), `scaled` the factor
 * before dy (empty for weight 1); `continue` moves on to the next window. A window is a
 * translation, so without edge padding a pixel lies in at most one block of it; on an
 * edge-padded border it may take several blocks, each with its count of clamped samples.
 */
function gatherWgsl(rowStart: string, colStart: string, scaled: string): string {
  return `
          let rows = sampledBy(row, ${rowStart}, h * s, lastRow);
          let cols = sampledBy(col, ${colStart}, w * s, lastCol);
          if (rows.lo > rows.hi || cols.lo > cols.hi) { continue; }
          let area = f32(s) * f32(s);
          for (var blockRow = rows.lo / s; blockRow * s <= rows.hi; blockRow++) {
            let rowCount = rowsIn(blockRow, s, rows);
            for (var blockCol = cols.lo / s; blockCol * s <= cols.hi; blockCol++) {
              sum += ${scaled}getDy(b, l, scale, blockRow, blockCol, c) / area * (rowCount * rowsIn(blockCol, s, cols));
            }
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
    let lastRow = i32(uniforms.imageHeight) - 1;
    let lastCol = i32(uniforms.imageWidth) - 1;
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
      snippetsIn('wgsl', [ROW_COL, SENSOR_CORNER_OF, NEIGHBOUR_WEIGHTS, BLOCK_SIDE]) +
      SAMPLED_BY_WGSL +
      main(this.variant.bilinear)
    );
  }
}
