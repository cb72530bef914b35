"""Input checks and LaTeX formatting shared by the calculators."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import NoReturn, TypeVar

from service.errors import CalculationError

T = TypeVar("T")

# The one cap per kind of number, shared by the HTTP schemas and by calculations read from chat.
MAX_SIZE = 100_000  # pixels per side (and kernel, stride, padding, dilation); no image is larger
MAX_CHANNELS = 1_000_000  # channels, features, groups, heads


def fail(field: str, problem: str) -> NoReturn:
    """Raise CalculationError with ``problem`` as the message and as the field's complaint."""
    raise CalculationError(problem, fields={field: [problem]})


def as_int(value: object, field: str, minimum: int = 1, maximum: int = MAX_CHANNELS) -> int:
    """Return ``value`` as a plain Python int.

    Raises CalculationError naming ``field`` if it is not a whole number in
    ``minimum``..``maximum``.
    """
    # bool is an int subclass, but "kernel": true is a mistake, not a 1
    if isinstance(value, bool):
        fail(field, f"{field} must be a whole number, not true/false")
    try:
        number = int(operator.index(value))
    except TypeError:
        fail(field, f"{field} must be a whole number (got {value!r})")
    if number < minimum:
        fail(field, f"{field} must be at least {minimum} (got {number})")
    if number > maximum:
        fail(field, f"{field} must be at most {maximum:,} (got {number:,})")
    return number


def as_pair(value: object, field: str, minimum: int = 1,
            maximum: int = MAX_SIZE) -> tuple[int, int]:
    """Return a size as (height, width): an int means a square, a 2-sequence is [height, width].

    Raises CalculationError naming ``field`` for anything else or for a value below ``minimum``.
    """
    if isinstance(value, list | tuple):
        if len(value) != 2:
            fail(field, f"{field} must be one number or a pair [height, width] "
                        f"(got {len(value)} numbers)")
        return (as_int(value[0], field, minimum, maximum),
                as_int(value[1], field, minimum, maximum))
    number = as_int(value, field, minimum, maximum)
    return number, number


def as_shape(value: object, field: str, names: tuple[str, ...]) -> tuple[int, ...]:
    """Return a fixed-length shape such as [H, W, C] as a tuple of positive ints.

    Raises CalculationError naming ``field`` if the length is wrong or an entry is not >= 1.
    """
    if not isinstance(value, list | tuple) or len(value) != len(names):
        fail(field, f"{field} must be a list [{', '.join(names)}]")
    return tuple(as_int(entry, field, maximum=MAX_SIZE) for entry in value)


def as_bool(value: object, field: str) -> bool:
    """Return ``value`` if it is a bool; raise CalculationError naming ``field`` otherwise."""
    if not isinstance(value, bool):
        fail(field, f"{field} must be true or false (got {value!r})")
    return value


def per_axis(compute: Callable[..., T], args_h: tuple, args_w: tuple) -> tuple[T, T, bool]:
    """Run ``compute(*args, axes=...)`` for height and width.

    When both axes have the same arguments it runs once with ``axes="hw"`` so that the worked
    steps say it once; returns (height result, width result, whether they were shared).
    """
    if args_h == args_w:
        shared = compute(*args_h, axes="hw")
        return shared, shared, True
    return compute(*args_h, axes="h"), compute(*args_w, axes="w"), False


def lhs(symbol: str, axes: str) -> str:
    r"""Return the left-hand side of a per-axis step, e.g. ``\text{out}_h = \text{out}_w``."""
    return " = ".join(f"{symbol}_{axis}" for axis in axes)


def axis_name(axes: str) -> str:
    """Return " height", " width" or "" for messages about one axis or both."""
    return {"h": " height", "w": " width"}.get(axes, "")


def fmt_real(value: float) -> str:
    """Return a float for display in steps: 4 decimals, trailing zeros dropped."""
    if (value != 0 and abs(value) < 1e-4) or abs(value) >= 1e12:
        mantissa, exponent = f"{value:.4e}".split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def fmt_complex(re: float, im: float) -> str:
    """Return ``re + im i`` for display, dropping a zero imaginary part."""
    if im == 0:
        return fmt_real(re)
    sign = "-" if im < 0 else "+"
    return f"{fmt_real(re)} {sign} {fmt_real(abs(im))}i"
