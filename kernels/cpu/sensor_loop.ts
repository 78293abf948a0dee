/**
 * The glimpse sensor's windows in output order, `[b, l, scale]`, shared by the forward and
 * backward passes: each window's image, location index, scale, its location `(y, x)`, its
 * placement and the offset of its glimpse in the `[B, n, k, h, w, C]` output (or dy).
 */
import type {SensorCall} from '../../src/sensor_prelude';
import type {WindowParams} from '../../src/window_geometry';

export type WindowVisit = (
  b: number,
  l: number,
  scale: number,
  ly: number,
  lx: number,
  params: WindowParams,
  o: number,
) => void;

export function forEachWindow(call: SensorCall, locations: ArrayLike<number>, visit: WindowVisit): void {
  const [batch, n, k, h, w, channels] = call.shape;
  const glimpseSize = h * w * channels;
  const params = Array.from({length: k}, (_, i) => call.windowParams(i));
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let l = 0; l < n; l++) {
      const ly = locations[2 * (b * n + l)];
      const lx = locations[2 * (b * n + l) + 1];
      for (let scale = 0; scale < k; scale++, o += glimpseSize) visit(b, l, scale, ly, lx, params[scale], o);
    }
  }
}
