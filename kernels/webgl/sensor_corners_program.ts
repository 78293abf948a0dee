/**
 * The glimpse sensor's corners program: the window corner of every (image, location, scale),
 * placed as ExtractGlimpseV2 places a window of that scale's size (docs/semantics.md, "The
 * glimpse sensor"), computed once and read by the forward and backward programs. The JS
 * (src/window_geometry.ts) and the shader copies (kernels/gpu/window_placement.ts) move together.
 */
import type {GPGPUProgram} from '@tensorflow/tfjs-backend-webgl';
import {SENSOR_UNIFORMS} from '../gpu/sensor_uniforms';
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
const SENSOR_CORNER_GLSL = `
struct FloorSplit {
  float whole;
  float fraction;
};

FloorSplit splitFloor(float v) {
  float floorV = floor(v);
  float fraction = v - floorV;
  if (fraction >= 1.0) return FloorSplit(floorV + 1.0, 0.0);
  return FloorSplit(floorV, fraction);
}

struct SensorCorner {
  RowCol corner;
  RowCol fraction;
};

SensorCorner sensorCorner(int b, int l, int scale) {
  SensorCorner none = SensorCorner(RowCol(${K.farOutside}, ${K.farOutside}), RowCol(0.0, 0.0));
  float locationRow = getLocations(b, l, 0);
  float locationCol = getLocations(b, l, 1);
  if (isnan(locationRow) || isinf(locationRow) || isnan(locationCol) || isinf(locationCol)) return none;
  float s = float(blockSide(scale));
  float top = placeAxis(locationRow, imageHeight, glimpseHeight * s);
  float left = placeAxis(locationCol, imageWidth, glimpseWidth * s);
  if (!(abs(top) < ${K.int64Limit} && abs(left) < ${K.int64Limit})) return none;
  RowCol whole = RowCol(truncTowardZero(top), truncTowardZero(left));
  RowCol fraction = RowCol(0.0, 0.0);
  if (bilinear == 1) {
    FloorSplit row = splitFloor(top);
    FloorSplit col = splitFloor(left);
    whole = RowCol(row.whole, col.whole);
    fraction = RowCol(row.fraction, col.fraction);
  }
  float cornerRow = paddedCorner(whole.row, imageHeight, paddingMode);
  return SensorCorner(RowCol(cornerRow, paddedCorner(whole.col, imageWidth, paddingMode)), fraction);
}
`;

/** The corners' layout (kernels/gpu/corner_readers.ts): row, col, then the fractions row, col. */
const MAIN = `
void main() {
  ivec4 coords = getOutputCoords();
  SensorCorner placed = sensorCorner(coords[0], coords[1], coords[2]);
  int i = coords[3];
  RowCol pair = placed.corner;
  if (i >= 2) pair = placed.fraction;
  setOutput(i == 0 || i == 2 ? pair.row : pair.col);
}
`;

/** `[batch, n, k, 4]` window corners and fractions from `[batch, n, 2]` locations. Uniforms: SENSOR_UNIFORMS. */
export class SensorCornersProgram implements GPGPUProgram {
  variableNames = ['Locations'];
  uniformDecls = SENSOR_UNIFORMS;
  customUniforms = uniformsDecl(this.uniformDecls);
  userCode = snippetsIn('glsl', [ROW_COL, FENCE, PLACE_AXIS, BLOCK_SIDE, REFLECT_CORNER]) + SENSOR_CORNER_GLSL + MAIN;
  constructor(public outputShape: number[]) {}
}
