"""Numeric questions: generators that vary the seed's calculable questions, and their Solution.

Each generator draws a question's numbers, words its prompt and solves it with the calculators
(service.calculators); reading and grading an answer is left to readers.py and grading.py.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from service import calculators


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


def latex_size(values) -> str:
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
        return (f"A single-channel ${latex_size(p['input'])}$ image is convolved with a "
                f"${latex_size(p['kernel'])}$ filter with stride {p['stride']} and {padding}. "
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
