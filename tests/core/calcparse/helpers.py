"""What the calcparse tests share: reading a message that must be a calculation, running it."""

from hypothesis import settings

from service import calculators
from service.core.calcparse import CalcRequest, parse_calculation

FAST = settings(max_examples=300, deadline=None)


def parsed(message: str) -> CalcRequest:
    request = parse_calculation(message)
    assert request is not None, f"{message!r} was not read as a calculation"
    return request


def run(request: CalcRequest) -> dict:
    """Call the calculator a request names, as the dialogue does."""
    args = dict(request.args)
    if request.calculator == "params":
        if args.pop("layer", None) == "linear":
            return calculators.linear_params(**args)
        return calculators.conv2d_params(**args)
    return {"conv": calculators.conv_output,
            "eigen": calculators.recurrent_gradient_check,
            "attention": calculators.patch_attention_cost,
            "sequence_attention": calculators.sequence_attention_cost}[request.calculator](**args)


def size(h: int, w: int, joiner: str) -> str:
    return f"{h}{joiner}{w}"
