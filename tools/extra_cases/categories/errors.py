"""Inputs TF rejects ("error"): bad size or offsets shapes, unknown noise, contradicting noise attrs."""
import numpy as np

from ..builder import index_img

F32 = np.float32


def gen_error(cases):
    add = cases.add
    im = index_img(1, 5, 5, 1)
    im2 = index_img(2, 5, 5, 1)
    add("error.v2.size_neg3_neg1", "error", "v2", im, [-3, -1], [[0.0, 0.0]])
    add("error.v1.size_0_neg1", "error", "v1", im, [0, -1], [[0.0, 0.0]])
    add("error.v1.size_len0", "error", "v1", im, np.zeros((0,), np.int32), [[0.0, 0.0]])
    add("error.v2.size_len0", "error", "v2", im, np.zeros((0,), np.int32), [[0.0, 0.0]])
    add("error.v2.offsets_batch_by_1", "error", "v2", im, [3, 3], [[0.0]])
    add("error.v1.offsets_batch2_by_1", "error", "v1", im2, [3, 3], [[0.0], [1.0]])
    add("error.v2.offsets_batch_mismatch_3_vs_2", "error", "v2", im2, [3, 3], [[0.0, 0.0]] * 3)
    add("error.v1.offsets_batch_mismatch_0_vs_1", "error", "v1", im, [3, 3], np.zeros((0, 2), F32))
    add("error.v1.noise_Gaussian", "error", "v1", im, [3, 3], [[0.0, 0.0]], noise="Gaussian")
    add("error.v2.noise_Gaussian", "error", "v2", im, [3, 3], [[0.0, 0.0]], noise="Gaussian")
    add("error.v2.noise_none", "error", "v2", im, [3, 3], [[0.0, 0.0]], noise="none")
    add("error.v2.uniform_noise_true_with_gaussian", "error", "v2", im, [3, 3], [[0.0, 0.0]], uniform_noise=True,
        noise="gaussian")
    add("error.v2.uniform_noise_true_with_zero", "error", "v2", im, [3, 3], [[0.0, 0.0]], uniform_noise=True,
        noise="zero")
    add("error.v1.uniform_noise_true_with_zero", "error", "v1", im, [3, 3], [[0.0, 0.0]], uniform_noise=True,
        noise="zero")
