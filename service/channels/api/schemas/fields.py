"""Fields the calculators' requests share: strict integers, sizes and paddings."""

from __future__ import annotations

import math
import numbers

from marshmallow import Schema, ValidationError, fields, pre_load

from service.calculators.common import MAX_CHANNELS, MAX_SIZE  # noqa: F401 - one cap, two doors
from service.core.textnorm import invalid_characters


class StrictInteger(fields.Integer):
    """An integer that refuses booleans and floats (JSON `true` is not a size)."""

    def __init__(self, **kwargs):
        super().__init__(strict=True, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


def _int_in_range(value, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValidationError(f"{name} must be an integer.")
    if not low <= value <= high:
        raise ValidationError(f"{name} must be between {low} and {high}.")
    return int(value)


class Pair(fields.Field):
    """An int (the same for height and width) or a pair `[height, width]` of ints in a range."""

    def __init__(self, low: int = 1, high: int = MAX_SIZE, **kwargs):
        self.low, self.high = low, high
        item = {"type": "integer", "minimum": low, "maximum": high}
        metadata = kwargs.pop("metadata", {})
        metadata.setdefault("oneOf", [item, {"type": "array", "items": item,
                                             "minItems": 2, "maxItems": 2}])
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, list):
            if len(value) != 2:
                raise ValidationError("Must be an integer or a pair [height, width].")
            return [_int_in_range(v, "Each value", self.low, self.high) for v in value]
        return _int_in_range(value, "The value", self.low, self.high)

    def _serialize(self, value, attr, obj, **kwargs):
        return value


class Padding(Pair):
    """Padding: an int or pair of ints >= 0, or "same" / "valid"."""

    MODES = ("same", "valid")

    def __init__(self, **kwargs):
        item = {"type": "integer", "minimum": 0, "maximum": MAX_SIZE}
        super().__init__(low=0, metadata={"oneOf": [
            item, {"type": "array", "items": item, "minItems": 2, "maxItems": 2},
            {"type": "string", "enum": list(self.MODES)}]}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str):
            if value.lower() not in self.MODES:
                raise ValidationError('Must be an integer, a pair, "same" or "valid".')
            return value.lower()
        return super()._deserialize(value, attr, data, **kwargs)


def _fits_a_float(number: numbers.Real) -> bool:
    """Whether a JSON number is finite and converts to a float (a 400-digit integer does not)."""
    try:
        return math.isfinite(float(number))
    except OverflowError:
        return False


class Matrix(fields.Field):
    """A square matrix of finite numbers, refused by its shape before any element is read."""

    def __init__(self, max_size: int, **kwargs):
        self.max_size = max_size
        number = {"type": "number"}
        metadata = {"type": "array", "minItems": 1, "maxItems": max_size,
                    "items": {"type": "array", "items": number, "minItems": 1,
                              "maxItems": max_size},
                    "description": f"Square, at most {max_size} x {max_size}."}
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, list) or not all(isinstance(row, list) for row in value):
            raise ValidationError("Must be a list of rows, e.g. [[0.5, 0.2], [0.1, 1.3]].")
        size = len(value)
        if not 1 <= size <= self.max_size:
            raise ValidationError(f"Must have 1 to {self.max_size} rows (got {size}).")
        lengths = sorted({len(row) for row in value})
        if lengths != [size]:
            raise ValidationError(f"Must be square: {size} rows, but row lengths {lengths}.")
        problems: dict = {}
        for i, row in enumerate(value):
            for j, item in enumerate(row):
                if isinstance(item, bool) or not isinstance(item, numbers.Real):
                    problems.setdefault(i, {})[j] = ["Not a valid number."]
                elif not _fits_a_float(item):
                    problems.setdefault(i, {})[j] = [
                        "Must be a finite number within the range of a double (no NaN, "
                        "Infinity or integers beyond about 1.8e308)."]
        if problems:
            raise ValidationError(problems)
        return [[float(item) for item in row] for row in value]

    def _serialize(self, value, attr, obj, **kwargs):
        return value


class RequestSchema(Schema):
    """The base of every request schema: text that is not valid Unicode (a lone surrogate,
    which JSON's "\\ud800" decodes to, or a control character) is refused wherever it stands,
    key or value, at any depth, naming the field; nothing downstream ever sees it."""

    @pre_load
    def refuse_invalid_text(self, data, **kwargs):
        problems = _invalid_text(data)
        if problems:
            raise ValidationError(problems)
        return data


def _invalid_text(value) -> dict | list | None:
    """Marshmallow-shaped messages for every invalid string in `value`, None if there is none."""
    if isinstance(value, str):
        bad = invalid_characters(value)
        return [f"Contains characters that are not valid text: {', '.join(bad)}."] if bad \
            else None
    if isinstance(value, list):
        found = {i: p for i, item in enumerate(value) if (p := _invalid_text(item))}
        return found or None
    if isinstance(value, dict):
        found = {}
        for key, item in value.items():
            problem = _invalid_text(key) if isinstance(key, str) else None
            problem = problem or _invalid_text(item)
            if problem:
                found[key if not invalid_characters(str(key)) else repr(key)] = problem
        return found or None
    if hasattr(value, "getlist"):  # a query string's MultiDict: every value of every key
        return _invalid_text({key: values[0] if len(values := value.getlist(key)) == 1
                              else values for key in value})
    return None
