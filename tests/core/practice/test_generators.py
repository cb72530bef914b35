"""Numeric practice questions: generated numbers checked against independent references, and
every generated question grading its own answer (grading.py) and refusing near misses."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from service.core.practice.generators import GENERATORS
from service.core.practice.grading import grade_numeric

SEEDS = range(200)


def generated(name: str):
    """(seed, params, solution) for 200 seeds of one generator."""
    generator = GENERATORS[name]
    for seed in SEEDS:
        params = generator.generate(random.Random(seed))
        yield seed, params, generator.solve(params)


def graded(solution, answer) -> bool:
    return grade_numeric(solution, answer)["correct"]


# --- independent references -----------------------------------------------------------------

def windows(n: int, k: int, s: int, p: int) -> int:
    """Count the positions a k-wide window takes on n + 2p pixels, stepping by s."""
    return len(range(0, n + 2 * p - k + 1, s))


def conv_reference(params) -> list[int]:
    (n_h, n_w), (k_h, k_w), s, pad = (params["input"], params["kernel"], params["stride"],
                                      params["padding"])
    if pad == "same":  # TensorFlow: as many outputs as strides fit in the input
        return [math.ceil(n_h / s), math.ceil(n_w / s)]
    pad = 0 if pad == "valid" else pad
    return [windows(n_h, k_h, s, pad), windows(n_w, k_w, s, pad)]


def attention_reference(params) -> dict:
    (h, w, c), k, s = params["input"], params["patch"], params["stride"]
    patches = [(i, j) for i in range(0, h - k + 1, s) for j in range(0, w - k + 1, s)]
    pairs = [(a, b) for a in patches for b in patches]
    return {"num_patches": len(patches), "dot_products": len(pairs),
            "macs": len(pairs) * k * k * c}


# --- conv output size (Q1) ------------------------------------------------------------------

def test_conv_output_questions_match_a_window_count_and_grade_their_own_answer():
    for seed, params, solution in generated("conv-output"):
        h, w = conv_reference(params)
        assert solution.expected == [h, w], (seed, params)
        for answer in (solution.expected, solution.expected_text, f"{h} by {w}", f"[{h}, {w}]",
                       f"({h},{w})", f"{h} × {w}", f"{h}x{w}x1", f"out = {h}x{w}"):
            assert graded(solution, answer), (seed, answer)
        if h == w:
            assert graded(solution, str(h)) and graded(solution, h)
        for wrong in ([h + 1, w], [h, w + 1], f"{h - 1}x{w}", f"{h + 2} by {w + 2}"):
            assert not graded(solution, wrong), (seed, wrong)


def test_conv_output_questions_are_sensible():
    paddings = set()
    for _, params, solution in generated("conv-output"):
        assert all(7 <= n <= 65 for n in params["input"])
        assert all(k in (1, 3, 5, 7) for k in params["kernel"])
        assert params["stride"] in (1, 2, 3)
        assert min(solution.expected) >= 1
        paddings.add(params["padding"] if isinstance(params["padding"], str) else "number")
    assert paddings == {"same", "valid", "number"}


def test_a_swapped_size_is_called_out():
    params = {"input": [29, 37], "kernel": [3, 3], "stride": 2, "padding": "same"}
    result = grade_numeric(GENERATORS["conv-output"].solve(params), "19x15")
    assert not result["correct"] and "height comes first" in result["feedback"]


# --- parameter count (Q2) -------------------------------------------------------------------

def test_param_questions_match_the_formula_and_grade_their_own_answer():
    for seed, params, solution in generated("conv-params"):
        k, (_, _, c), out = params["kernel"], params["input"], params["out_channels"]
        total = k * k * c * out + (out if params["bias"] else 0)
        assert solution.expected == total, (seed, params)
        expression = f"{k}*{k}*{c}*{out}" + (f" + {out}" if params["bias"] else "")
        for answer in (total, solution.expected_text, f"{total} parameters", f"{total:,}",
                       expression, f"{expression} = {total}", float(total)):
            assert graded(solution, answer), (seed, answer)
        for wrong in (total + 1, total - 1, 2 * total, str(total + 10)):
            assert not graded(solution, wrong), (seed, wrong)


def test_the_seeds_q2_and_its_usual_slip():
    params = {"kernel": 3, "input": [256, 256, 32], "out_channels": 1, "bias": True}
    solution = GENERATORS["conv-params"].solve(params)
    assert solution.expected == 289 and graded(solution, "289")
    slip = grade_numeric(solution, 288)
    assert not slip["correct"] and "leaves out the bias" in slip["feedback"]


# --- exploding or vanishing gradients (Q9) ------------------------------------------------

def test_generated_w_h_have_a_clear_verdict_confirmed_by_matrix_powers():
    verdicts = set()
    for seed, params, solution in generated("rnn-gradient"):
        w = np.array(params["matrix"])
        assert w.shape in ((2, 2), (3, 3))
        assert np.allclose(w * 10, np.round(w * 10)), "one decimal per entry"
        radius = max(abs(np.roots(np.poly(w))))  # characteristic polynomial, not the calculator
        assert radius < 0.8 or radius > 1.25, (seed, radius)
        power = np.linalg.norm(np.linalg.matrix_power(w, 200), 2)
        verdict = "explode" if power > 1e10 else "vanish" if power < 1e-10 else "unclear"
        assert verdict == ("explode" if radius > 1 else "vanish"), (seed, power)
        if params["ask"] == "verdict":
            assert solution.expected == verdict
        else:
            assert abs(solution.exact - radius) < 1e-6
        verdicts.add(verdict)
    assert verdicts == {"explode", "vanish"}


def test_gradient_questions_grade_their_own_answer_and_refuse_the_opposite():
    for seed, params, solution in generated("rnn-gradient"):
        if params["ask"] == "verdict":
            verdict = solution.expected
            other = "vanish" if verdict == "explode" else "explode"
            forms = {"explode": ["explode", "explodes", "exploding", "The gradient will explode",
                                 "it explodes since rho > 1", "EXPLOSION"],
                     "vanish": ["vanish", "vanishes", "vanishing", "it does not explode, it "
                                "vanishes", "the gradient vanishes as T grows large"]}[verdict]
            for answer in forms:
                assert graded(solution, answer), (seed, answer)
            for wrong in (other, {"explode": "it explodes", "vanish": "it vanishes"}[other],
                          "stable", "neither"):
                assert not graded(solution, wrong), (seed, wrong)
        else:
            exact = solution.exact
            for answer in (solution.expected, solution.expected_text, f"{exact:.3f}",
                           f"rho = {exact:.2f}", f"≈ {exact:.2f}", exact + 0.009):
                assert graded(solution, answer), (seed, answer)
            for wrong in (exact + 0.05, exact - 0.02, f"{exact + 0.1:.2f}"):
                assert not graded(solution, wrong), (seed, wrong)


def test_the_seeds_q9_matrix_reads_as_explode_with_radius_1_15():
    params = {"matrix": [[-0.64, -0.06, -1.12], [-0.56, 0.28, -0.76], [0.62, -1.66, -0.2]]}
    generator = GENERATORS["rnn-gradient"]
    assert graded(generator.solve({**params, "ask": "verdict"}), "explodes")
    assert graded(generator.solve({**params, "ask": "radius"}), "1.15")


# --- self-attention cost (Q11) -------------------------------------------------------------

def test_attention_questions_match_a_patch_count_and_grade_their_own_answer():
    asks = set()
    for seed, params, solution in generated("attention-cost"):
        assert solution.expected == attention_reference(params)[params["ask"]], (seed, params)
        expected = solution.expected
        for answer in (expected, str(expected), f"{expected} multiply-adds", f"{expected:,}"):
            assert graded(solution, answer), (seed, answer)
        for wrong in (expected + 1, expected - 1, expected * 2):
            assert not graded(solution, wrong), (seed, wrong)
        asks.add(params["ask"])
    assert asks == {"num_patches", "dot_products", "macs"}


def test_an_expression_in_the_seeds_own_terms_is_accepted():
    params = {"input": [8, 8, 3], "patch": 3, "stride": 1, "ask": "macs"}
    solution = GENERATORS["attention-cost"].solve(params)
    assert solution.expected == 34992
    assert graded(solution, "36^2 * 27") and graded(solution, "(8-3+1)^2 * (8-3+1)^2 * 3*3*3")
    counted = grade_numeric(solution, 1296)
    assert "counts dot products" in counted["feedback"]


# --- classification metrics (Q4) ------------------------------------------------------------

def metrics_reference(params) -> float:
    """The asked metric by counting labelled examples one by one."""
    examples = ([(1, 1)] * params["tp"] + [(0, 1)] * params["fp"] + [(0, 0)] * params["tn"]
                + [(1, 0)] * params["fn"])
    predicted = [t for t, p in examples if p]
    real = [p for t, p in examples if t]
    negatives = [p for t, p in examples if not t]
    precision, recall = sum(predicted) / len(predicted), sum(real) / len(real)
    return {"accuracy": sum(t == p for t, p in examples) / len(examples),
            "precision": precision, "recall": recall,
            "specificity": negatives.count(0) / len(negatives),
            "f1": 2 * precision * recall / (precision + recall)}[params["ask"]]


def test_metric_questions_match_counting_and_grade_their_own_answer():
    asks = set()
    for seed, params, solution in generated("classification-metrics"):
        exact = metrics_reference(params)
        assert solution.exact == pytest.approx(exact, abs=1e-12), (seed, params)
        for answer in (solution.expected, solution.expected_text, f"{exact:.3f}",
                       f"{params['ask']} = {exact:.2f}", exact):
            assert graded(solution, answer), (seed, answer)
        for wrong in (exact + 0.02, exact - 0.03, f"{exact + 0.1:.2f}"):
            assert not graded(solution, wrong), (seed, wrong)
        asks.add(params["ask"])
    assert asks == {"accuracy", "precision", "recall", "specificity", "f1"}


def test_precision_given_for_recall_is_called_out():
    params = {"tp": 40, "fp": 10, "tn": 45, "fn": 5, "ask": "recall"}
    result = grade_numeric(GENERATORS["classification-metrics"].solve(params), "0.8")
    assert not result["correct"] and "That is the precision" in result["feedback"]
    right = grade_numeric(GENERATORS["classification-metrics"].solve(params), "0.89")
    assert right["correct"] and "\\text{recall} = 0.8889" in right["feedback"]
