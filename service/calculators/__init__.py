"""Pure-math calculators with worked steps; no Flask here, only numbers in and dicts out."""

from service.calculators.attention import (
    patch_attention_cost,
    patch_count,
    sequence_attention_cost,
    sequence_dot_products,
)
from service.calculators.conv import conv_output, conv_stack
from service.calculators.eigen import MAX_MATRIX_SIZE, recurrent_gradient_check
from service.calculators.metrics import (
    classification_metrics,
    f1_from_rates,
    metrics_from_some_counts,
)
from service.calculators.params import (
    GATES as RECURRENT_CELLS,
)
from service.calculators.params import (
    conv2d_params,
    linear_params,
    recurrent_params,
)

__all__ = [
    "MAX_MATRIX_SIZE",
    "RECURRENT_CELLS",
    "classification_metrics",
    "conv2d_params",
    "conv_output",
    "conv_stack",
    "f1_from_rates",
    "linear_params",
    "metrics_from_some_counts",
    "patch_attention_cost",
    "patch_count",
    "recurrent_gradient_check",
    "recurrent_params",
    "sequence_attention_cost",
    "sequence_dot_products",
]
