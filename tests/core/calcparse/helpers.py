"""What the calcparse tests share: reading a message that must be a calculation, running it."""

from hypothesis import settings

from service.core.calc_chat import run_calculation
from service.core.calcparse import CalcRequest, parse_calculation

FAST = settings(max_examples=300, deadline=None)


def parsed(message: str) -> CalcRequest:
    request = parse_calculation(message)
    assert request is not None, f"{message!r} was not read as a calculation"
    return request


def run(request: CalcRequest) -> dict:
    """Call the calculator a request names, as the dialogue does."""
    return run_calculation(request)


def size(h: int, w: int, joiner: str) -> str:
    return f"{h}{joiner}{w}"
