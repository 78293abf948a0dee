/**
 * One sensor window in its image at a whole-pixel corner: what the cpu sensor's forward and
 * backward passes need to find its samples, in one object instead of a run of positional
 * numbers. The window is `(h*s) x (w*s)` samples, averaged in `s x s` blocks to `h x w`.
 */
import type {SensorCall} from '../../src/sensor_prelude';
import type {WindowCorner} from '../../src/window_geometry';
import type {SensorPadding} from '../../src/padding_mode';

export interface ImageWindow {
  /** The image's first value in the batch's buffer. */
  base: number;
  /** The image's height, width and channels. */
  height: number;
  width: number;
  channels: number;
  /** The window's top-left sample; may lie outside the image. */
  corner: WindowCorner;
  /** The glimpse's height and width, and the scale's block side. */
  h: number;
  w: number;
  s: number;
  /** What outside samples read (src/padding_mode.ts). */
  padding: SensorPadding;
}

/** Image b's window of `scale` at `corner`. */
export function imageWindow(call: SensorCall, b: number, scale: number, corner: WindowCorner): ImageWindow {
  const [, , , h, w, channels] = call.shape;
  const {imageHeight: height, imageWidth: width} = call;
  const base = b * height * width * channels;
  const {padding} = call.attrs;
  return {base, height, width, channels, corner, h, w, s: call.blockSide(scale), padding};
}

/** How blocks lie in a source: the block side, the channels, and the distance between rows. */
export interface BlockLayout {
  s: number;
  channels: number;
  rowStride: number;
}

/** The window's blocks as they lie in its image. */
export function blockLayout(window: ImageWindow): BlockLayout {
  return {s: window.s, channels: window.channels, rowStride: window.width * window.channels};
}
