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
from service.calculators.network import network_summary
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
    "run",
    "RECURRENT_CELLS",
    "classification_metrics",
    "conv2d_params",
    "conv_output",
    "conv_stack",
    "f1_from_rates",
    "linear_params",
    "metrics_from_some_counts",
    "network_summary",
    "patch_attention_cost",
    "patch_count",
    "recurrent_gradient_check",
    "recurrent_params",
    "sequence_attention_cost",
    "sequence_dot_products",
]


def run(calculator: str, args: dict) -> dict:
    """The calculator named as the chat's requests name them, called with `args` (a "params"
    request's "layer" says which kind of layer is counted; a conv2d when it is absent)."""
    args = dict(args)
    if calculator == "params":
        layer = args.pop("layer", None)
        if layer == "linear":
            return linear_params(**args)
        if layer in RECURRENT_CELLS:
            return recurrent_params(layer, **args)
        return conv2d_params(**args)
    if calculator == "conv":
        return conv_output(**args)
    if calculator == "eigen":
        return recurrent_gradient_check(**args)
    if calculator == "metrics":
        return classification_metrics(**args)
    if calculator == "f1":
        return f1_from_rates(**args)
    if calculator == "sequence_attention":
        return sequence_attention_cost(**args)
    if calculator == "stack":
        return conv_stack(**args)
    if calculator == "network":
        return network_summary(**args)
    return patch_attention_cost(**args)
