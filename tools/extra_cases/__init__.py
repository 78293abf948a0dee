"""Extra ExtractGlimpse golden cases from real TensorFlow, written to
test/fixtures/tf_extra_cases.json by tools/make_extra_cases.py.

Modules:
    encoding    float32 values -> JSON (non-finite as strings, IEEE-754 hex)
    spec        SPEC.md's window formula, used to choose offsets and write notes
    tf_runner   calls the TF ops, cleans their errors, reads window corners back
    builder     CaseSet: runs one case in TF and records it with its expectation
    categories  one module per group of cases
    fixture     assembles and writes the JSON file (entry point: main)
"""
