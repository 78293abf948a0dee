"""Offsets one float32 ulp either side of a truncation step ("truncation"), and offsets where the
formula in float64 would truncate to another pixel than in float32 ("truncation_f64")."""
import numpy as np

from ..builder import index_img
from ..encoding import fmt
from ..spec import MODES, Geometry, mode_name, trunc_or_none

F32 = np.float32
SIZES_HW = (5, 6, 7, 9, 10, 11, 13, 28)
SIZES_hw = (1, 2, 3, 4, 5, 8)


def f32_key(o):
    """float32 -> int, monotonic: consecutive floats have consecutive keys."""
    b = int(np.asarray(o, F32).view(np.uint32))
    return b if b < 0x80000000 else -(b & 0x7FFFFFFF)


def f32_from_key(k):
    b = k if k >= 0 else (0x80000000 | -k)
    return np.array([b], np.uint32).view(F32)[0]


def straddle(f, t):
    """Smallest float32 o with f(o) >= t (f is non-decreasing): bisection over float32 order."""
    lo, hi = f32_key(F32(-1e30)), f32_key(F32(1e30))
    assert f(f32_from_key(lo)) < t <= f(f32_from_key(hi))
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if f(f32_from_key(mid)) >= t:
            hi = mid
        else:
            lo = mid
    o = f32_from_key(hi)
    if o == 0:
        o = F32(0.0)  # prefer +0 over -0
    return o


def trunc_item_values(geom, axis, t):
    """Offsets (previous, first reaching t, next) on one axis, and their float32 SPEC values."""
    f = geom.axis_fn(axis)
    o_hi = straddle(f, F32(t))
    o_lo = np.nextafter(o_hi, F32(-np.inf))
    o_up = np.nextafter(o_hi, F32(np.inf))
    return [o_lo, o_hi, o_up], [f(o_lo), f(o_hi), f(o_up)]


def _targets(variant, H, W, h):
    if variant == 0:
        return min(2, H - 1), min(3, W - 1) + 0.5, "y at +integer, x at +integer+0.5"
    if variant == 1:
        return -1, -0.5, "y at -1, x at -0.5"
    if variant == 2:
        return H - h + 0.5 if H > h else 1.5, W - 1 if W > 1 else 0, "y at +integer+0.5, x at +integer"
    return -1.5, -2, "y at -1.5, x at -2"


def gen_truncation(cases):
    k = 0
    for op in ("v1", "v2"):
        for c, n in MODES:
            for variant in range(4):
                H = SIZES_HW[(k * 3 + variant) % len(SIZES_HW)]
                W = SIZES_HW[(k * 5 + variant * 3 + 1) % len(SIZES_HW)]
                h = SIZES_hw[(k + variant * 2) % len(SIZES_hw)]
                w = SIZES_hw[(k * 2 + variant + 3) % len(SIZES_hw)]
                if variant in (1, 3):  # need room for negative corners
                    h, w = max(h, 3), max(w, 3)
                k += 1
                geom = Geometry(op, c, n, H, W, h, w)
                ty, tx, desc = _targets(variant, H, W, h)
                ys, fys = trunc_item_values(geom, "y", ty)
                xs, fxs = trunc_item_values(geom, "x", tx)
                off = [[ys[i], xs[i]] for i in range(3)]
                sc = [geom.corner(oy, ox) for oy, ox in off]
                note = ("float32 trap: %s. Items = (prev, first offset whose float32 SPEC value reaches the "
                        "target, next) in float32 ulps. SPEC float32 values y=%s x=%s -> corners %s" %
                        (desc, [fmt(v) for v in fys], [fmt(v) for v in fxs], sc))
                cases.add("trunc.%s.%s.%dx%d.g%dx%d.v%d" % (op, mode_name(c, n), H, W, h, w, variant),
                          "truncation", op, index_img(3, H, W, 1), [h, w], off, c=c, n=n, note=note)
    # signed zero and subnormal offsets
    tiny = float(np.nextafter(F32(0), F32(1)))
    for op, c, n in (("v2", False, False), ("v1", True, True), ("v2", False, True)):
        off = [[-0.0, -tiny], [tiny, -0.0], [-tiny, tiny], [1e-40, -1e-40]]
        cases.add("trunc.%s.%s.signed_zero_subnormal" % (op, mode_name(c, n)), "truncation", op,
                  index_img(4, 5, 6, 1), [2, 3], off, c=c, n=n,
                  note="offsets -0, +-smallest subnormal, +-1e-40 (subnormal): corner as for 0")


def _f64_trap(geom, axis, o0):
    """First float32 near o0 whose SPEC value truncates differently in float32 and float64."""
    f = geom.axis_fn(axis)
    cand = F32(o0)
    for _ in range(40):
        cand = np.nextafter(cand, F32(-np.inf))
    for _ in range(81):
        cand = np.nextafter(cand, F32(np.inf))
        a32, a64 = f(cand, F32), f(cand, np.float64)
        if trunc_or_none(a32) != trunc_or_none(a64):
            return cand, a32, a64
    return None


def gen_f64_traps(cases, limit=22):
    """Random search: offsets where SPEC's formula in float64 truncates differently than in float32."""
    rng = cases.rng
    found = []
    seen_modes = {}
    modes = [(op, c, n) for op in ("v1", "v2") for c, n in MODES if not (op == "v2" and not c and not n)]
    tries = 0
    while len(found) < limit and tries < 200000:
        tries += 1
        op, c, n = modes[rng.integers(len(modes))]
        if seen_modes.get((op, c, n), 0) >= 3:
            continue
        H = int(rng.choice(SIZES_HW))
        W = int(rng.choice(SIZES_HW))
        h = int(rng.choice(SIZES_hw))
        w = int(rng.choice(SIZES_hw))
        geom = Geometry(op, c, n, H, W, h, w)
        axis = "y" if rng.integers(2) == 0 else "x"
        L, l = (H, h) if axis == "y" else (W, w)
        t = int(rng.integers(-l + 1, L))  # visible corner range
        if t == 0:
            continue
        o0 = geom.inverse(axis, t)
        if rng.integers(3) == 0:  # sometimes walk from a random nearby point
            o0 += float(rng.normal()) * 1e-6 * max(1.0, abs(o0))
        hit = _f64_trap(geom, axis, o0)
        if hit is None:
            continue
        cand, a32, a64 = hit
        other = F32(0.0) if (n or c) else F32(1.0)
        off = [[cand, other]] if axis == "y" else [[other, cand]]
        c32 = geom.corner(off[0][0], off[0][1], F32)
        c64 = geom.corner(off[0][0], off[0][1], np.float64)
        if geom.visible(c32) is None or c32 == c64:
            continue
        key = (op, c, n, H, W, h, w, axis, float(cand))
        if key in found:
            continue
        found.append(key)
        seen_modes[(op, c, n)] = seen_modes.get((op, c, n), 0) + 1
        note = ("float32 vs float64 trap (%s): SPEC formula in float32 gives %s = %s -> corner %s; "
                "the same formula in float64 gives %s -> corner %s. TF's corner is in expected.window_corners"
                % (axis, axis, fmt(a32), c32, repr(float(a64)), c64))
        cases.add("f64trap.%s.%s.%dx%d.g%dx%d.%s%d" % (op, mode_name(c, n), H, W, h, w, axis, len(found)),
                  "truncation_f64", op, index_img(1, H, W, 1), [h, w], off, c=c, n=n, note=note)
    print("f64 trap search: %d tries, %d cases" % (tries, len(found)))
