/**
 * Where each output position of a glimpse copies from, given each window's integer top-left
 * corner: the plain copy that the references of the golden, gradient and generated-call
 * checks share, each finding its corners its own way.
 */

/**
 * Per output position of a `[B, h, w, C]` glimpse of a `[B, H, W, C]` image, the flat index of
 * the pixel it copies, or -1 where it is noise: outside the image, or in a window with no
 * corner (null).
 */
export function sourcesAtCorners(
  corners: ReadonlyArray<readonly [number, number] | null>,
  inputShape: readonly number[],
  size: readonly number[],
): Int32Array {
  const [B, H, W, C] = inputShape;
  const [h, w] = size;
  const sources = new Int32Array(B * h * w * C).fill(-1);
  for (let b = 0; b < B; b++) {
    const corner = corners[b];
    if (!corner) continue;
    const [oy, ox] = corner;
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const y = oy + i;
        const x = ox + j;
        if (y < 0 || y >= H || x < 0 || x >= W) continue;
        for (let c = 0; c < C; c++) sources[((b * h + i) * w + j) * C + c] = ((b * H + y) * W + x) * C + c;
      }
    }
  }
  return sources;
}
