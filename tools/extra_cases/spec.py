"""SPEC.md's window formula, evaluated in float32 or float64.

Only used to choose offsets and to write notes: every expectation is read from TF.
"""
from dataclasses import dataclass

import numpy as np

F32 = np.float32
INT64_LIM = 2.0 ** 63
# (centered, normalized) pairs
MODES = tuple((c, n) for c in (True, False) for n in (True, False))


def mode_name(c, n):
    return ("centered_" if c else "") + ("normalized" if n else "pixels")


def trunc_or_none(v):
    """Truncation to int64, None where the kernel gives no window."""
    v = float(v)
    if not np.isfinite(v) or v >= INT64_LIM or v < -INT64_LIM:
        return None
    return int(np.trunc(v))


@dataclass(frozen=True)
class Geometry:
    """One op and mode on an H x W image with an h x w glimpse; op is "v1" or "v2"."""
    op: str
    c: bool
    n: bool
    H: int
    W: int
    h: int
    w: int

    def pos(self, oy, ox, dt=F32):
        """Window corner (y, x) before truncation, every step in dtype dt."""
        y, x = dt(oy), dt(ox)
        Hf, Wf, hf, wf, two = dt(self.H), dt(self.W), dt(self.h), dt(self.w), dt(2)
        c, n = self.c, self.n
        if self.op == "v1" or (n and c):
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

    def corner(self, oy, ox, dt=F32):
        y, x = self.pos(oy, ox, dt)
        cy, cx = trunc_or_none(y), trunc_or_none(x)
        if cy is None or cx is None:
            return None
        return [cy, cx]

    def visible(self, corner):
        """The corner if the window overlaps the image, else None (as TF reports it)."""
        if corner is None or self.h == 0 or self.w == 0:
            return None
        cy, cx = corner
        if cy + self.h <= 0 or cy >= self.H or cx + self.w <= 0 or cx >= self.W:
            return None
        return corner

    def axis_fn(self, axis):
        """f(offset, dt): the corner coordinate on one axis, the other offset 0."""
        def f(o, dt=F32):
            if axis == "y":
                return self.pos(o, 0.0, dt)[0]
            return self.pos(0.0, o, dt)[1]
        return f

    def inverse(self, axis, t):
        """Float64 inverse of the one-axis formula: the offset that maps to t."""
        length, glimpse = (self.H, self.h) if axis == "y" else (self.W, self.w)
        a = float(t)
        if self.op == "v1" or (self.n and self.c):
            a += glimpse / 2.0
            if self.c:
                a = (a - length / 2.0) * 2.0
            if self.n:
                a /= length
        elif self.n:
            a /= length
        elif self.c:
            a -= length / 2.0
        return a
