"""Assemble the cases into test/fixtures/tf_extra_cases.json and print a summary."""
import json
import os
import platform
import warnings

import numpy as np

from .builder import CaseSet
from .categories import GENERATORS
from .tf_runner import TF_VERSION

SEED = 20250621
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_OUT = os.path.join(ROOT, "test", "fixtures", "tf_extra_cases.json")
HOW = ("eager tf.raw_ops.ExtractGlimpse / tf.raw_ops.ExtractGlimpseV2 (TF CPU kernel); "
       "error cases also inside a tf.function; window_corners read back from TF with "
       "noise=\"zero\" on an image holding 1 + y*W + x; script tools/make_extra_cases.py")
ENCODING = ("Numbers are float32 values written as the double that equals them (parse, then Math.fround is "
            "the identity). Non-finite values are the strings \"NaN\", \"Infinity\", \"-Infinity\". Flat lists "
            "are row-major (batch, y, x, channel). offsets are [y, x] per batch item; offsets_f32_hex gives "
            "their IEEE-754 bits.")


def header(cases):
    by_cat, by_kind = {}, {}
    for cs in cases:
        by_cat[cs["category"]] = by_cat.get(cs["category"], 0) + 1
        k = cs["expected"]["kind"]
        by_kind[k] = by_kind.get(k, 0) + 1
    return {
        "format": "extract-glimpse-golden/1",
        "produced_by": {"tensorflow": TF_VERSION, "numpy": np.__version__,
                        "python": platform.python_version(), "machine": platform.machine(), "how": HOW},
        "encoding": ENCODING,
        "set": "extra",
        "counts": {"total": len(cases), "by_category": dict(sorted(by_cat.items())),
                   "by_kind": dict(sorted(by_kind.items()))},
    }


def render(head, cases):
    """One header field and one case per line, so that diffs of the fixture stay readable."""
    lines = ["{"]
    for k, v in head.items():
        lines.append("%s: %s," % (json.dumps(k), json.dumps(v, allow_nan=False)))
    lines.append('"cases": [')
    lines.append(",\n".join(json.dumps(cs, separators=(",", ":"), allow_nan=False) for cs in cases))
    lines.append("]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv):
    """argv: [out.json], default test/fixtures/tf_extra_cases.json."""
    out = argv[0] if argv else DEFAULT_OUT
    warnings.filterwarnings("ignore")
    np.seterr(all="ignore")  # NaN/inf/overflow are what the cases are about
    cases = CaseSet(SEED)
    for gen in GENERATORS:
        gen(cases)
    head = header(cases.cases)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as fh:
        fh.write(render(head, cases.cases))
    print("wrote %s (%d bytes)" % (out, os.path.getsize(out)))
    print(json.dumps(head["counts"], indent=1))
    print("SPEC-vs-TF corner differences / noise surprises: %d" % len(cases.surprises))
    for s in cases.surprises:
        print("  " + s)
