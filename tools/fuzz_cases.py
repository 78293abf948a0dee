#!/usr/bin/env python3
"""Write test/fixtures/fuzz_cases.json (or --out): random ExtractGlimpse calls and TF's outputs.

A seeded differential fuzz against real TensorFlow: each case is one eager call of
tf.raw_ops.ExtractGlimpse (V1) or tf.raw_ops.ExtractGlimpseV2 on a small random image, with
offsets drawn to hit the float32 truncation traps, and TF's output recorded bit for bit.
Only outputs that are bit-exact are recorded: noise "zero", or a random noise mode whose
windows lie wholly inside their images (TF's draws cannot be compared).
Usage, from the repository root:
    .venv-tf/bin/python tools/fuzz_cases.py [--seed S] [--count N] [--out PATH]
The output is a function of the seed and the count (and of TF's and numpy's versions).
"""
import argparse
import json
import os
import platform
import warnings

import numpy as np

from extra_cases.categories.truncation import straddle
from extra_cases.spec import Geometry
from extra_cases.fixture import render
from extra_cases.tf_runner import TF_VERSION, call_op, op_name, read_corners, to_tensors

F32 = np.float32
SEED = 20260721
COUNT = 500
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "test", "fixtures", "fuzz_cases.json")
NAN, INF = float("nan"), float("inf")
MAX32 = float(np.finfo(F32).max)
TINY = float(np.finfo(F32).tiny)  # smallest normal
SUB_MIN = float(np.nextafter(F32(0), F32(1)))  # smallest subnormal
SUB_MAX = float(np.nextafter(F32(TINY), F32(0)))  # largest subnormal
ONE_BELOW = float(np.nextafter(F32(1), F32(0)))
ONE_ABOVE = float(np.nextafter(F32(1), F32(2)))

HOW = ("eager tf.raw_ops.ExtractGlimpse / tf.raw_ops.ExtractGlimpseV2 (TF CPU kernel) on random calls; "
       "corners read back from TF with noise=\"zero\" on an image holding 1 + y*W + x; "
       "script tools/fuzz_cases.py")
ENCODING = ("input, offsets and output are float32 tensors as their IEEE-754 bit patterns: 8 lowercase hex "
            "digits per value, most significant first, values concatenated in row-major order "
            "(batch, y, x, channel; offsets (batch, [y, x])). Bits, not decimal numbers, so that -0, NaN, "
            "subnormals and every random float survive exactly and the fixture stays small (8 characters a "
            "value). output_shape is [batch, h, w, channels]. corners: TF's window corner [y, x] per batch "
            "item (null: no pixel of the image in the window). traps: the kind of offset drawn per item, "
            "[y, x].")

# Offset kinds and their weights, per axis of each batch item. NEAR kinds place the window
# around the image; at most one axis of an item draws a FAR kind (mostly a glimpse of noise alone).
NEAR_TRAPS = (
    ("random", 12),  # a corner uniform in [-l, L] (l the glimpse side, L the image side)
    ("integer", 20),  # the corner lands on an integer, or 1-2 float32 ulps either side
    ("half", 14),  # the corner lands on k + 0.5 (-0.5 included), or 1 ulp either side
    ("border", 14),  # the window on a border: corner 0, L - l, L - 1, 1 - l, or just outside (L, -l)
    ("zero", 5),  # +0 and -0
    ("tiny", 5),  # subnormal and smallest normal offsets, either sign
    ("unit", 8),  # +-1 and one ulp either side
)
FAR_TRAPS = (
    ("huge", 8),  # +-1e12, +-3e38, float32 max, 2^31, 2^63, 1e20
    ("outside", 9),  # a window wholly outside the image, near or far
    ("nonfinite", 3),  # NaN, +-Infinity
)
FAR_RATE = 0.2  # items with one FAR axis
HUGE = (1e12, -1e12, 3e38, -3e38, MAX32, -MAX32, 2.0 ** 31, -2.0 ** 31, 2.0 ** 63, -2.0 ** 63, 1e20, -1e20)
TINIES = (SUB_MIN, -SUB_MIN, 1e-40, -1e-40, SUB_MAX, -SUB_MAX, TINY, -TINY, 1e-30, -1e-30)
UNITS = (1.0, -1.0, ONE_BELOW, -ONE_BELOW, ONE_ABOVE, -ONE_ABOVE)
PIXEL_KINDS = (("index", 25), ("integer", 25), ("float", 25), ("wide", 10), ("special", 15))
# random-noise attrs (noise, uniform_noise); recorded only where every window is wholly inside
NOISE_ATTRS = (("uniform", False), ("uniform", True), ("gaussian", False), ("", True), ("", False))


def pick(rng, weighted):
    names = [n for n, _ in weighted]
    w = np.array([x for _, x in weighted], np.float64)
    return names[int(rng.choice(len(names), p=w / w.sum()))]


def small(rng, lo, hi):
    """An integer in [lo, hi], smaller ones likelier (min of two uniform draws)."""
    return int(min(rng.integers(lo, hi + 1), rng.integers(lo, hi + 1)))


def hex_bits(a):
    """float32 values -> their bit patterns, 8 hex digits each, concatenated (row-major)."""
    return "".join("%08x" % b for b in np.asarray(a, F32).ravel().view(np.uint32).tolist())


def ulps(o, d):
    """o moved by d float32 steps."""
    o = F32(o)
    for _ in range(abs(d)):
        o = np.nextafter(o, F32(np.inf if d > 0 else -np.inf))
    return o


class Fuzzer:
    """The one RNG and the cases drawn so far; every draw goes through self.rng, in order."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.cases = []
        self.surprises = []
        self.fallbacks = 0  # random-noise draws whose windows were not wholly inside: recorded as zero
        self.f64_traps = 0  # items whose corner the formula in float64 would put elsewhere

    def image(self, shape):
        rng = self.rng
        kind = pick(rng, PIXEL_KINDS)
        n = int(np.prod(shape))
        if kind == "index":
            v = 1 + np.arange(n, dtype=np.float64)
        elif kind == "integer":
            v = rng.integers(-9, 10, size=n).astype(np.float64)
            v[rng.random(n) < 0.2] = -0.0
        elif kind == "float":
            v = rng.uniform(-3, 3, size=n)
        elif kind == "wide":  # any exponent, subnormals included
            v = rng.choice([-1.0, 1.0], size=n) * rng.uniform(1, 2, size=n) * 2.0 ** rng.integers(-149, 127, size=n)
        else:
            v = rng.uniform(-3, 3, size=n)
            specials = np.array([NAN, INF, -INF, -0.0, SUB_MIN, -SUB_MAX, TINY, MAX32, -MAX32])
            mask = rng.random(n) < 0.2
            v[mask] = rng.choice(specials, size=int(mask.sum()))
        return v.astype(F32).reshape(shape), kind

    def axis_offset(self, geom, axis, kind, inside_only):
        """One offset of `kind` on one axis; inside_only: corners that keep the window in the image."""
        rng = self.rng
        L, g = (geom.H, geom.h) if axis == "y" else (geom.W, geom.w)
        f = geom.axis_fn(axis)
        if kind == "random":
            lo, hi = float(-g), float(L)  # corner range, inverted to an offset range
            return F32(geom.inverse(axis, rng.uniform(lo, hi)))
        if kind in ("integer", "half", "border"):
            if inside_only:
                t = float(rng.integers(0, L - g + 1))
                d = 0 if kind == "border" else int(rng.integers(0, 3))
                if kind == "half" and L - g >= 1 and t < L - g:
                    t += 0.5
            elif kind == "integer":
                t = float(rng.integers(-g, L + 1))
                d = int(rng.integers(-2, 3))
            elif kind == "half":
                t = float(rng.integers(-g, L)) + 0.5
                d = int(rng.integers(-1, 2))
            else:
                t = float(rng.choice([0, L - g, L - 1, 1 - g, L, -g]))
                d = int(rng.choice([0, 0, -1, 1]))
            return ulps(straddle(f, F32(t)), d)
        if kind == "zero":
            return F32(rng.choice([0.0, -0.0]))
        if kind == "tiny":
            return F32(rng.choice(TINIES))
        if kind == "unit":
            return F32(rng.choice(UNITS))
        if kind == "huge":
            return F32(rng.choice(HUGE))
        if kind == "outside":
            far = float(rng.choice([1, 2, 3, 10, 100, 1e4]))
            t = L + far - 1 if rng.integers(2) else -g - far + 1
            return ulps(straddle(f, F32(t)), int(rng.integers(0, 2)))
        return F32(rng.choice([NAN, INF, -INF]))

    def draw(self, index):
        rng = self.rng
        op = "v1" if rng.integers(2) == 0 else "v2"
        c, n = bool(rng.integers(2)), bool(rng.integers(2))
        noisy = rng.random() < 0.15
        B, C = small(rng, 1, 3), small(rng, 1, 3)
        H, W = small(rng, 1, 12), small(rng, 1, 12)
        if noisy:  # windows that fit, so that they can lie wholly inside
            h, w = small(rng, 1, H), small(rng, 1, W)
        else:  # from 1 to well past the image
            h = small(rng, 1, H + 6) if rng.random() < 0.85 else int(rng.integers(H + 1, 2 * H + 9))
            w = small(rng, 1, W + 6) if rng.random() < 0.85 else int(rng.integers(W + 1, 2 * W + 9))
        geom = Geometry(op, c, n, H, W, h, w)
        offsets, traps = [], []
        for _ in range(B):
            item, kinds = [], []
            far = -1 if noisy or rng.random() >= FAR_RATE else int(rng.integers(2))
            for i, axis in enumerate(("y", "x")):
                if noisy:
                    kind = pick(rng, (("integer", 1), ("half", 1), ("border", 1)))
                else:
                    kind = pick(rng, FAR_TRAPS if i == far else NEAR_TRAPS)
                item.append(self.axis_offset(geom, axis, kind, noisy))
                kinds.append(kind)
            offsets.append(item)
            traps.append(kinds)
        offsets = np.array(offsets, F32)
        img, pixels = self.image((B, H, W, C))
        noise, uniform_noise = NOISE_ATTRS[int(rng.integers(len(NOISE_ATTRS)))] if noisy else ("zero", False)
        corners, inside = read_corners(op, img.shape, [h, w], offsets, {"uniform_noise": False, "noise": "zero",
                                                                           "centered": c, "normalized": n})
        if noise != "zero" and not inside.all():
            self.fallbacks += 1
            noise, uniform_noise = "zero", False
        attrs = {"centered": c, "normalized": n, "uniform_noise": uniform_noise, "noise": noise}
        out = call_op(op, *to_tensors(img, [h, w], offsets), attrs).numpy()
        assert out.shape == (B, h, w, C), (index, out.shape)
        outside = ~np.broadcast_to(inside[..., None], out.shape)
        if noise == "zero" and not np.all((out[outside] == 0) & ~np.signbit(out[outside])):
            self.surprises.append("case %d: zero noise not all +0" % index)
        for b in range(B):
            spec = geom.visible(geom.corner(offsets[b][0], offsets[b][1]))
            if spec != geom.visible(geom.corner(offsets[b][0], offsets[b][1], np.float64)):
                self.f64_traps += 1
            if spec != corners[b]:
                self.surprises.append("case %d[b=%d]: TF corner %s, float32 formula %s" % (index, b, corners[b], spec))
        self.cases.append({
            "op": op_name(op), "centered": c, "normalized": n, "noise": noise, "uniform_noise": uniform_noise,
            "pixels": pixels, "input_shape": [B, H, W, C], "input": hex_bits(img), "size": [h, w],
            "offsets": hex_bits(offsets), "traps": traps, "corners": corners,
            "output_shape": list(out.shape), "output": hex_bits(out),
        })


def header(fuzz, seed, count):
    cases = fuzz.cases

    def tally(key):
        t = {}
        for k in key:
            t[k] = t.get(k, 0) + 1
        return dict(sorted(t.items()))

    # the same text wherever the file is written, so that a copy elsewhere compares with cmp
    command = ".venv-tf/bin/python tools/fuzz_cases.py --seed %d --count %d" % (seed, count)
    return {
        "format": "extract-glimpse-fuzz/1",
        "produced_by": {"tensorflow": TF_VERSION, "numpy": np.__version__,
                        "python": platform.python_version(), "machine": platform.machine(), "how": HOW},
        "generator": {"script": "tools/fuzz_cases.py", "seed": seed, "count": count, "command": command},
        "encoding": ENCODING,
        "counts": {
            "cases": len(cases),
            "values": sum(len(cs["output"]) // 8 for cs in cases),
            "by_op": tally(cs["op"] for cs in cases),
            "by_mode": tally("centered=%s,normalized=%s" % (cs["centered"], cs["normalized"]) for cs in cases),
            "by_noise": tally("%s/%s" % (cs["noise"] or "''", cs["uniform_noise"]) for cs in cases),
            "by_pixels": tally(cs["pixels"] for cs in cases),
            "by_trap": tally(k for cs in cases for item in cs["traps"] for k in item),
            "items_float64_corner_differs": fuzz.f64_traps,
        },
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=SEED, help="the RNG's seed (default %(default)s)")
    ap.add_argument("--count", type=int, default=COUNT, help="how many calls (default %(default)s)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output path (default test/fixtures/fuzz_cases.json)")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    np.seterr(all="ignore")  # overflow to inf and NaN are what some offsets are about
    fuzz = Fuzzer(args.seed)
    for i in range(args.count):
        fuzz.draw(i)
    head = header(fuzz, args.seed, args.count)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as fh:
        fh.write(render(head, fuzz.cases))
    print("wrote %s (%d bytes)" % (args.out, os.path.getsize(args.out)))
    print(json.dumps(head["counts"], indent=1))
    print("random-noise draws recorded as zero (a window not wholly inside): %d" % fuzz.fallbacks)
    print("float32 formula-vs-TF corner differences / zero-noise surprises: %d" % len(fuzz.surprises))
    for s in fuzz.surprises:
        print("  " + s)


if __name__ == "__main__":
    main()
