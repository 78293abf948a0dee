"""Special pixel values ("image_values") and random noise outside the image ("noise")."""
import numpy as np

from ..builder import index_img

F32 = np.float32
NAN, INF = float("nan"), float("inf")


def gen_image_values(cases):
    special = index_img(1, 5, 6, 1)
    special[0, 1, 1, 0] = NAN
    special[0, 1, 2, 0] = INF
    special[0, 2, 1, 0] = -INF
    special[0, 2, 2, 0] = -0.0
    special[0, 2, 3, 0] = float(np.nextafter(F32(0), F32(1)))
    special[0, 3, 1, 0] = float(np.finfo(F32).max)
    special[0, 3, 2, 0] = -float(np.finfo(F32).max)
    special[0, 3, 3, 0] = float(np.finfo(F32).tiny)
    note = "image holds NaN, +-Infinity, -0, subnormal, +-max, min normal inside the window: copied bit for bit"
    add = cases.add
    add("image_values.v2.pixels.inside", "image_values", "v2", special, [3, 3], [[1.0, 1.0]], note=note)
    add("image_values.v1.centered_normalized.inside", "image_values", "v1", special, [3, 3], [[0.0, -1.0 / 6.0]],
        c=True, n=True, note=note)
    add("image_values.v2.pixels.partial_zero", "image_values", "v2", special, [4, 4], [[-1.0, 0.0]],
        note=note + "; zero noise (+0) outside")
    add("image_values.v2.pixels.uniform_inside", "image_values", "v2", special, [3, 3], [[1.0, 1.0]],
        noise="uniform",
        note=note + "; uniform noise requested but window inside (its min/max would be NaN/inf): exact")
    add("image_values.v1.pixels.gaussian_touch_edge", "image_values", "v1", special, [3, 3], [[3.5, 4.5]],
        noise="gaussian", note="NaN/inf image, gaussian noise, window touching the bottom-right edge: "
                               "noise drawn but fully overwritten: exact")
    ch = index_img(1, 4, 4, 3)
    ch[0, :, :, 1] = NAN
    ch[0, 1, 1, 2] = -0.0
    add("image_values.v2.nan_channel", "image_values", "v2", ch, [2, 2], [[1.0, 1.0]],
        note="a whole channel of NaN, -0 in another")


def gen_noise(cases):
    add, r = cases.add, cases.rand_img
    add("noise.v1.uniform.partial", "noise", "v1", r(1, 6, 7, 2) + 4, [4, 4], [[0.9, -0.8]], c=True, n=True,
        uniform_noise=True, noise="uniform", note="V1 uniform, partial")
    add("noise.v2.uniform.fully_outside", "noise", "v2", r(2, 5, 5, 1), [3, 3], [[6.0, 0.0], [-3.0, -3.0]],
        noise="uniform", note="fully outside: all noise")
    add("noise.v1.gaussian.partial.2ch", "noise", "v1", r(1, 6, 6, 2) * np.array([1, 20], F32), [4, 4],
        [[-1.0, 5.0]], noise="gaussian", note="V1 gaussian per channel")
    add("noise.v2.gaussian.fully_outside.3ch", "noise", "v2", r(1, 5, 5, 3) * np.array([1, 10, 100], F32), [3, 3],
        [[-2.0, 2.0]], c=True, n=True, noise="gaussian", note="fully outside")
    add("noise.v1.empty_string.gaussian", "noise", "v1", r(1, 5, 5, 1), [3, 3], [[-1.0, -1.0]], noise="",
        uniform_noise=False, note='noise "" with uniform_noise=False -> gaussian')
    add("noise.v2.empty_string.uniform", "noise", "v2", r(1, 5, 5, 1), [3, 3], [[4.0, 4.0]], noise="",
        uniform_noise=True, note='noise "" with uniform_noise=True -> uniform')
    add("noise.v2.uniform.nan_offset", "noise", "v2", r(2, 5, 5, 2), [3, 3], [[NAN, 1.0], [1.0, 1.0]],
        noise="uniform", note="NaN offset: the whole first glimpse is uniform noise; second item inside")
    add("noise.v1.gaussian.huge_offset", "noise", "v1", r(2, 5, 5, 1), [3, 3], [[1e30, 0.0], [0.0, -3e9]],
        c=True, n=True, noise="gaussian", note="huge offsets: all gaussian noise")
    const = np.full((1, 4, 4, 2), 3.25, F32)
    const[0, :, :, 1] = -1.5
    add("noise.v2.uniform.constant_image", "noise", "v2", const, [3, 3], [[-1.0, 2.0]], noise="uniform",
        note="constant per channel; uniform bounds [-1.5, 3.25] over all channels")
    add("noise.v1.gaussian.constant_channels", "noise", "v1", const, [3, 3], [[-1.0, 2.0]], noise="gaussian",
        note="each channel constant: sigma 0, min = max, gaussian noise equals the constant")
    add("noise.v2.gaussian.stats", "noise", "v2", r(1, 6, 5, 1) * 4 + 1, [24, 24], [[100.0, 100.0]],
        noise="gaussian", note="576 gaussian noise samples (clamped), for a distribution check")
    add("noise.v1.uniform_flag_false_noise_uniform", "noise", "v1", r(1, 5, 5, 1), [3, 3], [[3.5, -0.5]],
        uniform_noise=False, noise="uniform", note='uniform_noise=False, noise="uniform" -> uniform')
