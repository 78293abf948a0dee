import {FETCH_CORNER_GLSL} from './window_glsl';

/**
 * The backward program: one input position per fragment. A window is a translation, so the
 * position (row, col) of image b was sampled at most once, by output (row - y0, col - x0);
 * it gets that `dy` value, or 0. The corners come from WindowCornersProgram, as forward.
 */
const MAIN = `
void main() {
  ivec4 coords = getOutputCoords();
  int b = coords[0];
  vec2 corner = windowCornerOf(b);
  float i = float(coords[1]) - corner.x;
  float j = float(coords[2]) - corner.y;
  if (i >= 0.0 && i < glimpseSize.x && j >= 0.0 && j < glimpseSize.y) {
    setOutput(getDy(b, int(i), int(j), coords[3]));
    return;
  }
  setOutput(0.0);
}
`;

export const GLIMPSE_GRAD_GLSL = FETCH_CORNER_GLSL + MAIN;
