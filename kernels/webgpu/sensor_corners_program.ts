/**
 * The glimpse sensor's corners program: the window corner of every (image, location, scale),
 * placed as ExtractGlimpseV2 places a window of that scale's size (docs/semantics.md, "The
 * glimpse sensor"), computed once and read by the forward and backward programs. The JS
 * (src/window_geometry.ts) and the shader copies (kernels/gpu/window_placement.ts) move together.
 */
import {SENSOR_UNIFORMS} from '../gpu/sensor_uniforms';
import {FlatProgram} from './flat_program';
import {uniformsDecl} from './uniforms';
import {BLOCK_SIDE} from '../gpu/block_sums';
import {K} from '../gpu/shader_constants';
import {snippetsIn} from '../gpu/shader_snippet';
import {ROW_COL} from '../gpu/row_col';
import {REFLECT_CORNER} from '../gpu/padding_index';
import {FENCE, PLACE_AXIS} from '../gpu/window_placement';

/**
 * The corner and its fractions as src/window_geometry.ts `windowCorner` (nearest: fractions 0)
 * or `subpixelCorner` (bilinear: the floor and the fractions); the corner's row and col -1e9
 * (below any clamped corner) for NaN, infinite or past int64 (a fenced overflow lands there
 * too). A found corner is stored as its padding mode needs it (kernels/gpu/padding_index.ts
 * `paddedCorner`): reflection's reduced exactly by its axis's period, the others' clamped
 * to +-2^25 when far outside.
 */
const SENSOR_CORNER_WGSL = `
struct FloorSplit {
  whole : f32,
  fraction : f32,
}

fn splitFloor(v : f32) -> FloorSplit {
  let floorV = floor(v);
  let fraction = v - floorV;
  if (fraction >= 1.0) { return FloorSplit(floorV + 1.0, 0.0); }
  return FloorSplit(floorV, fraction);
}

struct SensorCorner {
  corner : RowCol,
  fraction : RowCol,
}

fn sensorCorner(b : i32, l : i32, scale : i32) -> SensorCorner {
  let none = SensorCorner(RowCol(${K.farOutside}, ${K.farOutside}), RowCol(0.0, 0.0));
  let locationRow = getLocations(b, l, 0);
  let locationCol = getLocations(b, l, 1);
  if (isnan(locationRow) || isinf(locationRow) || isnan(locationCol) || isinf(locationCol)) { return none; }
  let s = f32(blockSide(scale));
  let top = placeAxis(locationRow, uniforms.imageHeight, uniforms.glimpseHeight * s);
  let left = placeAxis(locationCol, uniforms.imageWidth, uniforms.glimpseWidth * s);
  if (!(abs(top) < ${K.int64Limit} && abs(left) < ${K.int64Limit})) { return none; }
  var whole = RowCol(truncTowardZero(top), truncTowardZero(left));
  var fraction = RowCol(0.0, 0.0);
  if (uniforms.bilinear == 1) {
    let row = splitFloor(top);
    let col = splitFloor(left);
    whole = RowCol(row.whole, col.whole);
    fraction = RowCol(row.fraction, col.fraction);
  }
  let mode = uniforms.paddingMode;
  let cornerRow = paddedCorner(whole.row, uniforms.imageHeight, mode);
  return SensorCorner(RowCol(cornerRow, paddedCorner(whole.col, uniforms.imageWidth, mode)), fraction);
}
`;

/** The corners' layout (kernels/gpu/corner_readers.ts): row, col, then the fractions row, col. */
const MAIN = `
fn main(index : i32) {
  if (index < uniforms.size) {
    let coords = getCoordsFromIndex(index);
    let placed = sensorCorner(coords[0], coords[1], coords[2]);
    let i = coords[3];
    var pair = placed.corner;
    if (i >= 2) { pair = placed.fraction; }
    setOutputAtIndex(index, select(pair.col, pair.row, i == 0 || i == 2));
  }
}
`;

/** `[batch, n, k, 4]` window corners and fractions from `[batch, n, 2]` locations. Uniforms: SENSOR_UNIFORMS. */
export class SensorCornersProgram extends FlatProgram {
  variableNames = ['Locations'];
  uniformDecls = SENSOR_UNIFORMS;
  uniforms = uniformsDecl(this.uniformDecls);
  shaderKey = 'glimpseSensorCorners';
  getUserCode(): string {
    return snippetsIn('wgsl', [ROW_COL, FENCE, PLACE_AXIS, BLOCK_SIDE, REFLECT_CORNER]) + SENSOR_CORNER_WGSL + MAIN;
  }
}
