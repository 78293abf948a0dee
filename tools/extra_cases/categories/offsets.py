"""Offsets the formula cannot place: non-finite ("nonfinite") and huge ("huge")."""
import numpy as np

from ..builder import index_img
from ..spec import MODES, mode_name

F32 = np.float32
NAN, INF = float("nan"), float("inf")
_MAX_BELOW_2_31 = float(np.nextafter(F32(2 ** 31), F32(0)))
_MAX_BELOW_2_63 = float(np.nextafter(F32(2.0 ** 63), F32(0)))
# around the int32 and int64 limits, and far beyond
HUGE = (1e10, -1e10, 3e9, -3e9, 2.0 ** 31, -2.0 ** 31, _MAX_BELOW_2_31,
        2.0 ** 32, 2.0 ** 63, -2.0 ** 63, _MAX_BELOW_2_63,
        -_MAX_BELOW_2_63, 1e19, -1e19, 1e30, -1e30, 3e38, -3e38)


def gen_nonfinite(cases):
    items = [[NAN, 0], [0, NAN], [NAN, NAN], [INF, 0], [0, INF], [-INF, 0], [0, -INF],
             [INF, -INF], [NAN, -INF], [0, 0]]
    for op in ("v1", "v2"):
        for c, n in MODES:
            off = [[y, x] for y, x in items]
            if not n:  # keep the control item (last) partly visible in pixel modes
                off[-1] = [1.0, 2.0] if not c else [0.0, 0.0]
            cases.add("nonfinite.%s.%s" % (op, mode_name(c, n)), "nonfinite", op,
                      index_img(len(off), 5, 6, 2), [3, 3], off, c=c, n=n,
                      note="NaN / +-Infinity in y and/or x: whole glimpse is noise (zero); "
                           "last item is a finite control")
    # single-item ones, the simplest form
    cases.add("nonfinite.v2.single_nan_y", "nonfinite", "v2", index_img(1, 4, 4, 1), [2, 2], [[NAN, 1.0]],
              note="NaN y only, x inside")
    cases.add("nonfinite.v1.single_inf_x", "nonfinite", "v1", index_img(1, 4, 4, 1), [2, 2], [[0.0, INF]],
              c=True, n=True, note="+Infinity x only, y centered")


def gen_huge(cases):
    for op in ("v1", "v2"):
        for c, n in MODES:
            for axis in ("y", "x"):
                off = [[v, 1.0] if axis == "y" else [1.0, v] for v in HUGE]
                off.append([0.0, 0.0] if (c or n) else [1.0, 1.0])
                cases.add("huge.%s.%s.%s" % (op, mode_name(c, n), axis), "huge", op,
                          index_img(len(off), 4, 5, 1), [3, 3], off, c=c, n=n,
                          note="huge %s offsets (1e10, 3e9, 2^31, 2^32, 2^63, nextafter(2^63,0), 1e19, 1e30, "
                               "3e38 and negatives); normalized modes multiply by the image size "
                               "(may overflow float32 to inf); last item is a finite control" % axis)
