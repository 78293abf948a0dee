"""The categories of cases, each a function of a CaseSet, in the fixture's order.

The order is part of the output: the categories share one RNG."""
from .errors import gen_error
from .layout import gen_batch_mix, gen_empty, gen_shape
from .offsets import gen_huge, gen_nonfinite
from .truncation import gen_f64_traps, gen_truncation
from .values import gen_image_values, gen_noise

GENERATORS = (gen_nonfinite, gen_huge, gen_truncation, gen_f64_traps, gen_batch_mix, gen_shape,
              gen_empty, gen_image_values, gen_noise, gen_error)
