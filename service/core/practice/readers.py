"""Reading answers: statement numbers, numbers, sizes and verdicts from what a student typed.

Pure text handling that knows no question: the graders (grading.py, choice.py) call these
readers, and tests/test_linear_time.py scans their patterns and times them on adversarial text.
"""

from __future__ import annotations

import ast
import math
import re
from decimal import Decimal

from service.core.practice.errors import AnswerShapeError

# "one" is left out: "the one about the KL" is not an answer
_WORD_NUMBERS = {w: n for n, w in enumerate(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], start=2)}
_WORD_NUMBERS |= {w: n for n, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth"], start=1)}
_NONE = re.compile(r"^\W*(?:none|nothing|no statements?|none of (?:them|these|the above)|"
                   r"all (?:of them |statements |are )?false|\[\s*\])\W*$")
_ALL = re.compile(r"^\W*(?:all|all of them|all of (?:these|the above)|every(?:thing| one)|"
                  r"all (?:statements |are )?true|all five)\W*$")
# "q6", "question 8": names a question, not a choice
_REFERENCE = re.compile(r"\b(?:q|question|seed)\s*\d+\b")
_NUMBER = re.compile(r"[-+]?(?:\d++(?:\.\d*+)?|\.\d++)(?:e[-+]?\d++)?")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_WORD_NUMBER = re.compile(r"\b(" + "|".join(_WORD_NUMBERS) + r")\b")
_DECIMAL_POINT = re.compile(r"\d\.\d")
_DIGITS = re.compile(r"\d+")
_TIMES_X = re.compile(r"(?<=[\d)\s])x(?=[\s\d(])")
_ARITHMETIC = re.compile(r"[\d\s.+\-*/()e]++")
_NOT_A_VALUE = re.compile(r"\\?rho\b|\(w_?h\)|\bis\b|\babout\b|\bapprox\w*")
_WORD = re.compile(r"[a-wyz]{2,}")
_SIZE_NUMBER = re.compile(r"\d++(?:\.\d++)?")
# An answer larger than this is no answer to any question here, and a float could not hold an
# integer beyond 2**53 exactly: such numbers are refused rather than rounded (or made inf).
MAX_ANSWER_VALUE = 10**15
_VERDICTS = {
    "explode": re.compile(r"\bexplo(?:de|des|ded|ding|sion|sive)\b|\bblows? up\b|"
                          r"\bdiverg\w*"),
    "vanish": re.compile(r"\bvanish(?:es|ed|ing)?\b|\bdecay\w*|\bshrinks?\b|\bdies? out\b|"
                         r"\bgoes to (?:0|zero)\b"),
    "stable": re.compile(r"\bstable\b|\bneither\b|\bbounded\b|\bconstant\b"),
}
_NEGATION = re.compile(r"(?:\bnot|\bno|n't|\bnever|\bneither|\bnor)\s++(?:\w++\s++){0,2}$")
_NEGATION_REACH = 40  # characters before a verdict word where a negation can stand


def _clean(answer: str, what: str) -> str:
    """Return a string answer lower-cased, with Unicode minus and times signs made ASCII."""
    text = answer.strip().lower().replace("−", "-").replace("×", "x").replace("’", "'")
    if not text:
        raise AnswerShapeError(f"The answer is empty; give {what}.")
    return _THOUSANDS.sub("", text)  # 1,152 -> 1152


def read_choices(answer: object, count: int) -> list[int]:
    """Return the statement numbers an answer selects, sorted: [2, 3, 5] from "2, 3 and 5".

    Accepts a list of ints, one int, or a string of numbers ("2 3 5", "2, 3 and 5", "only 5",
    "two and five", "none", "all"). Raises AnswerShapeError for anything else or for a number
    outside 1..count.
    """
    what = (f'the numbers of the true statements (1 to {count}), e.g. "2, 3 and 5" or '
            '[2, 3, 5], or "none"')
    if isinstance(answer, list):
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in answer):
            raise AnswerShapeError(f"A list must hold whole numbers only; give {what}.")
        numbers = list(answer)
    elif isinstance(answer, int) and not isinstance(answer, bool):
        numbers = [answer]
    elif isinstance(answer, str):
        text = _clean(answer, what)
        if _NONE.match(text):
            return []
        if _ALL.match(text):
            return list(range(1, count + 1))
        text = _REFERENCE.sub(" ", text)
        text = _WORD_NUMBER.sub(lambda m: str(_WORD_NUMBERS[m.group(1)]), text)
        if _DECIMAL_POINT.search(text):
            raise AnswerShapeError(f"Statement numbers are whole numbers; give {what}.")
        numbers = [int(n) for n in _DIGITS.findall(text)]
        if not numbers:
            raise AnswerShapeError(f"I could not find a statement number; give {what}.")
    else:
        raise AnswerShapeError(f"Give {what}.")
    outside = sorted({n for n in numbers if not 1 <= n <= count})
    if outside:
        raise AnswerShapeError(f"There is no statement {outside[0]}; the statements are "
                               f"numbered 1 to {count}.")
    return sorted(set(numbers))


class _TooLarge(ValueError):
    """Arithmetic that would take too long or too much memory to be worth computing."""


class _Arithmetic(ast.NodeVisitor):
    """Evaluate + - * / ** over numbers, refusing anything else or anything huge."""

    OPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
           ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b}

    def visit(self, node):
        if isinstance(node, ast.Expression):
            return self.visit(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float) \
                and not isinstance(node.value, bool):
            if not math.isfinite(node.value) or abs(node.value) > 1e30:
                raise _TooLarge("constant")  # "1e400" parses as inf
            return node.value
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            value = self.visit(node.operand)
            return -value if isinstance(node.op, ast.USub) else value
        if isinstance(node, ast.BinOp):
            left, right = self.visit(node.left), self.visit(node.right)
            if isinstance(node.op, ast.Pow):
                if abs(right) > 64 or abs(left) > 1e6:
                    raise _TooLarge("power")
                value = left ** right
            elif type(node.op) in self.OPS:
                if isinstance(node.op, ast.Div) and right == 0:
                    raise _TooLarge("division by zero")
                value = self.OPS[type(node.op)](left, right)
            else:
                raise ValueError("operator")
            if isinstance(value, complex) or abs(value) > 1e30:
                raise _TooLarge("value")
            return value
        raise ValueError("not arithmetic")


def _evaluate(text: str) -> float | None:
    """Return the value of "3*3*32 + 1" or "36^2 x 27", or None if it is not plain arithmetic.

    Raises AnswerShapeError for arithmetic it will not compute (a power too large to be an
    answer, a division by zero), rather than guess another number from it.
    """
    if len(text) > 200:
        return None
    expression = _TIMES_X.sub("*", text).replace("^", "**")
    expression = expression.replace("·", "*").replace("\\cdot", "*").replace("\\times", "*")
    if not _ARITHMETIC.fullmatch(expression):
        return None
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError:
        return None
    try:
        return _Arithmetic().visit(tree)
    except _TooLarge:
        raise AnswerShapeError("That arithmetic is too large to be the answer (or divides by "
                               "zero); give the number itself.") from None
    except (ValueError, TypeError, OverflowError, RecursionError):
        return None  # not plain arithmetic, e.g. "289 (288 + 1)"


def read_number(answer: object, what: str = "a number, e.g. 289") -> float:
    """Return the number an answer gives: 289, "289", "289 parameters", "3*3*32 + 1 = 289".

    Takes what follows the last '=', then a lone number, a plain arithmetic expression, or the
    number the answer starts with. Raises AnswerShapeError when there is none.
    """
    if isinstance(answer, int | float) and not isinstance(answer, bool):
        return _bounded(answer, what)
    if not isinstance(answer, str):
        raise AnswerShapeError(f"Give one value, not a list: {what}." if isinstance(answer, list)
                               else f"Give {what}.")
    text = _clean(answer, what).rsplit("=", 1)[-1].replace("≈", " ").replace("~", " ").strip()
    text = _NOT_A_VALUE.sub(" ", text)
    numbers = _NUMBER.findall(text)
    if not numbers:
        raise AnswerShapeError(f"I could not find a number; give {what}.")
    if len(numbers) == 1:
        return _parse_number(numbers[0], what)
    cleaned = _WORD.sub(" ", text)  # drop words, keep 'x' between numbers
    value = _evaluate(cleaned.strip())
    if value is not None:
        return _bounded(value, what)
    lead = _NUMBER.match(text)
    if lead:
        return _parse_number(lead.group(0), what)
    raise AnswerShapeError(f"I could not tell which number is the answer; give {what}.")


def _parse_number(text: str, what: str) -> float:
    """A number written in an answer, read exactly (as a Decimal) and then as a float; one
    beyond MAX_ANSWER_VALUE raises AnswerShapeError rather than becoming inf or rounding."""
    return _bounded(Decimal(text), what)


def _bounded(value: int | float | Decimal, what: str) -> float:
    """`value` as a float, if it is finite and at most MAX_ANSWER_VALUE in size."""
    if isinstance(value, Decimal):
        finite = value.is_finite()
    else:
        finite = not isinstance(value, float) or math.isfinite(value)  # ints are finite
    if not finite:
        raise AnswerShapeError(f"Give a finite number: {what}.")
    if abs(value) > MAX_ANSWER_VALUE:
        raise AnswerShapeError(f"That number is too large to be the answer; give {what}.")
    return float(value)


def read_size(answer: object) -> tuple[float, float]:
    """Return (height, width) from "16x16", "16 by 16", "[16, 16]", "(16,16)", "16" (square).

    A third number of 1 (one channel, "16x16x1") is allowed. Raises AnswerShapeError otherwise.
    """
    what = 'the output size as height x width, e.g. "16x16", "16 by 16" or [16, 16]'
    if isinstance(answer, list):
        if not 1 <= len(answer) <= 2 or not all(
                isinstance(n, int | float) and not isinstance(n, bool) for n in answer):
            raise AnswerShapeError(f"A list must be [height, width]; give {what}.")
        values = [_bounded(n, what) for n in answer]
    elif isinstance(answer, int | float) and not isinstance(answer, bool):
        values = [_bounded(answer, what)]
    elif isinstance(answer, str):
        text = _clean(answer, what).rsplit("=", 1)[-1]
        values = [_parse_number(n, what) for n in _SIZE_NUMBER.findall(text)[:4]]
        if len(values) == 3 and values[2] == 1:
            values = values[:2]
    else:
        raise AnswerShapeError(f"Give {what}.")
    if len(values) == 1:
        values = values * 2
    if len(values) != 2:
        raise AnswerShapeError(f"I could not read a size from that; give {what}.")
    return values[0], values[1]


def read_verdict(answer: object) -> str:
    """Return "explode", "vanish" or "stable" from "explodes", "it will vanish", "neither"...

    Negated words ("does not explode") are not verdicts. Raises AnswerShapeError when no
    verdict, or more than one, is stated.
    """
    what = 'whether the gradient explodes or vanishes, e.g. "explode" or "vanish"'
    if not isinstance(answer, str):
        raise AnswerShapeError(f"Give {what}.")
    text = _clean(answer, what)
    found = set()
    for verdict, pattern in _VERDICTS.items():
        for match in pattern.finditer(text):
            start = match.start()
            if not _NEGATION.search(text, max(0, start - _NEGATION_REACH), start):
                found.add(verdict)
    if len(found) != 1:
        problem = "Say just one of them" if found else "I could not find a verdict"
        raise AnswerShapeError(f"{problem}; give {what}.")
    return found.pop()
