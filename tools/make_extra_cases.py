#!/usr/bin/env python3
"""Write test/fixtures/tf_extra_cases.json (or the path given) from real TensorFlow.

The code is the extra_cases package beside this file; see tools/README.md.
Usage, from the repository root: .venv-tf/bin/python tools/make_extra_cases.py [out.json]
"""
import sys

from extra_cases.fixture import main

if __name__ == "__main__":
    main(sys.argv[1:])
