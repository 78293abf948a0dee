"""CaseSet: the cases made so far, run in TF one by one, with the random stream they share."""
import numpy as np

from .encoding import enc, enc_list, enc_nested, hex_nested
from .spec import Geometry
from .tf_runner import op_name, read_corners, run

F32 = np.float32


def effective_noise(attrs):
    un, nz = attrs["uniform_noise"], attrs["noise"]
    if nz == "":
        return "uniform" if un else "gaussian"
    return nz


def index_img(B, H, W, C):
    """1, 2, 3, ... in row-major order: each value tells where it came from."""
    return (1 + np.arange(B * H * W * C, dtype=np.float64)).reshape(B, H, W, C).astype(F32)


class CaseSet:
    """Cases in order of creation, SPEC-vs-TF surprises for the summary, and the one RNG.

    The RNG is shared by every category in a fixed order, so the output is deterministic."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.cases = []
        self.surprises = []
        self._names = set()

    def rand_img(self, B, H, W, C):
        return self.rng.uniform(-3, 3, size=(B, H, W, C)).astype(F32)

    def add(self, name, category, op, inp, size, offsets, c=False, n=False, uniform_noise=False,
            noise="zero", note=None):
        """Run one case in TF and record it with what TF did (output, noise facts or errors)."""
        assert name not in self._names, name
        self._names.add(name)
        attrs = {"centered": c, "normalized": n, "uniform_noise": uniform_noise, "noise": noise}
        inp = np.asarray(inp, F32)
        offsets = np.asarray(offsets, F32)
        case = {"name": name, "category": category, "op": op_name(op),
                "input_shape": list(inp.shape), "input": enc_list(inp),
                "size": np.asarray(size, np.int32).tolist(),
                "offsets_shape": list(offsets.shape), "offsets": enc_nested(offsets),
                "offsets_f32_hex": hex_nested(offsets), "attrs": attrs}
        out, error = run(op, inp, size, offsets, attrs)
        case["effective_noise"] = None if error else effective_noise(attrs)
        if note:
            case["note"] = note
        case["expected"] = error or self._expectation(name, op, inp, size, offsets, attrs, out)
        self.cases.append(case)
        return case

    def _expectation(self, name, op, inp, size, offsets, attrs, out):
        eff = effective_noise(attrs)
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

        if out.size > 0:  # SPEC (float32) vs TF corner, for the summary only
            geom = Geometry(op, attrs["centered"], attrs["normalized"], H, W, h, w)
            for b in range(B):
                sc = geom.visible(geom.corner(offsets[b][0], offsets[b][1]))
                if sc != corners[b]:
                    self.surprises.append("%s[b=%d]: TF corner %s, SPEC float32 corner %s"
                                          % (name, b, corners[b], sc))

        if eff == "zero" or not partial:
            exp["kind"] = "exact"
            exp["output"] = enc_list(out)
            if partial:
                exp["inside"] = inside_full.astype(int).ravel().tolist()
            if eff == "zero" and partial:
                noisev = out[~inside_full]
                if not np.all((noisev == 0) & ~np.signbit(noisev)):
                    self.surprises.append("%s: zero noise not all +0" % name)
            return exp

        # random noise: only the inside is exact; the rest is checked against bounds
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
            self.surprises.append("%s: TF noise outside the stated bounds" % name)
        return exp
