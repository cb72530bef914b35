"""Notations that read values: numbers that stand alone, and sizes ("28x28", "5 by 5", "[3, 3]").

The pattern pieces INT, SIZE, XSIZE and SIZE3 are spliced into the slot patterns (slots.py), and
the helpers below turn what they match into the int or [height, width] the calculators take.
Kept apart because every other part of the parser reads numbers and sizes the same way, and
none of it needs to know which calculator is asked for.
"""

from __future__ import annotations

import re

# Numbers stand alone: not the 2 of "q2", not the 0 or 5 of "0.5".
_ALONE = r"(?<![\w.])"
_END = r"(?![\w.]?\d)"
INT = rf"{_ALONE}(\d{{1,7}}){_END}"
_X = r"\s*+(?:x|\*|by)\s*+"
# A size: "28x28", "28 x 28 x 3", "5 by 5", "[3, 3]", "(32,32,3)" or a single int. XSIZE has
# two or three dimensions, for where a bare number would be ambiguous; SIZE3 has exactly three.
XSIZE = (rf"(?:{_ALONE}\d{{1,7}}(?:{_X}\d{{1,7}}){{1,2}}{_END}"
         r"|[\[(]\s*+\d{1,7}\s*+(?:,\s*+\d{1,7}\s*+){1,2}[\])])")
SIZE = rf"(?:{XSIZE}|{_ALONE}\d{{1,7}}{_END})"
SIZE3 = (rf"(?:{_ALONE}\d{{1,7}}(?:{_X}\d{{1,7}}){{2}}{_END}"
         r"|[\[(]\s*+\d{1,7}\s*+(?:,\s*+\d{1,7}\s*+){2}[\])])")
_SIZE_RE = re.compile(SIZE)
_DIGITS = re.compile(r"\d+")


def parse_size(text: str) -> list[int]:
    """All integers of one size expression, in order: "5 by 5" -> [5, 5]."""
    return [int(n) for n in _DIGITS.findall(text)]


def _pair(numbers: list[int]) -> int | list[int]:
    """One int for a square size ([5, 5] -> 5), else [height, width]; calculators take both."""
    if len(numbers) == 1 or (len(numbers) == 2 and numbers[0] == numbers[1]):
        return numbers[0]
    return numbers[:2]


def _as_list(value) -> list[int]:
    """[height, width] for an int or a list size, so a channel count can be appended."""
    return list(value) if isinstance(value, list) else [value, value]
