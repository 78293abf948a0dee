#!/usr/bin/env python3
"""Write test/fixtures/tf_extra_cases.json: extra ExtractGlimpse golden cases
from real TensorFlow (tf.raw_ops.ExtractGlimpse / ExtractGlimpseV2, eager,
CPU kernel), in the "extract-glimpse-golden/1" format of
shared/fixtures/glimpse_cases.json (see shared/fixtures/README.md).

Focus: adversarial inputs the public set lacks (non-finite and huge offsets,
float32 truncation traps, float32-vs-float64 traps, mixed batches, degenerate
shapes, special image values, noise, errors).

Everything under `expected` is read from TensorFlow. The SPEC.md formula is
evaluated here (in float32 and float64) only to *choose* offsets and to write
human notes; nothing is checked against it except for the printed summary.

Usage (TF is a tool-only dependency, never one of the package):
    python3 -m venv .venv-tf
    .venv-tf/bin/pip install --no-index --find-links /opt/pypi/files tensorflow-cpu==2.21.0
    .venv-tf/bin/python tools/make_extra_cases.py [out.json]
"""
import json
import os
import platform
import re
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

warnings.filterwarnings("ignore")
np.seterr(all="ignore")

F32 = np.float32
OPNAME = {"v1": "ExtractGlimpse", "v2": "ExtractGlimpseV2"}
MODES = [(c, n) for c in (True, False) for n in (True, False)]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "test", "fixtures", "tf_extra_cases.json")
RNG = np.random.default_rng(20250621)

INT64_LIM = 2.0 ** 63


# ---------------------------------------------------------------- encoding
def enc(v):
    v = float(v)
    if np.isnan(v):
        return "NaN"
    if np.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def enc_list(a):
    return [enc(v) for v in np.asarray(a, dtype=F32).ravel()]


def enc_nested(a):
    a = np.asarray(a, dtype=F32)
    if a.ndim == 0:
        return enc(a)
    return [enc_nested(x) for x in a]


def hex_nested(a):
    a = np.asarray(a, dtype=F32)
    if a.ndim == 0:
        return "0x%08x" % int(a.view(np.uint32))
    return [hex_nested(x) for x in a]


def mode_name(c, n):
    return {(True, True): "centered_normalized", (True, False): "centered_pixels",
            (False, True): "normalized", (False, False): "pixels"}[(c, n)]


def effective_noise(attrs):
    un, nz = attrs["uniform_noise"], attrs["noise"]
    if nz == "":
        return "uniform" if un else "gaussian"
    return nz


def fmt(v):
    v = float(v)
    if np.isnan(v) or np.isinf(v):
        return str(v)
    return repr(v)


# -------------------------------------------------- SPEC formula (for notes)
def spec_pos(op, c, n, H, W, h, w, oy, ox, dt):
    """Window corner before truncation per SPEC.md, every step in dtype dt."""
    y, x = dt(oy), dt(ox)
    Hf, Wf, hf, wf, two = dt(H), dt(W), dt(h), dt(w), dt(2)
    if op == "v1" or (n and c):
        if n:
            x = dt(x * Wf)
            y = dt(y * Hf)
        if c:
            x = dt(dt(x / two) + dt(Wf / two))
            y = dt(dt(y / two) + dt(Hf / two))
        x = dt(x - dt(wf / two))
        y = dt(y - dt(hf / two))
    elif n:
        x = dt(x * Wf)
        y = dt(y * Hf)
    elif c:
        x = dt(x + dt(Wf / two))
        y = dt(y + dt(Hf / two))
    return y, x


def trunc_or_none(v):
    v = float(v)
    if not np.isfinite(v) or v >= INT64_LIM or v < -INT64_LIM:
        return None
    return int(np.trunc(v))


def spec_corner(op, c, n, H, W, h, w, oy, ox, dt=F32):
    y, x = spec_pos(op, c, n, H, W, h, w, oy, ox, dt)
    cy, cx = trunc_or_none(y), trunc_or_none(x)
    if cy is None or cx is None:
        return None
    return [cy, cx]


def visible(corner, H, W, h, w):
    if corner is None or h == 0 or w == 0:
        return None
    cy, cx = corner
    if cy + h <= 0 or cy >= H or cx + w <= 0 or cx >= W:
        return None
    return corner


# ------------------------------------------------------------- TF plumbing
def call_op(op, inp, size, offsets, attrs):
    fn = getattr(tf.raw_ops, OPNAME[op])
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


def index_image(shape):
    """Single-channel image whose pixel (y, x) holds 1 + y*W + x."""
    B, H, W = shape[0], shape[1], shape[2]
    base = (1 + np.arange(H * W, dtype=np.float64)).reshape(1, H, W, 1).astype(F32)
    return np.broadcast_to(base, (B, H, W, 1)).copy()


def read_corners(op, shape, size, offsets, attrs):
    """Window corners and per-position inside mask, read back from TF."""
    B, H, W = shape[0], shape[1], shape[2]
    assert H * W < 2 ** 24
    za = dict(attrs, uniform_noise=False, noise="zero")
    out = call_op(op, *to_tensors(index_image(shape), size, offsets), za).numpy()
    h, w = out.shape[1], out.shape[2]
    corners, inside = [], (out[..., 0] > 0)
    for b in range(B):
        nz = np.argwhere(out[b, :, :, 0] > 0)
        if len(nz) == 0:
            corners.append(None)
            continue
        i, j = nz[0]
        v = int(out[b, i, j, 0]) - 1
        cy, cx = v // W - int(i), v % W - int(j)
        # consistency: every inside position holds its own pixel
        for (ii, jj) in nz:
            assert int(out[b, ii, jj, 0]) - 1 == (cy + ii) * W + (cx + jj)
        corners.append([int(cy), int(cx)])
    return corners, inside


CASES = []
NAMES = set()
SURPRISES = []


def add(name, category, op, inp, size, offsets, c=False, n=False, uniform_noise=False,
        noise="zero", note=None, input_shape=None):
    assert name not in NAMES, name
    NAMES.add(name)
    attrs = {"centered": c, "normalized": n, "uniform_noise": uniform_noise, "noise": noise}
    inp = np.asarray(inp, F32)
    if input_shape is not None:
        inp = inp.reshape(input_shape)
    offsets = np.asarray(offsets, F32)
    case = {"name": name, "category": category, "op": OPNAME[op],
            "input_shape": list(inp.shape), "input": enc_list(inp),
            "size": np.asarray(size, np.int32).tolist(),
            "offsets_shape": list(offsets.shape), "offsets": enc_nested(offsets),
            "offsets_f32_hex": hex_nested(offsets), "attrs": attrs}
    try:
        out = call_op(op, *to_tensors(inp, size, offsets), attrs).numpy()
    except tf.errors.OpError as e:
        case["effective_noise"] = None
        if note:
            case["note"] = note
        exp = {"kind": "error",
               "tf_eager_error": {"class": type(e).__name__, "message": clean_eager(e.message)}}
        g = tf.function(lambda a, b, d: call_op(op, a, b, d, attrs))
        try:
            g(*to_tensors(inp, size, offsets))
            exp["tf_graph_error"] = None
        except (tf.errors.OpError, ValueError) as ge:
            exp["tf_graph_error"] = {"class": type(ge).__name__,
                                     "message": clean_graph(type(ge).__name__, str(ge))}
        case["expected"] = exp
        CASES.append(case)
        return case

    eff = effective_noise(attrs)
    case["effective_noise"] = eff
    if note:
        case["note"] = note
    B, H, W, C = inp.shape
    h, w = out.shape[1], out.shape[2]
    exp = {"shape": list(out.shape)}
    if out.size == 0:
        corners, inside = [None] * B, np.zeros((B, h, w), bool)
    else:
        corners, inside = read_corners(op, inp.shape, size, offsets, attrs)
    exp["window_corners"] = corners
    inside_full = np.broadcast_to(inside[..., None], out.shape)
    partial = out.size > 0 and not inside_full.all()

    # SPEC (float32) vs TF corner, for the report only
    for b in range(B):
        if out.size == 0:
            break
        sc = visible(spec_corner(op, c, n, H, W, h, w, offsets[b][0], offsets[b][1]), H, W, h, w)
        if sc != corners[b]:
            SURPRISES.append("%s[b=%d]: TF corner %s, SPEC float32 corner %s" % (name, b, corners[b], sc))

    if eff == "zero" or not partial:
        exp["kind"] = "exact"
        exp["output"] = enc_list(out)
        if partial:
            exp["inside"] = inside_full.astype(int).ravel().tolist()
        if eff == "zero" and partial:
            noisev = out[~inside_full]
            if not np.all((noisev == 0) & ~np.signbit(noisev)):
                SURPRISES.append("%s: zero noise not all +0" % name)
    else:
        exp["kind"] = "noise"
        exp["inside"] = inside_full.astype(int).ravel().tolist()
        exp["output_inside"] = [enc(v) if m else None for v, m in zip(out.ravel(), inside_full.ravel())]
        ok = True
        if eff == "uniform":
            bounds = []
            for b in range(B):
                lo, hi = inp[b].min(), inp[b].max()
                bounds.append([enc(lo), enc(hi)])
                nv = out[b][~inside_full[b]]
                ok &= bool(np.all((nv >= lo) & (nv <= hi)))
            exp["uniform_bounds"] = bounds
        else:
            stats = []
            for b in range(B):
                per = []
                for ch in range(C):
                    img = inp[b, :, :, ch].astype(np.float64)
                    lo, hi = inp[b, :, :, ch].min(), inp[b, :, :, ch].max()
                    per.append([img.mean(), img.std(), enc(lo), enc(hi)])
                    nv = out[b, :, :, ch][~inside[b]]
                    ok &= bool(np.all((nv >= lo) & (nv <= hi)))
                stats.append(per)
            exp["gaussian_stats"] = stats
        if not ok:
            SURPRISES.append("%s: TF noise outside the stated bounds" % name)
    case["expected"] = exp
    CASES.append(case)
    return case


def img(B, H, W, C, kind="index"):
    if kind == "index":
        return (1 + np.arange(B * H * W * C, dtype=np.float64)).reshape(B, H, W, C).astype(F32)
    if kind == "rand":
        return RNG.uniform(-3, 3, size=(B, H, W, C)).astype(F32)
    raise ValueError(kind)


NAN, INF = float("nan"), float("inf")


# ---------------------------------------------------------------- nonfinite
def gen_nonfinite():
    items = [[NAN, 0], [0, NAN], [NAN, NAN], [INF, 0], [0, INF], [-INF, 0], [0, -INF],
             [INF, -INF], [NAN, -INF], [0, 0]]
    for op in ("v1", "v2"):
        for c, n in MODES:
            off = [[y, x] for y, x in items]
            if not n:  # keep the control item (last) partly visible in pixel modes
                off[-1] = [1.0, 2.0] if not c else [0.0, 0.0]
            add("nonfinite.%s.%s" % (op, mode_name(c, n)), "nonfinite", op,
                img(len(off), 5, 6, 2), [3, 3], off, c=c, n=n,
                note="NaN / +-Infinity in y and/or x: whole glimpse is noise (zero); last item is a finite control")
    # single-item ones, the simplest form
    add("nonfinite.v2.single_nan_y", "nonfinite", "v2", img(1, 4, 4, 1), [2, 2], [[NAN, 1.0]],
        note="NaN y only, x inside")
    add("nonfinite.v1.single_inf_x", "nonfinite", "v1", img(1, 4, 4, 1), [2, 2], [[0.0, INF]], c=True, n=True,
        note="+Infinity x only, y centered")


# --------------------------------------------------------------------- huge
HUGE = [1e10, -1e10, 3e9, -3e9, 2.0 ** 31, -2.0 ** 31, float(np.nextafter(F32(2 ** 31), F32(0))),
        2.0 ** 32, 2.0 ** 63, -2.0 ** 63, float(np.nextafter(F32(2.0 ** 63), F32(0))),
        -float(np.nextafter(F32(2.0 ** 63), F32(0))), 1e19, -1e19, 1e30, -1e30, 3e38, -3e38]


def gen_huge():
    for op in ("v1", "v2"):
        for c, n in MODES:
            for axis in ("y", "x"):
                off = [[v, 1.0] if axis == "y" else [1.0, v] for v in HUGE]
                off.append([0.0, 0.0] if (c or n) else [1.0, 1.0])
                add("huge.%s.%s.%s" % (op, mode_name(c, n), axis), "huge", op,
                    img(len(off), 4, 5, 1), [3, 3], off, c=c, n=n,
                    note="huge %s offsets (1e10, 3e9, 2^31, 2^32, 2^63, nextafter(2^63,0), 1e19, 1e30, 3e38 and negatives); "
                         "normalized modes multiply by the image size (may overflow float32 to inf); last item is a finite control" % axis)


# --------------------------------------------------------------- truncation
def inverse(op, c, n, H, W, h, w, t, W_or_H, w_or_h):
    """Float64 inverse of SPEC's (one-axis) formula: the offset that maps to t."""
    a = float(t)
    if op == "v1" or (n and c):
        a += w_or_h / 2.0
        if c:
            a = (a - W_or_H / 2.0) * 2.0
        if n:
            a /= W_or_H
    elif n:
        a /= W_or_H
    elif c:
        a -= W_or_H / 2.0
    return a


def axis_f(op, c, n, H, W, h, w, axis):
    def f(o, dt=F32):
        if axis == "y":
            return spec_pos(op, c, n, H, W, h, w, o, 0.0, dt)[0]
        return spec_pos(op, c, n, H, W, h, w, 0.0, o, dt)[1]
    return f


def f32_key(o):
    b = int(np.asarray(o, F32).view(np.uint32))
    return b if b < 0x80000000 else -(b & 0x7FFFFFFF)


def f32_from_key(k):
    b = k if k >= 0 else (0x80000000 | -k)
    return np.array([b], np.uint32).view(F32)[0]


def straddle(f, o0, t):
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


def trunc_item_values(op, c, n, H, W, h, w, axis, t):
    L, l = (H, h) if axis == "y" else (W, w)
    f = axis_f(op, c, n, H, W, h, w, axis)
    o_hi = straddle(f, inverse(op, c, n, H, W, h, w, t, L, l), F32(t))
    o_lo = np.nextafter(o_hi, F32(-np.inf))
    o_up = np.nextafter(o_hi, F32(np.inf))
    return [o_lo, o_hi, o_up], [f(o_lo), f(o_hi), f(o_up)]


SIZES_HW = [5, 6, 7, 9, 10, 11, 13, 28]
SIZES_hw = [1, 2, 3, 4, 5, 8]


def gen_truncation():
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
                if variant == 0:
                    ty, tx, desc = min(2, H - 1), min(3, W - 1) + 0.5, "y at +integer, x at +integer+0.5"
                elif variant == 1:
                    ty, tx, desc = -1, -0.5, "y at -1, x at -0.5"
                elif variant == 2:
                    ty, tx, desc = H - h + 0.5 if H > h else 1.5, W - 1 if W > 1 else 0, "y at +integer+0.5, x at +integer"
                else:
                    ty, tx, desc = -1.5, -2, "y at -1.5, x at -2"
                ys, fys = trunc_item_values(op, c, n, H, W, h, w, "y", ty)
                xs, fxs = trunc_item_values(op, c, n, H, W, h, w, "x", tx)
                off = [[ys[i], xs[i]] for i in range(3)]
                sc = [spec_corner(op, c, n, H, W, h, w, oy, ox) for oy, ox in off]
                note = ("float32 trap: %s. Items = (prev, first offset whose float32 SPEC value reaches the target, next) "
                        "in float32 ulps. SPEC float32 values y=%s x=%s -> corners %s" %
                        (desc, [fmt(v) for v in fys], [fmt(v) for v in fxs], sc))
                add("trunc.%s.%s.%dx%d.g%dx%d.v%d" % (op, mode_name(c, n), H, W, h, w, variant), "truncation", op,
                    img(3, H, W, 1), [h, w], off, c=c, n=n, note=note)
    # signed zero and subnormal offsets
    tiny = float(np.nextafter(F32(0), F32(1)))
    for op, c, n in (("v2", False, False), ("v1", True, True), ("v2", False, True)):
        off = [[-0.0, -tiny], [tiny, -0.0], [-tiny, tiny], [1e-40, -1e-40]]
        add("trunc.%s.%s.signed_zero_subnormal" % (op, mode_name(c, n)), "truncation", op, img(4, 5, 6, 1), [2, 3], off,
            c=c, n=n, note="offsets -0, +-smallest subnormal, +-1e-40 (subnormal): corner as for 0")


def gen_f64_traps(limit=22):
    """Random search: offsets where SPEC's formula in float64 truncates differently than in float32."""
    found = []
    seen_modes = {}
    modes = [(op, c, n) for op in ("v1", "v2") for c, n in MODES if not (op == "v2" and not c and not n)]
    tries = 0
    while len(found) < limit and tries < 200000:
        tries += 1
        op, c, n = modes[RNG.integers(len(modes))]
        if seen_modes.get((op, c, n), 0) >= 3:
            continue
        H = int(RNG.choice(SIZES_HW)); W = int(RNG.choice(SIZES_HW))
        h = int(RNG.choice(SIZES_hw)); w = int(RNG.choice(SIZES_hw))
        axis = "y" if RNG.integers(2) == 0 else "x"
        L, l = (H, h) if axis == "y" else (W, w)
        t = int(RNG.integers(-l + 1, L))  # visible corner range
        if t == 0:
            continue
        f = axis_f(op, c, n, H, W, h, w, axis)
        o0 = inverse(op, c, n, H, W, h, w, t, L, l)
        if RNG.integers(3) == 0:  # sometimes walk from a random nearby point
            o0 += float(RNG.normal()) * 1e-6 * max(1.0, abs(o0))
        o = F32(o0)
        hit = None
        cand = o
        for _ in range(40):
            cand = np.nextafter(cand, F32(-np.inf))
        for _ in range(81):
            cand = np.nextafter(cand, F32(np.inf))
            a32, a64 = f(cand, F32), f(cand, np.float64)
            if trunc_or_none(a32) != trunc_or_none(a64):
                hit = (cand, a32, a64)
                break
        if hit is None:
            continue
        cand, a32, a64 = hit
        other = F32(1.0) if not n else F32(0.0)
        if c and not n:
            other = F32(0.0)
        off = [[cand, other]] if axis == "y" else [[other, cand]]
        c32 = spec_corner(op, c, n, H, W, h, w, off[0][0], off[0][1], F32)
        c64 = spec_corner(op, c, n, H, W, h, w, off[0][0], off[0][1], np.float64)
        if visible(c32, H, W, h, w) is None or c32 == c64:
            continue
        key = (op, c, n, H, W, h, w, axis, float(cand))
        if key in found:
            continue
        found.append(key)
        seen_modes[(op, c, n)] = seen_modes.get((op, c, n), 0) + 1
        note = ("float32 vs float64 trap (%s): SPEC formula in float32 gives %s = %s -> corner %s; "
                "the same formula in float64 gives %s -> corner %s. TF's corner is in expected.window_corners"
                % (axis, axis, fmt(a32), c32, repr(float(a64)), c64))
        add("f64trap.%s.%s.%dx%d.g%dx%d.%s%d" % (op, mode_name(c, n), H, W, h, w, axis, len(found)),
            "truncation_f64", op, img(1, H, W, 1), [h, w], off, c=c, n=n, note=note)
    print("f64 trap search: %d tries, %d cases" % (tries, len(found)))


# ---------------------------------------------------------------- batch mix
def gen_batch_mix():
    off_pix = [[1.0, 1.0], [-1.0, 3.0], [9.0, 9.0], [NAN, 1.0], [2.0, -2.0], [-7.0, 0.0]]
    off_norm = [[0.0, 0.0], [-0.9, 0.5], [3.0, -3.0], [0.1, NAN], [0.9, 0.9], [-1e30, 0.0]]
    for op in ("v1", "v2"):
        add("batch_mix.%s.pixels.zero" % op, "batch_mix", op, img(6, 5, 6, 2), [3, 4], off_pix,
            note="items: inside, partial top, fully outside, NaN, partial left, fully above")
        add("batch_mix.%s.centered_normalized.zero" % op, "batch_mix", op, img(6, 6, 7, 1), [3, 3], off_norm,
            c=True, n=True, note="items: centre, partial, fully outside, NaN x, partial bottom-right, -1e30")
    add("batch_mix.v2.pixels.uniform", "batch_mix", "v2", img(6, 5, 6, 2, "rand") + np.arange(6, dtype=F32).reshape(6, 1, 1, 1) * 10,
        [3, 4], off_pix, noise="uniform",
        note="uniform noise, each item's bounds from its own image; inside items exact")
    add("batch_mix.v1.centered_normalized.gaussian", "batch_mix", "v1",
        img(6, 6, 7, 2, "rand") * np.array([1, 5], F32) + np.arange(6, dtype=F32).reshape(6, 1, 1, 1) * 10,
        [3, 3], off_norm, c=True, n=True, noise="gaussian",
        note="gaussian noise per item and channel; NaN and -1e30 items all noise")


# -------------------------------------------------------------------- shape
def gen_shape():
    add("shape.larger.v2.centered_normalized", "shape", "v2", img(1, 4, 5, 2), [9, 11], [[0.0, 0.0]], c=True, n=True,
        note="glimpse bigger than the image on both axes")
    add("shape.larger.v2.pixels.negative_corner", "shape", "v2", img(1, 3, 3, 1), [8, 7], [[-3.0, -2.0]],
        note="glimpse bigger than the image, starting above-left: image in the middle")
    add("shape.larger.v1.pixels.offset", "shape", "v1", img(1, 3, 4, 1), [6, 10], [[1.0, 2.0]],
        note="V1 pixel: 1 - 3 = -2, 2 - 5 = -3")
    add("shape.larger.v2.centered_pixels", "shape", "v2", img(1, 2, 3, 1), [5, 8], [[-1.0, -1.0]], c=True,
        note="V2 centered pixels, no half-window shift")
    add("shape.image1x1.v1.defaults_zero.size1", "shape", "v1", [[[[7.5]]]], [1, 1], [[0.0, 0.0]], c=True, n=True,
        note="1x1 image, 1x1 glimpse at the centre: 0 + 0.5 - 0.5 = 0")
    add("shape.image1x1.v2.pixels.size3", "shape", "v2", [[[[7.5, -2.0]]]], [3, 3], [[-1.0, -1.0]],
        note="1x1 image, 2 channels, pixel in the middle of a 3x3 glimpse")
    add("shape.image1x1.v2.normalized.batch", "shape", "v2", img(3, 1, 1, 1), [2, 2], [[0.0, 0.0], [-0.5, -0.5], [0.99, 0.99]], n=True,
        note="1x1 image, normalized not centered")
    add("shape.glimpse1x1.v1.pixels.corners", "shape", "v1", img(5, 4, 6, 1), [1, 1],
        [[0.5, 0.5], [0.5, 5.5], [3.5, 0.5], [3.5, 5.5], [4.5, 6.5]],
        note="V1 1x1 glimpse: offset - 0.5; corner pixels, last one just outside")
    add("shape.glimpse1x1.v2.centered_normalized.corners", "shape", "v2", img(4, 4, 6, 1), [1, 1],
        [[-0.75, -5.0 / 6.0], [-0.75, 5.0 / 6.0], [0.75, -5.0 / 6.0], [0.75, 5.0 / 6.0]], c=True, n=True,
        note="1x1 glimpses at the four corner pixels")
    for C in range(1, 6):
        op = "v1" if C % 2 else "v2"
        add("shape.channels%d.%s.partial" % (C, op), "shape", op, img(1, 4, 5, C), [3, 3],
            [[2.5, -0.5]] if op == "v1" else [[2.0, -1.0]], note="%d channels, partial window" % C)
    add("shape.row_glimpse.v2.pixels", "shape", "v2", img(1, 5, 6, 1), [1, 8], [[2.0, -1.0]], note="1x8 glimpse")
    add("shape.col_glimpse.v1.centered_pixels", "shape", "v1", img(1, 6, 5, 1), [8, 1], [[0.0, 0.0]], c=True,
        note="8x1 glimpse, V1 centered pixels: 3 - 4 = -1, 2.5 - 0.5 = 2")
    add("shape.thin_image.v2.centered_normalized", "shape", "v2", img(1, 1, 9, 2), [3, 4], [[0.0, 0.5]], c=True, n=True,
        note="1x9 image")


# -------------------------------------------------------------------- empty
def gen_empty():
    add("empty.v1.size_h0", "empty", "v1", img(1, 5, 5, 1), [0, 3], [[0.0, 0.0]])
    add("empty.v2.size_w0", "empty", "v2", img(2, 5, 5, 1), [3, 0], [[0.0, 0.0], [1.0, 1.0]], c=True, n=True)
    add("empty.v2.size_00", "empty", "v2", img(1, 4, 4, 1), [0, 0], [[NAN, INF]], note="empty output, non-finite offsets")
    add("empty.v1.channels0", "empty", "v1", np.zeros((1, 4, 4, 0), F32), [2, 2], [[0.0, 0.0]], c=True, n=True,
        note="C = 0")
    add("empty.v1.batch0", "empty", "v1", np.zeros((0, 4, 4, 1), F32), [2, 2], np.zeros((0, 2), F32))
    add("empty.v2.image_w0.size_w0", "empty", "v2", np.zeros((1, 3, 0, 1), F32), [2, 0], [[0.0, 0.0]],
        note="image W = 0 with an empty glimpse: empty output, valid")


# ------------------------------------------------------------ image values
def gen_image_values():
    base = img(1, 5, 6, 1)
    special = base.copy()
    special[0, 1, 1, 0] = NAN
    special[0, 1, 2, 0] = INF
    special[0, 2, 1, 0] = -INF
    special[0, 2, 2, 0] = -0.0
    special[0, 2, 3, 0] = float(np.nextafter(F32(0), F32(1)))
    special[0, 3, 1, 0] = float(np.finfo(F32).max)
    special[0, 3, 2, 0] = -float(np.finfo(F32).max)
    special[0, 3, 3, 0] = float(np.finfo(F32).tiny)
    note = "image holds NaN, +-Infinity, -0, subnormal, +-max, min normal inside the window: copied bit for bit"
    add("image_values.v2.pixels.inside", "image_values", "v2", special, [3, 3], [[1.0, 1.0]], note=note)
    add("image_values.v1.centered_normalized.inside", "image_values", "v1", special, [3, 3], [[0.0, -1.0 / 6.0]],
        c=True, n=True, note=note)
    add("image_values.v2.pixels.partial_zero", "image_values", "v2", special, [4, 4], [[-1.0, 0.0]],
        note=note + "; zero noise (+0) outside")
    add("image_values.v2.pixels.uniform_inside", "image_values", "v2", special, [3, 3], [[1.0, 1.0]], noise="uniform",
        note=note + "; uniform noise requested but window inside (its min/max would be NaN/inf): exact")
    add("image_values.v1.pixels.gaussian_touch_edge", "image_values", "v1", special, [3, 3], [[3.5, 4.5]], noise="gaussian",
        note="NaN/inf image, gaussian noise, window touching the bottom-right edge: noise drawn but fully overwritten: exact")
    ch = img(1, 4, 4, 3)
    ch[0, :, :, 1] = NAN
    ch[0, 1, 1, 2] = -0.0
    add("image_values.v2.nan_channel", "image_values", "v2", ch, [2, 2], [[1.0, 1.0]],
        note="a whole channel of NaN, -0 in another")


# -------------------------------------------------------------------- noise
def gen_noise():
    r = lambda *s: img(*s, kind="rand")
    add("noise.v1.uniform.partial", "noise", "v1", r(1, 6, 7, 2) + 4, [4, 4], [[0.9, -0.8]], c=True, n=True,
        uniform_noise=True, noise="uniform", note="V1 uniform, partial")
    add("noise.v2.uniform.fully_outside", "noise", "v2", r(2, 5, 5, 1), [3, 3], [[6.0, 0.0], [-3.0, -3.0]],
        noise="uniform", note="fully outside: all noise")
    add("noise.v1.gaussian.partial.2ch", "noise", "v1", r(1, 6, 6, 2) * np.array([1, 20], F32), [4, 4], [[-1.0, 5.0]],
        noise="gaussian", note="V1 gaussian per channel")
    add("noise.v2.gaussian.fully_outside.3ch", "noise", "v2", r(1, 5, 5, 3) * np.array([1, 10, 100], F32), [3, 3],
        [[-2.0, 2.0]], c=True, n=True, noise="gaussian", note="fully outside")
    add("noise.v1.empty_string.gaussian", "noise", "v1", r(1, 5, 5, 1), [3, 3], [[-1.0, -1.0]], noise="",
        uniform_noise=False, note='noise "" with uniform_noise=False -> gaussian')
    add("noise.v2.empty_string.uniform", "noise", "v2", r(1, 5, 5, 1), [3, 3], [[4.0, 4.0]], noise="",
        uniform_noise=True, note='noise "" with uniform_noise=True -> uniform')
    add("noise.v2.uniform.nan_offset", "noise", "v2", r(2, 5, 5, 2), [3, 3], [[NAN, 1.0], [1.0, 1.0]], noise="uniform",
        note="NaN offset: the whole first glimpse is uniform noise; second item inside")
    add("noise.v1.gaussian.huge_offset", "noise", "v1", r(2, 5, 5, 1), [3, 3], [[1e30, 0.0], [0.0, -3e9]], c=True, n=True,
        noise="gaussian", note="huge offsets: all gaussian noise")
    const = np.full((1, 4, 4, 2), 3.25, F32)
    const[0, :, :, 1] = -1.5
    add("noise.v2.uniform.constant_image", "noise", "v2", const, [3, 3], [[-1.0, 2.0]], noise="uniform",
        note="constant per channel; uniform bounds [-1.5, 3.25] over all channels")
    add("noise.v1.gaussian.constant_channels", "noise", "v1", const, [3, 3], [[-1.0, 2.0]], noise="gaussian",
        note="each channel constant: sigma 0, min = max, gaussian noise equals the constant")
    add("noise.v2.gaussian.stats", "noise", "v2", r(1, 6, 5, 1) * 4 + 1, [24, 24], [[100.0, 100.0]], noise="gaussian",
        note="576 gaussian noise samples (clamped), for a distribution check")
    add("noise.v1.uniform_flag_false_noise_uniform", "noise", "v1", r(1, 5, 5, 1), [3, 3], [[3.5, -0.5]],
        uniform_noise=False, noise="uniform", note='uniform_noise=False, noise="uniform" -> uniform')


# -------------------------------------------------------------------- error
def gen_error():
    im = img(1, 5, 5, 1)
    im2 = img(2, 5, 5, 1)
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


def main():
    gen_nonfinite()
    gen_huge()
    gen_truncation()
    gen_f64_traps()
    gen_batch_mix()
    gen_shape()
    gen_empty()
    gen_image_values()
    gen_noise()
    gen_error()

    by_cat, by_kind = {}, {}
    for cs in CASES:
        by_cat[cs["category"]] = by_cat.get(cs["category"], 0) + 1
        k = cs["expected"]["kind"]
        by_kind[k] = by_kind.get(k, 0) + 1
    head = {
        "format": "extract-glimpse-golden/1",
        "produced_by": {"tensorflow": tf.__version__, "numpy": np.__version__,
                        "python": platform.python_version(), "machine": platform.machine(),
                        "how": "eager tf.raw_ops.ExtractGlimpse / tf.raw_ops.ExtractGlimpseV2 (TF CPU kernel); "
                               "error cases also inside a tf.function; window_corners read back from TF with "
                               "noise=\"zero\" on an image holding 1 + y*W + x; script tools/make_extra_cases.py"},
        "encoding": "Numbers are float32 values written as the double that equals them (parse, then Math.fround is "
                    "the identity). Non-finite values are the strings \"NaN\", \"Infinity\", \"-Infinity\". Flat lists "
                    "are row-major (batch, y, x, channel). offsets are [y, x] per batch item; offsets_f32_hex gives "
                    "their IEEE-754 bits.",
        "set": "extra",
        "counts": {"total": len(CASES), "by_category": dict(sorted(by_cat.items())),
                   "by_kind": dict(sorted(by_kind.items()))},
    }
    lines = ["{"]
    for k, v in head.items():
        lines.append("%s: %s," % (json.dumps(k), json.dumps(v, allow_nan=False)))
    lines.append('"cases": [')
    lines.append(",\n".join(json.dumps(cs, separators=(",", ":"), allow_nan=False) for cs in CASES))
    lines.append("]")
    lines.append("}")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    print("wrote %s (%d bytes)" % (OUT, os.path.getsize(OUT)))
    print(json.dumps(head["counts"], indent=1))
    print("SPEC-vs-TF corner differences / noise surprises: %d" % len(SURPRISES))
    for s in SURPRISES:
        print("  " + s)


if __name__ == "__main__":
    main()
