"""Practice mode: questions like the seed's, graded precisely, in chat and over HTTP.

Two kinds of question. *choice*: the knowledge base's multiple-choice entries (the seed's Q6,
Q8, Q10, Q12 and any entry with `choices`), graded statement by statement with the entry's
`choice_reasons`. *numeric*: fresh variants of the seed's calculable questions (conv output
size, Q1; parameter count, Q2; exploding or vanishing gradients for a generated W_h, Q9;
self-attention cost, Q11), graded against the calculators, whose worked steps are the
solution. A seed value picks the question and its numbers, so `seed=N` reproduces it.

Nothing about the expected answer leaves the service before the student answers. A question's
id is a signed, timestamped token (itsdangerous) holding only what the prompt shows anyway:
the generator and its numbers, or the multiple-choice entry's id. The answer is recomputed when
the id comes back, and ids older than the configured TTL are refused.

`Practice.respond` is the dialogue's hook: "quiz me on GANs" starts a question, the next
message is graded, "skip" and "stop" work, and a pasted factorisation is drawn (see
service.core.graphical). No Flask here.
"""

from __future__ import annotations

import ast
import math
import random
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np
from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

from service import calculators
from service.core import graphical
from service.core.textnorm import Message, as_message
from service.errors import NotFoundError, TutorError
from service.knowledge.loading import Entry, KnowledgeBase

KINDS = ("choice", "numeric")
SALT = "dl-tutor.practice.v1"
MAX_SEED = 2**63 - 1


class AnswerShapeError(TutorError):
    """An answer that cannot be read as the kind of answer the question asks for."""

    status = 422
    code = "validation_error"

    def __init__(self, problem: str):
        super().__init__(f"The request is not valid: answer: {problem}", {"answer": [problem]})
        self.problem = problem


class QuestionNotFound(NotFoundError):
    """An id this service did not issue, or one that was altered."""


class QuestionExpired(TutorError):
    """A genuine question id, but older than the practice TTL."""

    status = 410
    code = "expired"


class NoQuestions(NotFoundError):
    """No practice question matches the filters."""


# --- reading answers ------------------------------------------------------------------------

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


# --- numeric questions ----------------------------------------------------------------------

@dataclass
class Solution:
    """The expected answer of a numeric question, how it is graded, and how it is worked out."""

    answer_type: str            # "size" | "integer" | "real" | "verdict"
    expected: Any               # JSON: [h, w], int, float or str; graded correct as an answer
    expected_text: str
    calculation: dict           # {"calculator", "request", "result"}: the calculator's work
    tolerance: float = 0.0
    exact: float | None = None  # the unrounded value a real answer is compared with
    exact_symbol: str = "\\rho"  # how the feedback names that value
    mistakes: list[tuple[Any, str]] = field(default_factory=list)  # (wrong answer, why)


def _size(values) -> str:
    return f"{values[0]} \\times {values[1]}"


def _a(number: int) -> str:
    """Return "an" before numbers read with a vowel sound (8, 11, 18, 80-89), else "a"."""
    return "an" if str(number).startswith("8") or number in (11, 18) else "a"


def _matrix_latex(matrix: list[list[float]]) -> str:
    rows = " \\\\ ".join(" & ".join(f"{v:g}" for v in row) for row in matrix)
    return f"\\begin{{pmatrix}} {rows} \\end{{pmatrix}}"


class NumericGenerator:
    """A family of numeric questions, varied from one of the seed's calculable questions.

    `generate(rng)` draws the question's numbers as JSON-ready params (everything the prompt
    shows, nothing more: they travel in the signed id); `prompt(params)` words the question;
    `answer_format_for(params)` says how to write the answer; `solve(params)` asks the
    calculator and returns the Solution, with the wrong answers that betray a known mistake.
    """

    name: str
    topic: str
    entry_id: str    # the knowledge-base entry the questions vary
    calculator: str  # as the dialogue names it: conv, params, eigen, attention
    answer_format: str = ""

    def generate(self, rng: random.Random) -> dict:
        raise NotImplementedError

    def prompt(self, p: dict) -> str:
        raise NotImplementedError

    def answer_format_for(self, p: dict) -> str:
        return self.answer_format

    def solve(self, p: dict) -> Solution:
        raise NotImplementedError


class ConvOutput(NumericGenerator):
    """The seed's Q1: output size of a convolution with a stride and some padding."""

    name, topic, entry_id, calculator = "conv-output", "dl-basics", "conv-output-size-stride2", \
        "conv"

    def generate(self, rng: random.Random) -> dict:
        height = rng.randrange(7, 65)
        width = height if rng.random() < 0.6 else rng.randrange(7, 65)
        if rng.random() < 0.5:  # the seed's Q1 has odd sizes
            height, width = height | 1, width | 1
        k = rng.choice([1, 3, 3, 3, 5, 5, 7])
        kernel = [k, k] if rng.random() < 0.75 else [k, rng.choice([1, 3, 5, 7])]
        padding: int | str = rng.choice(["same", "valid", "number", "number"])
        if padding == "number":
            padding = rng.randint(1, max(kernel) // 2) if max(kernel) > 1 else "valid"
        return {"input": [height, width], "kernel": kernel, "stride": rng.choice([1, 2, 2, 3]),
                "padding": padding}

    def prompt(self, p: dict) -> str:
        if p["padding"] == "same":
            padding = 'zero padding in TensorFlow\'s "same" mode'
        elif p["padding"] == "valid":
            padding = "no padding"
        else:
            pixels = "pixel" if p["padding"] == 1 else "pixels"
            padding = (f"zero padding of {p['padding']} {pixels} on every side "
                       "(PyTorch `Conv2d` arithmetic)")
        return (f"A single-channel ${_size(p['input'])}$ image is convolved with a "
                f"${_size(p['kernel'])}$ filter with stride {p['stride']} and {padding}. "
                "What is the output size (height $\\times$ width)?")

    answer_format = 'height x width, e.g. "16x16", "16 by 16" or [16, 16]'

    def solve(self, p: dict) -> Solution:
        result = calculators.conv_output(**p)
        out = result["output"]
        (n_h, n_w), (k_h, k_w), s = p["input"], p["kernel"], p["stride"]
        pad = 0 if p["padding"] in ("same", "valid") else p["padding"]
        mistakes = [([out[1], out[0]], "that is width $\\times$ height: the height comes first")]
        if p["padding"] == "same":
            mistakes.append(([n_h // s, n_w // s], "that rounds $n / s$ down; \"same\" padding "
                             "keeps $\\lceil n / s \\rceil$ positions"))
            mistakes.append(([(n_h - k_h) // s + 1, (n_w - k_w) // s + 1],
                             "that ignores the padding: \"same\" pads so that "
                             "$\\lceil n / s \\rceil$ positions fit"))
        else:
            mistakes.append(([(n_h + 2 * pad - k_h) // s, (n_w + 2 * pad - k_w) // s],
                             "that forgets the $+1$ for the first window position"))
            mistakes.append(([-(-(n_h + 2 * pad - k_h) // s) + 1, -(-(n_w + 2 * pad - k_w) // s)
                              + 1], "that rounds up; a window that runs past the padded edge "
                                    "is dropped, so the division is floored"))
            if pad:
                mistakes.append(([(n_h - k_h) // s + 1, (n_w - k_w) // s + 1],
                                 "that leaves out the padding on both sides"))
        return Solution("size", out, f"{out[0]}x{out[1]}", _calc("conv", p, result),
                        mistakes=mistakes)


class ConvParams(NumericGenerator):
    """The seed's Q2: parameters of one convolution filter, or of a layer, with or without bias."""

    name, topic, entry_id, calculator = "conv-params", "dl-basics", \
        "conv-filter-parameter-count", "params"

    def generate(self, rng: random.Random) -> dict:
        size = rng.choice([28, 32, 64, 128, 224, 256])
        out = 1 if rng.random() < 0.4 else rng.choice([8, 16, 32, 64, 128, 256])
        return {"kernel": rng.choice([1, 3, 3, 5, 7]),
                "input": [size, size, rng.choice([1, 3, 16, 32, 64, 128])],
                "out_channels": out, "bias": rng.random() < 0.75}

    def prompt(self, p: dict) -> str:
        k, shape = p["kernel"], p["input"]
        image = f"${shape[0]} \\times {shape[1]} \\times {shape[2]}$"
        if p["out_channels"] == 1:
            bias = "including its bias" if p["bias"] else "with no bias"
            return (f"If the input has size {image}, how many parameters are there in a single "
                    f"${k} \\times {k}$ convolution filter, {bias}?")
        bias = "biases included" if p["bias"] else "with no biases"
        return (f"A convolution layer with {p['out_channels']} filters of size "
                f"${k} \\times {k}$ is applied to an input of size {image}. How many "
                f"parameters does the layer have, {bias}?")

    answer_format = "one whole number, e.g. 289 (an expression such as `3*3*32 + 1` works too)"

    def solve(self, p: dict) -> Solution:
        result = calculators.conv2d_params(**p)
        weights, total, out = result["weights"], result["total"], p["out_channels"]
        k, (h, w, c) = p["kernel"], p["input"]
        mistakes = [(k * k * out + result["biases"],
                     "that leaves out the input depth: each filter spans all "
                     f"{c} input channels")]
        if p["bias"]:
            mistakes.append((weights, "that leaves out the bias" + ("es" if out > 1 else "")))
            if out > 1:
                mistakes.append((weights + 1, "every filter has its own bias, so there are "
                                              f"{out} of them"))
        else:
            mistakes.append((weights + out, "the question says there are no biases"))
        mistakes.append((weights * h * w, "the spatial size does not count: the same weights "
                                          "are used at every position"))
        return Solution("integer", total, str(total), _calc("params", p, result),
                        mistakes=mistakes)


class RecurrentGradient(NumericGenerator):
    """The seed's Q9: does the gradient of a linear RNN explode or vanish, for a generated W_h.

    Matrices are 2x2 or 3x3 with one-decimal entries and a spectral radius below 0.8 or above
    1.25, so that the verdict is never a close call.
    """

    name, topic, entry_id, calculator = "rnn-gradient", "rnn", \
        "rnn-gradient-explosion-eigenvalue", "eigen"
    LOW, HIGH = 0.8, 1.25

    def generate(self, rng: random.Random) -> dict:
        ask = rng.choice(["verdict", "verdict", "radius"])
        explode = rng.random() < 0.5
        size = rng.choice([2, 3])
        scale = 15 if explode else 8
        while True:  # accepts within a few tries: the ranges were chosen for that
            matrix = [[rng.randint(-scale, scale) / 10 for _ in range(size)]
                      for _ in range(size)]
            radius = float(max(abs(np.linalg.eigvals(np.array(matrix)))))
            if (explode and self.HIGH < radius < 3) or (not explode and 0.2 < radius < self.LOW):
                return {"matrix": matrix, "ask": ask}

    def prompt(self, p: dict) -> str:
        setting = ("Consider the RNN $h_t = W_h h_{t-1} + W_x x_t + b_h$, $t = 1, \\ldots, T$, "
                   "with $h_0 = 0$ and the identity activation, trained by minimising a loss "
                   f"$\\mathcal{{L}}(h_T)$, where $$W_h = {_matrix_latex(p['matrix'])}.$$")
        if p["ask"] == "radius":
            return (setting + " What is the spectral radius $\\rho(W_h)$, the largest "
                              "absolute value of its eigenvalues (to two decimals)?")
        return setting + " Does the gradient explode or vanish as $T \\to \\infty$?"

    def answer_format_for(self, p: dict) -> str:
        if p["ask"] == "radius":
            return "a number to two decimals, e.g. 1.15"
        return '"explode" or "vanish"'

    def solve(self, p: dict) -> Solution:
        result = calculators.recurrent_gradient_check(p["matrix"])
        radius, norm = result["spectral_radius"], result["spectral_norm"]
        calc = _calc("eigen", {"matrix": p["matrix"]}, result)
        if p["ask"] == "radius":
            expected = round(radius, 2)
            mistakes = [(norm, "that is the spectral norm (the largest singular value), not "
                               "the largest eigenvalue modulus")] if abs(norm - radius) > 0.02 \
                else []
            return Solution("real", expected, f"{expected:.2f}", calc, tolerance=0.01,
                            exact=radius, mistakes=mistakes)
        verdict = result["verdict"]
        why = (f"$\\rho(W_h) \\approx {radius:.2f}$ is "
               + ("above 1, so the gradient explodes" if verdict == "explode"
                  else "below 1, so the gradient vanishes"))
        return Solution("verdict", verdict, verdict, calc,
                        mistakes=[("explode" if verdict == "vanish" else "vanish", why),
                                  ("stable", why)])


class AttentionCost(NumericGenerator):
    """The seed's Q11: patches, dot products or multiply-adds of self-attention over patches."""

    name, topic, entry_id, calculator = "attention-cost", "attention", \
        "image-patch-attention-complexity", "attention"
    ASKS = {
        "num_patches": "How many patch tokens are there?",
        "dot_products": "How many dot products between tokens does computing $QK^\\top$ take "
                        "(one per entry of the attention matrix)?",
        "macs": "How many multiply-adds does computing $QK^\\top$ take?",
    }

    def generate(self, rng: random.Random) -> dict:
        height = rng.randint(5, 16)
        width = height if rng.random() < 0.6 else rng.randint(5, 16)
        patch = rng.choice([2, 3, 3, 4])
        return {"input": [height, width, rng.choice([1, 3, 3])], "patch": patch,
                "stride": 1 if rng.random() < 0.8 else 2, "ask": rng.choice(list(self.ASKS))}

    def prompt(self, p: dict) -> str:
        (h, w, c), k, s = p["input"], p["patch"], p["stride"]
        overlap = "overlapping " if k > s else ""
        return (f"{_a(h).capitalize()} ${h} \\times {w} \\times {c}$ image is cut into {overlap}"
                f"${k} \\times {k} \\times {c}$ patches with stride {s} and no padding, and each "
                "patch is one token of single-head self-attention whose projection matrices "
                f"are identities. {self.ASKS[p['ask']]}")

    answer_format = "one whole number (an expression such as 36^2 * 27 works too)"

    def solve(self, p: dict) -> Solution:
        request = {k: v for k, v in p.items() if k != "ask"}
        result = calculators.patch_attention_cost(**request)
        count, pairs, d = result["num_patches"], result["dot_products"], result["token_dim"]
        (h, w, _), k, s = p["input"], p["patch"], p["stride"]
        expected = result[p["ask"]]
        mistakes = {
            "num_patches": [(((h - k) // s) * ((w - k) // s),
                             "that forgets the $+1$: the first patch position counts too"),
                            (count * count, "that is the number of dot products, $P^2$")],
            "dot_products": [(count, "that is the number of patches $P$; every pair of them "
                                     "needs a dot product, $P^2$"),
                             (count * (count - 1) // 2, "$QK^\\top$ holds every ordered pair, "
                                                        "including each token with itself")],
            "macs": [(pairs, "that counts dot products; each one takes $d = hwC$ "
                             "multiply-adds"),
                     (count * d, "that is $P d$; there are $P^2$ dot products of length $d$")],
        }[p["ask"]]
        return Solution("integer", expected, str(expected), _calc("attention", request, result),
                        mistakes=mistakes)


class ClassificationMetrics(NumericGenerator):
    """The seed's Q4 with numbers: one metric of a confusion matrix, to two decimals."""

    name, topic, entry_id, calculator = "classification-metrics", "dl-basics", \
        "accuracy-vs-precision", "metrics"
    NAMES = {"accuracy": "accuracy", "precision": "precision", "recall": "recall",
             "specificity": "specificity", "f1": "F1 score"}
    SYMBOLS = {"accuracy": "\\text{accuracy}", "precision": "\\text{precision}",
               "recall": "\\text{recall}", "specificity": "\\text{specificity}",
               "f1": "F_1"}

    def generate(self, rng: random.Random) -> dict:
        while True:  # every ratio defined, and precision unlike recall (so a swap shows)
            counts = {"tp": rng.randint(5, 90), "fp": rng.randint(1, 40),
                      "tn": rng.randint(10, 200), "fn": rng.randint(1, 40)}
            if counts["fp"] != counts["fn"]:
                return {**counts, "ask": rng.choice(list(self.NAMES))}

    def prompt(self, p: dict) -> str:
        total = p["tp"] + p["fp"] + p["tn"] + p["fn"]
        return (f"A binary classifier is tested on {total} examples: $TP = {p['tp']}$, "
                f"$FP = {p['fp']}$, $TN = {p['tn']}$, $FN = {p['fn']}$. What is its "
                f"{self.NAMES[p['ask']]}?")

    answer_format = "a number between 0 and 1 to two decimals, e.g. 0.85"

    def solve(self, p: dict) -> Solution:
        request = {k: v for k, v in p.items() if k != "ask"}
        result = calculators.classification_metrics(**request)
        exact = result[p["ask"]]
        precision, recall = result["precision"], result["recall"]
        mistakes = {
            "accuracy": [(precision, "that is the precision, $TP/(TP + FP)$; accuracy counts "
                                     "every correct prediction, $TP + TN$, over all of them")],
            "precision": [(recall, "that is the recall, $TP/(TP + FN)$; precision divides by "
                                   "the predicted positives, $TP + FP$")],
            "recall": [(precision, "that is the precision, $TP/(TP + FP)$; recall divides by "
                                   "the real positives, $TP + FN$")],
            "specificity": [(recall, "that is the recall (true positive rate); specificity is "
                                     "the true negative rate, $TN/(TN + FP)$")],
            "f1": [((precision + recall) / 2, "that is the arithmetic mean of precision and "
                                              "recall; $F_1$ is their harmonic mean")],
        }[p["ask"]]
        expected = round(exact, 2)
        return Solution("real", expected, f"{expected:.2f}", _calc("metrics", request, result),
                        tolerance=0.005, exact=exact, exact_symbol=self.SYMBOLS[p["ask"]],
                        mistakes=mistakes)


def _calc(calculator: str, request: dict, result: dict) -> dict:
    return {"calculator": calculator, "request": request, "result": result}


GENERATORS = {g.name: g for g in (ConvOutput(), ConvParams(), RecurrentGradient(),
                                  AttentionCost(), ClassificationMetrics())}


def grade_numeric(solution: Solution, answer: object) -> dict:
    """Grade an answer against a numeric solution; raises AnswerShapeError if unreadable.

    Returns {"correct", "your_answer", "feedback"}: sizes and integers must be exact, reals
    within the tolerance, verdicts equal; a wrong answer that matches a known mistake says so.
    """
    kind = solution.answer_type
    if kind == "size":
        got: Any = list(read_size(answer))
        correct = got == [float(v) for v in solution.expected]
        shown = f"${_size([_plain(v) for v in got])}$"
        right = f"${_size(solution.expected)}$"
    elif kind == "verdict":
        got = read_verdict(answer)
        correct = got == solution.expected
        shown, right = f"*{got}*", f"*{solution.expected}*"
    else:
        got = read_number(answer, "a number, e.g. 1.15" if kind == "real"
                          else "one whole number, e.g. 289")
        target = solution.exact if kind == "real" else solution.expected
        correct = abs(got - target) <= solution.tolerance + 1e-9
        shown, right = f"${_plain(got)}$", f"${solution.expected_text}$"
    your_answer = [_plain(v) for v in got] if kind == "size" else (
        got if kind == "verdict" else _plain(got))
    if correct:
        close = (f" (within {solution.tolerance:g} of ${solution.exact_symbol} = "
                 f"{solution.exact:.4f}$)"
                 if kind == "real" else "")
        return {"correct": True, "your_answer": your_answer,
                "feedback": f"**Right!** The answer is {right}{close}."}
    feedback = f"**Not quite.** You answered {shown}; the answer is {right}."
    for wrong, why in solution.mistakes:
        if _same(got, wrong, solution.tolerance):
            feedback += f" {why[0].upper()}{why[1:]}."
            break
    return {"correct": False, "your_answer": your_answer, "feedback": feedback}


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _same(got: Any, wrong: Any, tolerance: float) -> bool:
    if isinstance(got, str) or isinstance(wrong, str):
        return got == wrong
    if isinstance(got, list):
        return [float(v) for v in got] == [float(v) for v in wrong]
    return abs(got - wrong) <= max(tolerance, 1e-9)


# --- multiple choice ------------------------------------------------------------------------

_FIRST_STATEMENT = re.compile(r"(?<!\s)\s*+\(1\)\s")


def choice_entries(knowledge_base: KnowledgeBase) -> list[Entry]:
    """Return the entries that are multiple-choice questions, by id (a stable order)."""
    return sorted((e for e in knowledge_base.entries.values() if e.choices),
                  key=lambda e: e.id)


@dataclass(frozen=True)
class ChoiceItem:
    """A multiple-choice question: an exam item (an entry with `choices`, keyed by its id) or
    one of an entry's `quiz` items (keyed "<entry id>#<n>", n from 1). `entry` is the entry it
    belongs to, whose explanation follows it up."""

    key: str
    entry: Entry
    question: str
    choices: tuple[str, ...]
    correct: tuple[int, ...]
    choice_reasons: tuple[str, ...]

    @property
    def topic(self) -> str:
        return self.entry.topic


def choice_items(knowledge_base: KnowledgeBase) -> list[ChoiceItem]:
    """Every multiple-choice question of the knowledge base, by key (a stable order)."""
    items = [ChoiceItem(e.id, e, e.question, tuple(e.choices), tuple(e.correct or ()),
                        tuple(e.choice_reasons or ())) for e in choice_entries(knowledge_base)]
    for entry in knowledge_base.entries.values():
        for number, quiz in enumerate(entry.quiz, start=1):
            items.append(ChoiceItem(f"{entry.id}#{number}", entry, quiz["question"],
                                    tuple(quiz["choices"]), tuple(quiz["correct"]),
                                    tuple(quiz["choice_reasons"])))
    return sorted(items, key=lambda item: item.key)


def choice_item(knowledge_base: KnowledgeBase, key: str) -> ChoiceItem | None:
    """The multiple-choice question with this key, or None."""
    entry_id, _, number = key.partition("#")
    entry = knowledge_base.entries.get(entry_id)
    if entry is None:
        return None
    if not number:
        return ChoiceItem(entry.id, entry, entry.question, tuple(entry.choices),
                          tuple(entry.correct or ()), tuple(entry.choice_reasons or ())) \
            if entry.choices else None
    if not number.isdigit() or not 1 <= int(number) <= len(entry.quiz):
        return None
    quiz = entry.quiz[int(number) - 1]
    return ChoiceItem(key, entry, quiz["question"], tuple(quiz["choices"]),
                      tuple(quiz["correct"]), tuple(quiz["choice_reasons"]))


def choice_stem(entry: Entry | ChoiceItem) -> str:
    """Return the question without the statements that some entries inline as "(1) ..."."""
    stem = _FIRST_STATEMENT.split(entry.question, maxsplit=1)[0].strip()
    return stem if stem.endswith("?") else stem.rstrip(":;,. ") + "?"


def _and_list(numbers: list[int]) -> str:
    if not numbers:
        return "none"
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def truth_phrase(expected: list[int]) -> str:
    """Return "statements 2, 3 and 5 are true", "only statement 5 is true" or "none is true"."""
    if not expected:
        return "none of the statements is true"
    if len(expected) == 1:
        return f"only statement {expected[0]} is true"
    return f"statements {_and_list(expected)} are true"


def grade_choice(entry: Entry | ChoiceItem, answer: object, reveal: bool = False) -> dict:
    """Grade an answer to a multiple-choice entry statement by statement.

    Returns {"correct", "your_answer", "expected", "expected_text", "statements", "score",
    "feedback", "solution"}: each statement says whether it is true, whether it was selected,
    whether that was right, and why (the entry's choice_reasons); `solution` has one Markdown
    line per statement. With `reveal` the answer is ignored and nothing is marked. Raises
    AnswerShapeError.
    """
    choices, truth = entry.choices or (), set(entry.correct or ())
    selected = [] if reveal else read_choices(answer, len(choices))
    statements, lines = [], []
    for number, (statement, reason) in enumerate(zip(choices, entry.choice_reasons or (),
                                                     strict=True), start=1):
        true, picked = number in truth, number in selected
        statements.append({"number": number, "statement": statement.strip(), "true": true,
                           "selected": picked, "right": true == picked,
                           "reason": reason.strip()})
        verdict = "True" if true else "False"
        if reveal:
            lines.append(f"{number}. **{verdict}**: {statement.strip()} _{reason.strip()}_")
        else:
            mark = "✓" if true == picked else "✗"
            choice = "you selected it" if picked else "you left it out"
            lines.append(f"{number}. {mark} **{verdict}**, {choice}: {statement.strip()} "
                         f"_{reason.strip()}_")
    right = sum(s["right"] for s in statements)
    expected = sorted(truth)
    correct = right == len(statements) and not reveal
    if reveal:
        feedback = truth_phrase(expected).capitalize() + "."
    else:
        head = "**Right!**" if correct else "**Not quite.**"
        feedback = (f"{head} You got {right} of {len(statements)} statements right: "
                    f"{truth_phrase(expected)}.")
        feedback += "".join(
            f" Statement {s['number']} is {'true' if s['true'] else 'false'} but you "
            f"{'selected it' if s['selected'] else 'left it out'}."
            for s in statements if not s["right"])
    return {"correct": correct, "your_answer": None if reveal else selected,
            "expected": expected, "expected_text": _and_list(expected),
            "statements": statements, "score": {"right": right, "of": len(statements)},
            "feedback": feedback, "solution": lines}


# --- signed question ids --------------------------------------------------------------------

class QuestionSigner:
    """Signs question payloads into URL-safe ids and opens them again, refusing stale ones."""

    def __init__(self, secret_key: str | bytes, ttl_seconds: float,
                 clock: Callable[[], float] = time.time):
        # itsdangerous reads the time through the signer; a subclass lets tests move the clock
        signer = type("ClockedTimestampSigner", (TimestampSigner,),
                      {"get_timestamp": lambda _self: int(clock())})
        self.serializer = URLSafeTimedSerializer(secret_key, salt=SALT, signer=signer)
        self.ttl_seconds = ttl_seconds

    def sign(self, payload: dict) -> str:
        """Return the id for a payload (which must hold nothing the student may not see)."""
        return self.serializer.dumps(payload)

    def open(self, token: str) -> dict:
        """Return the payload of an id; raises QuestionExpired or QuestionNotFound."""
        try:
            payload = self.serializer.loads(token, max_age=self.ttl_seconds)
        except SignatureExpired:
            problem = (f"This question is older than {self.ttl_seconds:g} seconds and has "
                       "expired; ask for a new one.")
            raise QuestionExpired(problem, {"id": [problem]}) from None
        except BadSignature:
            raise _not_found() from None
        if not isinstance(payload, dict):
            raise _not_found()
        return payload


def _not_found() -> QuestionNotFound:
    problem = "Not a question this service asked (or the id was altered)."
    return QuestionNotFound(problem, {"id": [problem]})


# --- the service ----------------------------------------------------------------------------

@dataclass
class Question:
    """A practice question as the student sees it."""

    id: str
    kind: str
    topic: str
    prompt: str
    answer_format: str
    seed: int | None = None
    choices: list[str] | None = None

    def to_dict(self) -> dict:
        """Return the question as JSON: id, kind, topic, prompt, choices (choice), format, seed."""
        data = {"id": self.id, "kind": self.kind, "topic": self.topic, "prompt": self.prompt}
        if self.choices is not None:
            data["choices"] = self.choices
        data["answer_format"] = self.answer_format
        if self.seed is not None:
            data["seed"] = self.seed
        return data


CHOICE_FORMAT = ('the numbers of all the true statements, e.g. "2, 3 and 5" or [2, 3, 5] '
                 '("none" if none is true)')


class Practice:
    """Picks, signs and grades practice questions over one knowledge base."""

    def __init__(self, knowledge_base: KnowledgeBase, secret_key: str | bytes,
                 ttl_seconds: float = 86400, clock: Callable[[], float] = time.time):
        self.knowledge_base = knowledge_base
        self.signer = QuestionSigner(secret_key, ttl_seconds, clock)

    # -- picking -----------------------------------------------------------------------------

    def pool(self, topics=None, kind: str | None = None, generators=None) -> list[tuple]:
        """Return the candidates [("numeric", name) | ("choice", entry_id)] in a stable order."""
        topics = set(topics) if topics else None
        items: list[tuple] = []
        if kind in (None, "numeric"):
            items += [("numeric", g.name) for g in GENERATORS.values()
                      if (topics is None or g.topic in topics)
                      and (not generators or g.name in generators)]
        if kind in (None, "choice") and not generators:
            items += [("choice", item.key) for item in choice_items(self.knowledge_base)
                      if topics is None or item.topic in topics]
        return items

    def next_question(self, topic: str | None = None, kind: str | None = None,
                      seed: int | None = None, *, topics=None, generators=None,
                      avoid: tuple[str, ...] = ()) -> Question:
        """Return a question; the same filters and seed always give the same question.

        `avoid` lists multiple-choice keys to pass over while others remain (chat uses it so
        "skip" does not repeat itself). Raises NoQuestions naming the filter at fault.
        """
        topics = topics or ([topic] if topic else None)
        items = self.pool(topics, kind, generators)
        if not items:
            field_name = "kind" if kind and self.pool(topics, None, generators) else "topic"
            what = f"{kind} " if kind else ""
            where = f" on {', '.join(topics)}" if topics else ""
            problem = f"There are no {what}practice questions{where}."
            raise NoQuestions(problem, {field_name: [problem]})
        fresh = [item for item in items if item[1] not in avoid]
        seed = secrets.randbelow(2**32) if seed is None else seed
        rng = random.Random(seed)
        kind_, name = (fresh or items)[rng.randrange(len(fresh or items))]
        if kind_ == "choice":
            return self._choice_question(choice_item(self.knowledge_base, name), seed)
        generator = GENERATORS[name]
        params = generator.generate(rng)
        return Question(self.signer.sign({"g": name, "p": params}), "numeric", generator.topic,
                        generator.prompt(params), generator.answer_format_for(params), seed)

    def _choice_question(self, item: ChoiceItem, seed: int | None, token: str = "") -> Question:
        return Question(token or self.signer.sign({"e": item.key}), "choice", item.topic,
                        choice_stem(item), CHOICE_FORMAT, seed,
                        [c.strip() for c in item.choices])

    def question(self, token: str) -> tuple[Question, ChoiceItem | None, dict | None]:
        """Return (question, its item for multiple choice, its generator payload for numeric).

        Raises QuestionNotFound or QuestionExpired.
        """
        payload = self.signer.open(token)
        if "e" in payload:
            item = choice_item(self.knowledge_base, str(payload["e"]))
            if item is None:
                raise _not_found()
            return self._choice_question(item, None, token), item, None
        generator = GENERATORS.get(payload.get("g"))
        if generator is None or not isinstance(payload.get("p"), dict):
            raise _not_found()
        params = payload["p"]
        return (Question(token, "numeric", generator.topic, generator.prompt(params),
                         generator.answer_format_for(params)), None, payload)

    # -- grading -----------------------------------------------------------------------------

    def grade(self, token: str, answer: object) -> dict:
        """Grade an answer to the question `token` names.

        Returns {"correct", "kind", "expected", "expected_text", "your_answer", "feedback",
        "solution" (lines), "explanation", "entry_id"} plus "statements" and "score" for
        multiple choice, or "tolerance" and "calculation" (the calculator's request and full
        result) for numeric questions. Raises QuestionNotFound, QuestionExpired or
        AnswerShapeError.
        """
        question, item, payload = self.question(token)
        if item is not None:
            graded = grade_choice(item, answer)
            return {"correct": graded.pop("correct"), "kind": "choice",
                    "expected": graded.pop("expected"), **graded,
                    "explanation": item.entry.explanation.strip(), "entry_id": item.entry.id}
        generator = GENERATORS[payload["g"]]
        solution = generator.solve(payload["p"])
        graded = grade_numeric(solution, answer)
        return self._numeric_result(generator, solution, graded)

    def reveal(self, token: str) -> dict:
        """Return the grade of a question the student gave up on: the answer and its working."""
        question, item, payload = self.question(token)
        if item is not None:
            return {"kind": "choice", **grade_choice(item, None, reveal=True),
                    "explanation": item.entry.explanation.strip(), "entry_id": item.entry.id}
        generator = GENERATORS[payload["g"]]
        solution = generator.solve(payload["p"])
        shown = (f"${_size(solution.expected)}$" if solution.answer_type == "size"
                 else f"*{solution.expected}*" if solution.answer_type == "verdict"
                 else f"${solution.expected_text}$")
        graded = {"correct": False, "your_answer": None, "feedback": f"The answer is {shown}."}
        return self._numeric_result(generator, solution, graded)

    @staticmethod
    def _numeric_result(generator, solution: Solution, graded: dict) -> dict:
        result = solution.calculation["result"]
        explanation = result.get("explanation", "")
        if result.get("reasoning"):
            explanation += "\n\n" + result["reasoning"]
        return {"correct": graded["correct"], "kind": "numeric", "expected": solution.expected,
                "expected_text": solution.expected_text, "your_answer": graded["your_answer"],
                "feedback": graded["feedback"], "tolerance": solution.tolerance,
                "solution": list(result["steps"]), "explanation": explanation,
                "entry_id": generator.entry_id, "calculation": solution.calculation}

    # -- in chat -----------------------------------------------------------------------------

    def respond(self, message: Message | str, state: dict) -> dict | None:
        """The dialogue's hook: handle a practice turn or a pasted factorisation, else None.

        Returns the fields of a Reply (kind, reply, entry_id, confidence, calculation,
        practice) and updates the session `state`. See ChatPractice for the conversation.
        """
        return ChatPractice(self, state).respond(message)


# --- the conversation -----------------------------------------------------------------------

# These read the message's lower-case form, whose whitespace runs the door made single spaces:
# they match one space (" ", " ?") where spaces may stand, so a lazy `.*?` that steps over a
# word tries each place in constant time.
_POLITE = r"(?:(?:please|pls|can you|could you|would you|will you|ok|okay|now|so|and|hey) )*"
_START = re.compile(
    rf"^{_POLITE}(?:"
    r"(?P<quiz>(?:quiz|test|drill|examine) me\b(?: (?:on|about|in|with))?)(?P<a>.*)"
    r"|(?:give|ask|set|pose|send|get|throw) (?:me|us) (?:a|an|another|one|one more|some|a few"
    r"|more|a new|new)?\b(?P<b>.*?) ?\b(?:(?:practice|practise|quiz|exam|test|revision) ?)?"
    r"(?:question|questions|problem|problems|exercise|exercises|quiz)\b"
    r"(?: (?:on|about|for|in|from) (?P<c>.*?))?"
    r"|(?P<lets>let'?s|let us|i want to|i'd like to|i would like to|can i|time to) "
    r"(?:practi[cs]e|revise|drill|do (?:a quiz|some practice|some questions))\b"
    r"(?: (?:on|about|with|some))?(?P<d>.*)"
    r"|(?P<practice>(?:exam )?(?:practi[cs]e|quiz)\b)(?: (?:question|questions|time|mode|me)"
    r"\b)?(?: (?:on|about|for|with))?(?P<e>.*)"
    r") ?$")
_QUESTION_REFERENCE = re.compile(r"\b(?:q|question) ?\d+\b")
_SKIP = re.compile(r"^(?:skip|next|pass|another(?: one)?|one more|new question|next question|"
                   r"(?:a )?different (?:one|question)|skip (?:it|this|this one)|give me another"
                   r"(?: one)?)(?: please| pls)?$")
_STOP = re.compile(r"^(?:stop|quit|exit|end|done|enough|finish|i'?m done|that'?s enough|no more|"
                   r"never ?mind|nvm|cancel|forget it|"
                   r"(?:stop|end|quit|exit|finish|leave) (?:the )?(?:quiz|practice|practice "
                   r"mode|practising|practicing))(?: please| now| thanks)?$")
_REVEAL = re.compile(r"^(?:i (?:don'?t|do not) know|idk|no idea|dunno|(?:i )?give up|"
                     r"show (?:me )?the answer|tell me the answer|reveal(?: the answer)?|"
                     r"what'?s the answer|what is the answer|answer)(?: please)?$")
_SUBJECTS = [
    (re.compile(r"\bgans?\b|adversarial|generators?\b|discriminators?|mode collapse"),
     {"topics": ["gan"]}),
    (re.compile(r"\bvaes?\b|variational|auto-?encoders?|\belbo\b|reparam\w*"),
     {"topics": ["vae"]}),
    (re.compile(r"eigen\w*|spectral|explod\w*|vanish\w*|\bw_?h\b"),
     {"topics": ["rnn"]}),
    (re.compile(r"\brnns?\b|recurrent|\blstms?\b|\bgrus?\b|\bbptt\b|gradients?"),
     {"topics": ["rnn"]}),
    (re.compile(r"attention|transformers?|\bvits?\b|patch(?:es)?|position(?:al)? encodings?"),
     {"topics": ["attention"]}),
    (re.compile(r"precision|recall|accuracy|specificity|\bf1\b|\bmetrics?\b|confusion matri\w*"),
     {"topics": ["dl-basics"], "generators": ["classification-metrics"]}),
    (re.compile(r"param(?:eter)?s?\b|weights?\b|filter size"),
     {"topics": ["dl-basics"], "generators": ["conv-params"]}),
    (re.compile(r"output (?:size|shape)s?|padding|strides?"),
     {"topics": ["dl-basics"], "generators": ["conv-output"]}),
    (re.compile(r"\bconv\w*|\bcnns?\b|filters?\b|kernels?\b|pooling"),
     {"topics": ["dl-basics"], "generators": ["conv-output", "conv-params"]}),
    (re.compile(r"basics"), {"topics": ["dl-basics"]}),
]
_KINDS = [
    (re.compile(r"multiple[- ]choice|\bmcqs?\b|true or false|true/false|statements?"), "choice"),
    (re.compile(r"numeric\w*|calculat\w*|comput\w*|numbers?\b|\bmaths?\b|\bsums?\b"), "numeric"),
]
_FILLER = re.compile(
    r"\b(?:a|an|the|some|on|about|of|and|or|with|me|my|us|please|pls|question|questions|quiz|"
    r"quizzes|problem|problems|exercise|exercises|practice|practise|exam|test|another|one|more|"
    r"for|in|to|from|kind|type|hard|easy|harder|easier|quick|simple|new|random|different|"
    r"deep|learning|dl|course|topic|topics|anything|any|something|stuff|again|it|this|that|"
    r"i|you|can|could|now|some|few|little|bit|round|mode|time|thanks|thank|general|everything|"
    r"networks?|nets?|neural|models?|s|'s)\b|[^\w\s]")
TOPIC_NAMES = {"dl-basics": "convolutions", "vae": "VAEs", "gan": "GANs", "rnn": "RNNs",
               "attention": "attention"}
OFFER = ("I have practice questions on convolutions (output sizes and parameter counts), VAEs, "
         "GANs, RNNs (exploding and vanishing gradients) and attention: say *quiz me on GANs*, "
         "*give me a conv question* or just *practice question*.")
HOW = "_Say *skip* for another question, *I don't know* to see the answer, or *stop*._"
NEXT = "_Say *next* for another question, *why?* for more, or *stop* to end practice._"


def read_practice_request(text: str) -> dict | None:
    """Return the filters of a request to practise ("quiz me on GANs"), or None.

    {"topics", "kind", "generators"} (each may be None), or {"unknown": subject} when the
    student names something there are no questions on. "give me a ... question" only counts
    when every word in between is a known subject or filler, so ordinary requests pass.
    """
    match = _START.match(text)
    if match is None:
        return None
    subject = " ".join(g for g in match.group("a", "b", "c", "d", "e") if g).strip()
    if _QUESTION_REFERENCE.search(subject):
        return None  # "show me question 5" is about the seed's question, not practice
    request: dict[str, Any] = {"topics": None, "kind": None, "generators": None}
    rest = subject
    for pattern, found in _SUBJECTS:
        if pattern.search(rest):
            rest = pattern.sub(" ", rest)
            request["topics"] = sorted(set(request["topics"] or []) | set(found["topics"]))
            if "generators" in found:
                request["generators"] = sorted(set(request["generators"] or [])
                                               | set(found["generators"]))
    for pattern, kind in _KINDS:
        if pattern.search(rest):
            rest = pattern.sub(" ", rest)
            request["kind"] = kind
    leftover = _FILLER.sub(" ", rest).split()
    if leftover and match.group("b") is not None:
        return None  # "give me a hint about the elbo question" is not a request to practise
    if leftover and not request["topics"]:
        return {"unknown": subject}
    if request["generators"] and request["topics"] and set(request["topics"]) != {"dl-basics"}:
        request["generators"] = None  # "attention parameters": the topic decides
    return request


class ChatPractice:
    """One turn of practice in a conversation; the session keeps `state["practice"]`:

    {"id": the pending question's id or None, "filters": what was asked for, "asked": choice
    entries already shown, "right": answers right, "answered": answers graded}.
    """

    def __init__(self, practice: Practice, state: dict):
        self.practice, self.state = practice, state

    def respond(self, message: Message | str) -> dict | None:
        """Return the Reply fields for this message, or None to let the dialogue route it."""
        message = as_message(message)
        text = message.lower.rstrip(" !?.")
        factorisations = graphical.find_factorisations(message.text)
        if factorisations:
            return self._draw(factorisations)
        session = self.state.get("practice")
        if session and _STOP.match(text):
            self.state.pop("practice", None)
            score = (f" You got {session['right']} of {session['answered']} right."
                     if session.get("answered") else "")
            return _reply("fallback", f"Practice over.{score} Ask me anything, or say "
                                      "*quiz me* to practise again.", small_talk=True)
        if session and _SKIP.match(text):
            return self._skip(session)
        request = read_practice_request(text)
        if request is not None:
            if "unknown" in request:
                return _reply("fallback", f"I have no practice questions on "
                                          f"*{request['unknown']}*. {OFFER}", confidence=0.0)
            filters = {k: v for k, v in request.items() if v}
            if session and not filters:  # "another question": more of the same
                return self._skip(session)
            self.state.pop("pending", None)  # a pending calculation gives way to practice
            score = session or {}  # a new topic keeps the running score
            session = {"id": None, "filters": filters, "asked": [],
                       "right": score.get("right", 0), "answered": score.get("answered", 0)}
            self.state["practice"] = session
            return self._ask(session, "")
        if not session or not session.get("id"):
            return None  # not practising, or nothing pending: an ordinary message
        return self._answer(session, text)

    def _skip(self, session: dict) -> dict:
        """Ask the next question, first giving away the answer to the one being skipped."""
        intro = ""
        if session.get("id"):
            try:
                shown = self.practice.reveal(session["id"])["expected_text"]
                intro = f"Skipped (the answer was {shown}). "
            except TutorError:
                intro = "Skipped. "
        return self._ask(session, intro)

    def _ask(self, session: dict, intro: str) -> dict:
        filters = session.get("filters", {})
        topics, kind, generators = (filters.get("topics"), filters.get("kind"),
                                    filters.get("generators"))
        asked = session.setdefault("asked", [])
        pool = self.practice.pool(topics, kind, generators)
        if asked and pool and all(k == "choice" and name in asked for k, name in pool):
            intro += "I have no other questions of that kind, so here is one again. "
            asked.clear()
        try:
            question = self.practice.next_question(kind=kind, topics=topics,
                                                   generators=generators, avoid=tuple(asked))
        except NoQuestions as error:
            self.state.pop("practice", None)
            return _reply("fallback", f"{error.message} {OFFER}", confidence=0.0)
        session["id"] = question.id
        if question.kind == "choice":
            asked.append(self.practice.question(question.id)[1].key)
        self.state.update(offered=None)
        text = (intro.strip() + "\n\n" if intro else "") + render_question(question)
        return _reply("clarify", text, confidence=1.0, practice=question.to_dict())

    def _answer(self, session: dict, text: str) -> dict:
        token = session["id"]
        try:
            if _REVEAL.match(text):
                result = self.practice.reveal(token)
            else:
                result = self.practice.grade(token, text)
        except AnswerShapeError as error:
            question = self.practice.question(token)[0]
            # "unreadable": the dialogue first sees whether it is a question or calculation
            # of its own, and only asks again when it is neither
            return {**_reply("clarify", f"I couldn't read that as an answer: {error.problem} "
                                        f"Or say *skip*, *I don't know* or *stop*.",
                             confidence=0.5, practice=question.to_dict()), "unreadable": True}
        except (QuestionExpired, QuestionNotFound):
            return self._ask(session, "That question has expired; here is a new one. ")
        question = self.practice.question(token)[0]
        session["id"] = None
        if result["your_answer"] is not None:
            session["answered"] = session.get("answered", 0) + 1
            session["right"] = session.get("right", 0) + (1 if result["correct"] else 0)
        practice = {**question.to_dict(), "result": result}
        if result["kind"] == "choice":
            # "why?" and "explain more" now follow up on the entry, as after any answer
            self.state.update(entry_id=result["entry_id"], shown=["answer"], calc=None,
                              offered=None)
            score, head = result["score"], result["feedback"]
            if result["your_answer"] is not None:  # the statement list says what was wrong
                head = (f"{'**Right!**' if result['correct'] else '**Not quite.**'} You got "
                        f"{score['right']} of {score['of']} statements right: "
                        f"{truth_phrase(result['expected'])}.")
            text = head + "\n\n" + "\n".join(result["solution"])
            return _reply("answer", f"{text}\n\n{NEXT}", entry_id=result["entry_id"],
                          confidence=1.0, practice=practice)
        calc = result["calculation"]
        # "why?", "show the formula" and "what about stride 1?" work on the calculation
        self.state.update(calc={"calculator": calc["calculator"], "args": calc["request"],
                                "assumed": []}, entry_id=None, shown=[], offered=None)
        steps = "\n".join(f"- {step}" for step in result["solution"])
        text = f"{result['feedback']}\n\n**Worked solution**\n\n{steps}\n\n" \
               f"{result['explanation']}\n\n{NEXT}"
        return _reply("calculation", text, confidence=1.0, calculation=calc, practice=practice)

    def _draw(self, factorisations: list[str]) -> dict:
        try:
            graph = graphical.build_graph(factorisations)
        except graphical.FactorisationError as error:
            return _reply("clarify", f"That looks like a factorisation, but I can't draw it: "
                                     f"{error.message} Write it like "
                                     "*p(x1,x2,z1,z2) = p(z1)p(z2)p(x1|z1,z2)p(x2|z2)*.",
                          confidence=0.5)
        related = "graphical-models" if "graphical-models" in \
            self.practice.knowledge_base.entries else None
        self.state.update(calc=None, entry_id=related, shown=["answer"], offered=None)
        text = ("**Graphical model**\n\n" + graphical.describe(graph) + "\n\nEach factor "
                "$p(a \\mid b, c)$ gives the arrows $b \\to a$ and $c \\to a$. "
                + graphical.OBSERVED_RULE)
        return _reply("calculation", text, confidence=1.0, calculation={
            "calculator": "graphical-model", "request": {"factorisations": factorisations},
            "result": graph})


def render_question(question: Question) -> str:
    """Return a question as chat Markdown: the prompt, numbered statements, how to answer."""
    label = "multiple choice" if question.kind == "choice" else "numeric"
    parts = [f"**Practice question** ({label}, {TOPIC_NAMES.get(question.topic, question.topic)})",
             question.prompt]
    if question.choices:
        parts.append("\n".join(f"{n}. {c}" for n, c in enumerate(question.choices, start=1)))
    parts.append(f"Answer with {question.answer_format}.\n\n{HOW}")
    return "\n\n".join(parts)


def _reply(kind: str, text: str, entry_id: str | None = None, confidence: float = 1.0,
           calculation: dict | None = None, practice: dict | None = None,
           small_talk: bool = False) -> dict:
    return {"kind": kind, "reply": text, "entry_id": entry_id, "confidence": confidence,
            "calculation": calculation, "practice": practice, "small_talk": small_talk}
