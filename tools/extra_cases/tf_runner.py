"""TensorFlow plumbing: run the ops, clean their error messages, read window corners back."""
import os
import re

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # before TF's import, which reads it
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

F32 = np.float32
TF_VERSION = tf.__version__


def op_name(op):
    """Short op name ("v1" or "v2") -> TF's op name."""
    assert op in ("v1", "v2"), op
    return "ExtractGlimpse" if op == "v1" else "ExtractGlimpseV2"


def call_op(op, inp, size, offsets, attrs):
    fn = getattr(tf.raw_ops, op_name(op))
    return fn(input=inp, size=size, offsets=offsets, centered=attrs["centered"],
              normalized=attrs["normalized"], uniform_noise=attrs["uniform_noise"],
              noise=attrs["noise"])


def clean_eager(msg):
    msg = re.sub(r"^\{\{function_node [^}]*\}\}\s*", "", msg)
    msg = re.sub(r"\s*\[Op:[^\]]*\](\s*name:.*)?$", "", msg, flags=re.S)
    return msg.strip()


def clean_graph(cls, msg):
    if cls == "ValueError":
        m = re.search(r"ValueError: (.*?)(?: for '\{\{node|\n|$)", msg, flags=re.S)
        if m:
            return m.group(1).strip()
        return msg.strip().splitlines()[-1]
    msg = msg.split("\n\t [[{{node")[0]
    msg = msg.strip().split("\n\n")[-1]
    return clean_eager(msg)


def to_tensors(inp, size, offsets):
    return (tf.constant(np.asarray(inp, F32)), tf.constant(np.asarray(size, np.int32)),
            tf.constant(np.asarray(offsets, F32)))


def run(op, inp, size, offsets, attrs):
    """(output, None) from eager TF, or (None, expectation) when TF rejects the inputs.

    A rejected case is also run inside a tf.function, whose shape inference may fail earlier."""
    try:
        return call_op(op, *to_tensors(inp, size, offsets), attrs).numpy(), None
    except tf.errors.OpError as e:
        eager = {"class": type(e).__name__, "message": clean_eager(e.message)}
    exp = {"kind": "error", "tf_eager_error": eager}
    g = tf.function(lambda a, b, d: call_op(op, a, b, d, attrs))
    try:
        g(*to_tensors(inp, size, offsets))
        exp["tf_graph_error"] = None
    except (tf.errors.OpError, ValueError) as ge:
        exp["tf_graph_error"] = {"class": type(ge).__name__,
                                 "message": clean_graph(type(ge).__name__, str(ge))}
    return None, exp


def pixel_index_image(shape):
    """Single-channel image whose pixel (y, x) holds 1 + y*W + x."""
    B, H, W = shape[0], shape[1], shape[2]
    base = (1 + np.arange(H * W, dtype=np.float64)).reshape(1, H, W, 1).astype(F32)
    return np.broadcast_to(base, (B, H, W, 1)).copy()


def read_corners(op, shape, size, offsets, attrs):
    """Window corners and per-position inside mask, read back from TF."""
    B, H, W = shape[0], shape[1], shape[2]
    assert H * W < 2 ** 24  # every index exact in float32
    za = dict(attrs, uniform_noise=False, noise="zero")
    out = call_op(op, *to_tensors(pixel_index_image(shape), size, offsets), za).numpy()
    corners, inside = [], (out[..., 0] > 0)
    for b in range(B):
        nz = np.argwhere(out[b, :, :, 0] > 0)
        if len(nz) == 0:
            corners.append(None)
            continue
        i, j = nz[0]
        v = int(out[b, i, j, 0]) - 1
        cy, cx = v // W - int(i), v % W - int(j)
        # a window is a plain translation: every inside position holds its own pixel
        for (ii, jj) in nz:
            assert int(out[b, ii, jj, 0]) - 1 == (cy + ii) * W + (cx + jj)
        corners.append([int(cy), int(cx)])
    return corners, inside
