"""float32 values as JSON: the double equal to the float32, non-finite values as strings."""
import numpy as np

F32 = np.float32


def enc(v):
    v = float(v)
    if np.isnan(v):
        return "NaN"
    if np.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def enc_list(a):
    """Flat, row-major."""
    return [enc(v) for v in np.asarray(a, dtype=F32).ravel()]


def enc_nested(a):
    a = np.asarray(a, dtype=F32)
    if a.ndim == 0:
        return enc(a)
    return [enc_nested(x) for x in a]


def hex_nested(a):
    """IEEE-754 bits, so that -0 and NaN payloads survive JSON."""
    a = np.asarray(a, dtype=F32)
    if a.ndim == 0:
        return "0x%08x" % int(a.view(np.uint32))
    return [hex_nested(x) for x in a]


def fmt(v):
    """A value for a human note."""
    v = float(v)
    if np.isnan(v) or np.isinf(v):
        return str(v)
    return repr(v)
