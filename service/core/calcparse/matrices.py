"""Matrices in the notations students paste: `[[a, b], [c, d]]`, `[a b; c d]`, LaTeX bmatrix,
"W_h = a b; c d".

Kept apart from the slots: a matrix is read by its own patterns, bounded by the size the
eigenvalue calculator takes (MAX_MATRIX_ROWS), and both the intent (a matrix asks for the
eigenvalue check) and the readers use it.
"""

from __future__ import annotations

import itertools
import math
import re

from service.calculators.eigen import MAX_MATRIX_SIZE

# Rows are read up to one more than the calculator takes, so that a matrix one row too large is
# still found (and refused by the calculator) while the scan stays bounded.
MAX_MATRIX_ROWS = MAX_MATRIX_SIZE + 1
# Separators between rows are unambiguous (spaces, then one comma or semicolon, then spaces), so
# a row that does not close is given up on in one pass rather than retried in every split.
_MATRIX = re.compile(r"\[\s*+\[[^\[\]]*+\](?:\s*+(?:[,;]\s*+)?\[[^\[\]]*+\])"
                     rf"{{0,{MAX_MATRIX_ROWS - 1}}}\s*+\]")
_ROW = re.compile(r"\[([^\[\]]*+)\]")
# bracketed matrices looked at before the numbers: one of names ("[[TN, FP], [FN, TP]] = ...")
_NAMED_FIRST = 1
# MATLAB style, rows split by semicolons: "[0.5 0.2; 0.1 1.3]"
_MATLAB_MATRIX = re.compile(r"\[([-+.\de\s,]*+;[-+.\de\s,;]*+)\]")
# A pasted LaTeX matrix, as `fold` leaves it: "{bmatrix} 0.5 & 0.2 \\ 0.1 & 1.3 {bmatrix}"
_LATEX_MATRIX_MARK = re.compile(r"\{[bpv]?matrix\}")
_NUMBER = re.compile(r"[-+]?(?:\d++(?:\.\d*+)?|\.\d++)(?:e[-+]?\d++)?")
# Without brackets, rows split by semicolons or slashes after the matrix's name or the word
# "rows": "W_h = 0.9 0.3; -0.2 0.7", "W_h rows 1.1 0.3 / -0.2 0.6"
_NAMED_MATRIX = re.compile(r"(?:\bw(?:h|_h)?\s*+=|\brows?\s*+:?)\s*+([-+.\d\s,;/]{3,2000}+)")
_ROW_SEPARATOR = re.compile(r"[;/]")
# Rows between bars, as a matrix is drawn in plain text ("| 0.6 0.5 |" on each line, the lines
# joined by the time the text is read): at least two rows of at least two numbers each
_ENTRY = r"[-+]?[\d.]++(?:e[-+]?\d++)?"
_BAR_ROW = rf"\|\s*+(?:{_ENTRY}[\s,]++){{1,{MAX_MATRIX_ROWS - 1}}}{_ENTRY}\s*+\|"
_BAR_MATRIX = re.compile(rf"{_BAR_ROW}(?:\s*+{_BAR_ROW}){{1,{MAX_MATRIX_ROWS - 1}}}")
_BAR = re.compile(r"\|\s*+\|")
# Rows in parentheses or brackets after the word "rows": "rows (-0.4, 0.9) and (0.9, -0.4)",
# "has rows [2, 1] and [0, 0.5]"
_PAREN_ROW = rf"[(\[]\s*+(?:{_ENTRY}\s*+,?\s*+){{2,{MAX_MATRIX_ROWS}}}[)\]]"
_PAREN_MATRIX = re.compile(rf"\brows?\s*+(?::|=|are\b)?\s*+({_PAREN_ROW}"
                           rf"(?:\s*+(?:,|;|and)?\s*+{_PAREN_ROW}){{1,{MAX_MATRIX_ROWS - 1}}})")
_PAREN = re.compile(r"[(\[]([^()\[\]]*+)[)\]]")
# Rows told in words: "rows 0.5 0.1 and 0.2 0.4", "first row 0.7, 0.2 and second row 0.3, 0.6"
_WORD_ROW = rf"{_ENTRY}(?:\s*+,?\s*+{_ENTRY}){{1,{MAX_MATRIX_ROWS - 1}}}+"
_ROWS_AND = re.compile(rf"\brows?\s*+:?\s*+({_WORD_ROW})\s*+,?\s*+and\s++({_WORD_ROW})"
                       rf"(?:\s*+,?\s*+and\s++({_WORD_ROW}))?")
# ... each row maybe in brackets: "first row (0.5, 0.2) and second row (0.1, 0.3)", its
# entries maybe joined by "and" ("top row 0.9 and 0.4, bottom row 0 and 0.95")
_COUNTED_ROW = (rf"[(\[]?+\s*+({_ENTRY}(?:\s*+(?:,\s*+)?(?:and\s++)?{_ENTRY})"
                rf"{{1,{MAX_MATRIX_ROWS - 1}}}+)\s*+[)\]]?+")
_ROWS_COUNTED = re.compile(
    rf"\b(?:first|top|upper)\s++row\s*+(?:is\s++)?{_COUNTED_ROW}\s*+[,;]?\s*+(?:and\s++)?"
    rf"(?:the\s++)?(?:second|bottom|lower|middle)\s++row"
    rf"\s*+(?:is\s++)?{_COUNTED_ROW}(?:\s*+[,;]?\s*+(?:and\s++)?(?:the\s++)?(?:third|bottom|last)"
    rf"\s++row\s*+(?:is\s++)?{_COUNTED_ROW})?")
# Bracketed rows after the matrix's name, one per line: "W_h =\n[0.2 0.1]\n[0.3 0.4]"
_NAMED_ROWS = re.compile(rf"\bw(?:h|_h)?\s*+[=:]\s*+((?:\[[^\[\]]{{1,200}}+\]\s*+,?\s*+)"
                         rf"{{2,{MAX_MATRIX_ROWS}}})")
# A matrix said to be diagonal, by its entries in words: "3x3 diagonal W_h with -1.3, 0.2 and
# 0.5 on the diagonal" ("2x2 with 0.5 and 0.7 on the diagonal" leaves the rest unsaid)
_DIAGONAL_LISTED = re.compile(
    rf"\bdiagonal\s++(?:matrix\s++|w(?:h|_h)?\s++)?(?:with|has|having)\s++({_ENTRY}"
    rf"(?:\s*+,?\s*+(?:and\s++)?{_ENTRY}){{1,{MAX_MATRIX_ROWS - 1}}})\s++(?:on|along)\s++"
    r"(?:the\s++|its\s++)?(?:main\s++)?diagonal\b")
# A scalar recurrence: "h_t = 1.05 h_{t-1} + x_t" (read as "ht = 1.05 ht-1"), a 1 x 1 matrix
_SCALAR_RECURRENCE = re.compile(rf"\bh_?t\s*+=\s*+(?:[a-z]{{1,8}}\(\s*+)?({_ENTRY})\s*+\*?\s*+"
                                r"h_?\{?t\s*+-\s*+1\b")
# A matrix said by its diagonal and the rest: "a 2 by 2 matrix with 0.9 on both diagonal entries
# and 0.1 on both off-diagonal entries", "3x3 with 0.5 on the diagonal and 0.1 elsewhere"
_DIAGONAL_AND_REST = re.compile(
    r"(?<![\w.])([2-9])\s*+(?:x|by)\s*+\1\b[^.?;]{0,60}?"
    rf"({_ENTRY})\s++on\s++(?:both\s++|all\s++)?(?:the\s++)?diagonal\b[^.?;]{{0,30}}?"
    rf"({_ENTRY})\s++(?:on\s++(?:both\s++|all\s++)?(?:the\s++)?off[\s-]?+diagonal|elsewhere|"
    rf"everywhere\s++else|off\s++it)")
# A diagonal matrix by its entries: "diag(0.5, 0.9)", LaTeX's "\mathrm{diag}(-1.3, 0.2)"
_DIAGONAL = re.compile(r"\bdiag(?:onal)?+\}?+\s*+\(([-+.\de\s,\\]{1,400}+)\)")


# A multiple of the identity: "W_h = 0.99 * I", "0.5 times the identity" (a bare "0.9 i" may
# be "0.9, I think")
_SCALED_IDENTITY = re.compile(r"(?<![\w.])(-?\d{0,3}+\.\d{1,6}+|\d{1,3}+)\s*+(?:\*\s*+i\b|"
                              r"(?:times\s++(?:the\s++|an?\s++)?)?identity\b|"
                              r"times\s++i\b)")
# ... and its size: "the 3x3 identity", "identity of size 4"
_IDENTITY_SIZE = re.compile(r"(?<![\w.])([1-9])\s*+x\s*+\1\s++identity|"
                            r"\bidentity\s++(?:matrix\s++)?of\s++size\s++([1-9])\b")
# A decimal said digit by digit ("zero point nine", "point nine five", number words already
# digits): one number
_SPOKEN_DECIMAL = re.compile(r"(?<![\w.])(?:0\s++)?point((?:\s++\d(?!\w|\.\d))++)")


def _decimal(match: re.Match) -> str:
    return "0." + "".join(match[1].split())


def find_matrix(text: str) -> list[list[float]] | None:
    """The first matrix in the text as rows of floats, or None (also for an empty row).

    Reads `[[a, b], [c, d]]` (commas or spaces), `[a b; c d]`, a LaTeX bmatrix/pmatrix, rows
    between bars (`| a b | | c d |`), rows in parentheses (`rows (a, b) and (c, d)`), a diagonal
    matrix (`diag(a, b)`, "with a and b on the diagonal"), bracketed rows after a name (`W_h =
    [a b] [c d]`), rows after a name (`W_h = a b; c d`) and a scalar recurrence (`h_t = a
    h_{t-1} + x_t`).
    """
    text = _SPOKEN_DECIMAL.sub(_decimal, text)   # "point nine five" (read "point 9 5"): 0.95
    # the first bracketed one with numbers: "[[TN, FP], [FN, TP]] = [[880, 20], [35, 65]]"
    found = next((m for m in itertools.islice(_MATRIX.finditer(text), _NAMED_FIRST + 1)
                  if _NUMBER.search(m.group(0))), None)
    if found:
        rows = _ROW.findall(found.group(0)[1:-1])
    elif (latex := _latex_matrix(text)) is not None:
        rows = [row for row in latex.split("\\\\") if row.strip()]
    elif found := _MATLAB_MATRIX.search(text):
        rows = [row for row in found.group(1).split(";") if row.strip()][:MAX_MATRIX_ROWS]
    elif found := _NAMED_ROWS.search(text):
        rows = _ROW.findall(found.group(1))[:MAX_MATRIX_ROWS]
    elif found := _BAR_MATRIX.search(text):
        rows = [row for row in _BAR.split(found.group(0).strip("| ")) if row.strip()]
    elif found := _PAREN_MATRIX.search(text):
        rows = _PAREN.findall(found.group(1))
    elif found := _ROWS_AND.search(text) or _ROWS_COUNTED.search(text):
        rows = [row for row in found.groups() if row]
    elif found := _DIAGONAL_AND_REST.search(text):
        size, on, off = int(found[1]), found[2], found[3]
        rows = _diagonal_rows([on] * size, off)
    elif found := _DIAGONAL_LISTED.search(text) or _DIAGONAL.search(text):
        # "diag(0.5, 0.9, 0.7)": the entries on the diagonal, zeros elsewhere
        rows = _diagonal_rows(_NUMBER.findall(found.group(1))[:MAX_MATRIX_ROWS])
    elif found := _SCALAR_RECURRENCE.search(text):
        rows = [found.group(1)]
    elif found := _SCALED_IDENTITY.search(text):
        # "W_h = 0.99 * I (the 3x3 identity)": the number on the diagonal, zeros elsewhere
        sides = _IDENTITY_SIZE.search(text)
        size = min(int(sides[1] or sides[2]), MAX_MATRIX_ROWS) if sides else 2
        rows = _diagonal_rows([found[1]] * size)
    elif (found := _NAMED_MATRIX.search(text)) and _ROW_SEPARATOR.search(found.group(1)):
        rows = [row for row in _ROW_SEPARATOR.split(found.group(1), maxsplit=MAX_MATRIX_ROWS)
                if row.strip()][:MAX_MATRIX_ROWS]
    else:
        return None
    matrix = [[_number(n) for n in _NUMBER.findall(row)[:MAX_MATRIX_ROWS]] for row in rows]
    return matrix if matrix and all(matrix) else None


def _diagonal_rows(diagonal: list[str], off: str = "0") -> list[str]:
    """The rows, as text, of a square matrix with `diagonal` on its diagonal and `off` elsewhere."""
    return [" ".join(entry if column == row else off for column in range(len(diagonal)))
            for row, entry in enumerate(diagonal)]


def _latex_matrix(text: str) -> str | None:
    """What lies between the first two matrix markers ("{bmatrix} ... {bmatrix}"), or None.

    Found by listing the markers once: a lazy pattern from every opening marker to the next
    would rescan the rest of the text from each of many unclosed ones.
    """
    marks = [m.span() for m in itertools.islice(_LATEX_MATRIX_MARK.finditer(text), 2)]
    if len(marks) < 2:
        return None
    return text[marks[0][1]:marks[1][0]]


def _number(text: str) -> float:
    """A matrix entry as a float; one beyond float range (a 400-digit number) is kept as
    infinity for the calculator to refuse by name, never read as a different number."""
    try:
        return float(text)
    except OverflowError:  # float() of a decimal string saturates; kept for clarity
        return math.inf
