"""Mixed batches ("batch_mix"), degenerate shapes ("shape") and empty outputs ("empty")."""
import numpy as np

from ..builder import index_img

F32 = np.float32
NAN, INF = float("nan"), float("inf")


def gen_batch_mix(cases):
    off_pix = [[1.0, 1.0], [-1.0, 3.0], [9.0, 9.0], [NAN, 1.0], [2.0, -2.0], [-7.0, 0.0]]
    off_norm = [[0.0, 0.0], [-0.9, 0.5], [3.0, -3.0], [0.1, NAN], [0.9, 0.9], [-1e30, 0.0]]
    for op in ("v1", "v2"):
        cases.add("batch_mix.%s.pixels.zero" % op, "batch_mix", op, index_img(6, 5, 6, 2), [3, 4], off_pix,
                  note="items: inside, partial top, fully outside, NaN, partial left, fully above")
        cases.add("batch_mix.%s.centered_normalized.zero" % op, "batch_mix", op, index_img(6, 6, 7, 1), [3, 3],
                  off_norm, c=True, n=True,
                  note="items: centre, partial, fully outside, NaN x, partial bottom-right, -1e30")
    item_shift = np.arange(6, dtype=F32).reshape(6, 1, 1, 1) * 10  # distinct bounds per item
    cases.add("batch_mix.v2.pixels.uniform", "batch_mix", "v2", cases.rand_img(6, 5, 6, 2) + item_shift,
              [3, 4], off_pix, noise="uniform",
              note="uniform noise, each item's bounds from its own image; inside items exact")
    cases.add("batch_mix.v1.centered_normalized.gaussian", "batch_mix", "v1",
              cases.rand_img(6, 6, 7, 2) * np.array([1, 5], F32) + item_shift,
              [3, 3], off_norm, c=True, n=True, noise="gaussian",
              note="gaussian noise per item and channel; NaN and -1e30 items all noise")


def gen_shape(cases):
    add = cases.add
    add("shape.larger.v2.centered_normalized", "shape", "v2", index_img(1, 4, 5, 2), [9, 11], [[0.0, 0.0]],
        c=True, n=True, note="glimpse bigger than the image on both axes")
    add("shape.larger.v2.pixels.negative_corner", "shape", "v2", index_img(1, 3, 3, 1), [8, 7], [[-3.0, -2.0]],
        note="glimpse bigger than the image, starting above-left: image in the middle")
    add("shape.larger.v1.pixels.offset", "shape", "v1", index_img(1, 3, 4, 1), [6, 10], [[1.0, 2.0]],
        note="V1 pixel: 1 - 3 = -2, 2 - 5 = -3")
    add("shape.larger.v2.centered_pixels", "shape", "v2", index_img(1, 2, 3, 1), [5, 8], [[-1.0, -1.0]], c=True,
        note="V2 centered pixels, no half-window shift")
    add("shape.image1x1.v1.defaults_zero.size1", "shape", "v1", [[[[7.5]]]], [1, 1], [[0.0, 0.0]], c=True, n=True,
        note="1x1 image, 1x1 glimpse at the centre: 0 + 0.5 - 0.5 = 0")
    add("shape.image1x1.v2.pixels.size3", "shape", "v2", [[[[7.5, -2.0]]]], [3, 3], [[-1.0, -1.0]],
        note="1x1 image, 2 channels, pixel in the middle of a 3x3 glimpse")
    add("shape.image1x1.v2.normalized.batch", "shape", "v2", index_img(3, 1, 1, 1), [2, 2],
        [[0.0, 0.0], [-0.5, -0.5], [0.99, 0.99]], n=True, note="1x1 image, normalized not centered")
    add("shape.glimpse1x1.v1.pixels.corners", "shape", "v1", index_img(5, 4, 6, 1), [1, 1],
        [[0.5, 0.5], [0.5, 5.5], [3.5, 0.5], [3.5, 5.5], [4.5, 6.5]],
        note="V1 1x1 glimpse: offset - 0.5; corner pixels, last one just outside")
    add("shape.glimpse1x1.v2.centered_normalized.corners", "shape", "v2", index_img(4, 4, 6, 1), [1, 1],
        [[-0.75, -5.0 / 6.0], [-0.75, 5.0 / 6.0], [0.75, -5.0 / 6.0], [0.75, 5.0 / 6.0]], c=True, n=True,
        note="1x1 glimpses at the four corner pixels")
    for C in range(1, 6):
        op = "v1" if C % 2 else "v2"
        add("shape.channels%d.%s.partial" % (C, op), "shape", op, index_img(1, 4, 5, C), [3, 3],
            [[2.5, -0.5]] if op == "v1" else [[2.0, -1.0]], note="%d channels, partial window" % C)
    add("shape.row_glimpse.v2.pixels", "shape", "v2", index_img(1, 5, 6, 1), [1, 8], [[2.0, -1.0]],
        note="1x8 glimpse")
    add("shape.col_glimpse.v1.centered_pixels", "shape", "v1", index_img(1, 6, 5, 1), [8, 1], [[0.0, 0.0]], c=True,
        note="8x1 glimpse, V1 centered pixels: 3 - 4 = -1, 2.5 - 0.5 = 2")
    add("shape.thin_image.v2.centered_normalized", "shape", "v2", index_img(1, 1, 9, 2), [3, 4], [[0.0, 0.5]],
        c=True, n=True, note="1x9 image")


def gen_empty(cases):
    add = cases.add
    add("empty.v1.size_h0", "empty", "v1", index_img(1, 5, 5, 1), [0, 3], [[0.0, 0.0]])
    add("empty.v2.size_w0", "empty", "v2", index_img(2, 5, 5, 1), [3, 0], [[0.0, 0.0], [1.0, 1.0]], c=True, n=True)
    add("empty.v2.size_00", "empty", "v2", index_img(1, 4, 4, 1), [0, 0], [[NAN, INF]],
        note="empty output, non-finite offsets")
    add("empty.v1.channels0", "empty", "v1", np.zeros((1, 4, 4, 0), F32), [2, 2], [[0.0, 0.0]], c=True, n=True,
        note="C = 0")
    add("empty.v1.batch0", "empty", "v1", np.zeros((0, 4, 4, 1), F32), [2, 2], np.zeros((0, 2), F32))
    add("empty.v2.image_w0.size_w0", "empty", "v2", np.zeros((1, 3, 0, 1), F32), [2, 0], [[0.0, 0.0]],
        note="image W = 0 with an empty glimpse: empty output, valid")
