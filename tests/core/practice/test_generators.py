"""Practice questions: generated numbers checked against independent references, grading of
every generated question and every multiple-choice entry, answer forms, seeds and signed ids."""

from __future__ import annotations

import base64
import json
import math
import random

import numpy as np
import pytest

from service.core.practice import (
    GENERATORS,
    AnswerShapeError,
    NoQuestions,
    Practice,
    QuestionExpired,
    QuestionNotFound,
    choice_entries,
    grade_choice,
    grade_numeric,
    read_choices,
    read_number,
    read_size,
    read_verdict,
)

SEEDS = range(200)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_700_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def practice(knowledge_base):
    return Practice(knowledge_base, "test-key-" + "x" * 32)


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


# --- every generator: the solution is the calculator's work, and nothing leaks -----------------

@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_every_question_carries_the_calculators_worked_steps(practice, name):
    for seed in range(30):
        question = practice.next_question(seed=seed, generators=[name])
        result = practice.reveal(question.id)
        assert result["solution"] == result["calculation"]["result"]["steps"]
        assert result["entry_id"] in practice.knowledge_base.entries
        assert practice.grade(question.id, result["expected"])["correct"]
        assert practice.grade(question.id, result["expected_text"])["correct"]


def payload(practice, question_id: str) -> dict:
    """What anyone can read from an id without the key (it is signed, not encrypted)."""
    readable, data = practice.signer.serializer.loads_unsafe(question_id)
    assert readable
    return data


def test_a_question_id_holds_only_what_the_prompt_shows(practice):
    for seed in range(100):
        question = practice.next_question(seed=seed)
        data = payload(practice, question.id)
        if question.kind == "choice":
            assert set(data) == {"e"}
        else:
            assert set(data) == {"g", "p"}
            assert set(data["p"]) <= {"input", "kernel", "stride", "padding", "out_channels",
                                      "bias", "matrix", "ask", "patch", "tp", "fp", "tn", "fn"}
        assert "expected" not in question.to_dict() and "correct" not in question.to_dict()


# --- seeds and filters ------------------------------------------------------------------------

def test_a_seed_gives_the_same_question_every_time(practice):
    for seed in range(50):
        for kind in (None, "choice", "numeric"):
            first = practice.next_question(kind=kind, seed=seed).to_dict()
            again = practice.next_question(kind=kind, seed=seed).to_dict()
            first.pop("id"), again.pop("id")
            assert first == again


def test_different_seeds_give_different_numbers(practice):
    prompts = {practice.next_question(kind="numeric", seed=seed).prompt for seed in range(50)}
    assert len(prompts) > 40


@pytest.mark.parametrize(("topic", "kind"), [
    ("gan", "choice"), ("vae", None), ("rnn", "numeric"), ("rnn", "choice"),
    ("attention", None), ("dl-basics", "numeric"), (None, "choice"), (None, "numeric"),
])
def test_topic_and_kind_filters_are_honoured(practice, topic, kind):
    seen = set()
    for seed in range(40):
        question = practice.next_question(topic=topic, kind=kind, seed=seed)
        assert topic is None or question.topic == topic
        assert kind is None or question.kind == kind
        assert (question.choices is not None) == (question.kind == "choice")
        seen.add(question.kind)
    if kind is None and topic in (None, "rnn", "attention"):
        assert seen == {"choice", "numeric"}


@pytest.mark.parametrize(("topic", "kind", "field"), [
    ("vae", "numeric", "kind"), ("gan", "numeric", "kind")])
def test_no_matching_question_names_the_filter(practice, topic, kind, field):
    with pytest.raises(NoQuestions) as raised:
        practice.next_question(topic=topic, kind=kind)
    assert raised.value.status == 404 and field in raised.value.fields


def test_every_multiple_choice_entry_is_in_the_pool(practice, knowledge_base):
    asked = {payload(practice, practice.next_question(kind="choice", seed=s).id)["e"]
             for s in range(300)}
    expected = {e.id for e in knowledge_base.entries.values() if e.choices} | {
        f"{e.id}#{n}" for e in knowledge_base.entries.values()
        for n in range(1, len(e.quiz) + 1)}
    assert asked == expected
    assert {"vae-true-statements", "gan-true-statements", "rnn-gradient-remedies",
            "attention-true-statements"} <= expected


# --- multiple choice: every entry, all right, all wrong, partial -----------------------------

def mc_entries(knowledge_base):
    return choice_entries(knowledge_base)


def test_every_mc_entry_grades_all_right_in_every_form(knowledge_base):
    for entry in mc_entries(knowledge_base):
        right = sorted(entry.correct)
        words = " and ".join(map(str, right))
        for answer in (right, list(reversed(right)), " ".join(map(str, right)),
                       ", ".join(map(str, right)), words, f"statements {words} are true",
                       grade_choice(entry, right)["expected_text"]):
            result = grade_choice(entry, answer)
            assert result["correct"], (entry.id, answer)
            assert result["score"] == {"right": len(entry.choices), "of": len(entry.choices)}
            assert all(s["right"] for s in result["statements"])


def test_every_mc_entry_grades_all_wrong_statement_by_statement(knowledge_base):
    for entry in mc_entries(knowledge_base):
        wrong = [n for n in range(1, len(entry.choices) + 1) if n not in entry.correct]
        result = grade_choice(entry, wrong)
        assert not result["correct"] and result["score"]["right"] == 0
        for statement, reason in zip(result["statements"], entry.choice_reasons, strict=True):
            assert not statement["right"]
            assert statement["selected"] == (statement["number"] not in entry.correct)
            assert statement["reason"] == reason.strip()
            assert f"Statement {statement['number']} is" in result["feedback"]


def test_every_mc_entry_flags_exactly_the_statement_a_partial_answer_gets_wrong(knowledge_base):
    for entry in mc_entries(knowledge_base):
        for toggled in range(1, len(entry.choices) + 1):
            answer = sorted(set(entry.correct) ^ {toggled})
            result = grade_choice(entry, answer)
            assert not result["correct"]
            assert result["score"] == {"right": len(entry.choices) - 1,
                                       "of": len(entry.choices)}
            [bad] = [s for s in result["statements"] if not s["right"]]
            assert bad["number"] == toggled
            assert bad["true"] == (toggled in entry.correct)
            assert bad["reason"] in "\n".join(result["solution"])


def test_q8_partial_answer_reads_like_a_tutor(knowledge_base):
    result = grade_choice(knowledge_base.get("gan-true-statements"), "2 and 4")
    assert result["feedback"].startswith("**Not quite.** You got 2 of 5 statements right: "
                                         "statements 2, 3 and 5 are true.")
    assert "Statement 4 is false but you selected it." in result["feedback"]
    assert result["solution"][3].startswith("4. ✗ **False**, you selected it:")


def test_revealing_marks_nothing_and_gives_every_reason(knowledge_base):
    entry = knowledge_base.get("vae-true-statements")
    result = grade_choice(entry, None, reveal=True)
    assert result["feedback"] == "Only statement 5 is true."
    assert not result["correct"] and result["your_answer"] is None
    assert all("✓" not in line and "✗" not in line for line in result["solution"])


# --- reading answers --------------------------------------------------------------------------

@pytest.mark.parametrize(("answer", "numbers"), [
    ("2, 3 and 5", [2, 3, 5]), ("2 3 5", [2, 3, 5]), ("5,3,2", [2, 3, 5]), ([3, 2, 3], [2, 3]),
    (5, [5]), ("only 5", [5]), ("two and five", [2, 5]), ("the first and third", [1, 3]),
    ("none", []), ("None of them.", []), ([], []), ("all of them", [1, 2, 3, 4, 5]),
    ("q8: 2, 3, 5", [2, 3, 5]), ("choices 1 & 3", [1, 3]),
])
def test_choice_answers_are_read_in_reasonable_forms(answer, numbers):
    assert read_choices(answer, 5) == numbers


@pytest.mark.parametrize("answer", [
    "6", [0], [1, 7], "maybe", "", "   ", 2.5, "2.5", True, [True], ["2"], {"a": 1}, None])
def test_unreadable_choice_answers_are_refused(answer):
    with pytest.raises(AnswerShapeError) as raised:
        read_choices(answer, 5)
    assert raised.value.status == 422 and list(raised.value.fields) == ["answer"]


@pytest.mark.parametrize(("answer", "size"), [
    ("16x16", (16, 16)), ("16 by 16", (16, 16)), ("[16, 16]", (16, 16)), ([16, 16], (16, 16)),
    ("16", (16, 16)), (16, (16, 16)), ("15 × 19", (15, 19)), ("(15,19)", (15, 19)),
    ("16x16x1", (16, 16)), ("floor((31+2-3)/2)+1 = 16", (16, 16)),
])
def test_sizes_are_read_in_reasonable_forms(answer, size):
    assert read_size(answer) == size


@pytest.mark.parametrize("answer", ["big", "16x16x3", [1, 2, 3], "1 2 3 4", True, [], {}])
def test_unreadable_sizes_are_refused(answer):
    with pytest.raises(AnswerShapeError):
        read_size(answer)


@pytest.mark.parametrize(("answer", "number"), [
    ("289", 289), (289, 289), ("289 parameters", 289), ("1,152", 1152), ("3*3*32 + 1", 289),
    ("3x3x32+1", 289), ("36^2 * 27", 34992), ("1.15", 1.15), ("rho = 1.15", 1.15),
    ("≈ 1.15", 1.15), ("1.31 > 1", 1.31), ("289 (288 weights + 1 bias)", 289), ("1e3", 1000),
])
def test_numbers_are_read_in_reasonable_forms(answer, number):
    assert read_number(answer) == pytest.approx(number)


@pytest.mark.parametrize("answer", [
    "many", "", [289], True, float("nan"), float("inf"), "9**9**9**9", "2^1000000", "1/0 + 2"])
def test_unreadable_numbers_are_refused_without_computing_huge_powers(answer):
    with pytest.raises(AnswerShapeError):
        read_number(answer)


@pytest.mark.parametrize(("answer", "verdict"), [
    ("explode", "explode"), ("Explodes!", "explode"), ("exploding", "explode"),
    ("the gradient blows up", "explode"), ("vanish", "vanish"), ("it vanishes", "vanish"),
    ("vanishing gradients", "vanish"), ("decays to zero", "vanish"),
    ("it won't vanish, it explodes", "explode"), ("neither", "stable"),
])
def test_verdicts_are_read_in_reasonable_forms(answer, verdict):
    assert read_verdict(answer) == verdict


@pytest.mark.parametrize("answer", [
    "explodes or vanishes", "it does not explode", "no idea", "1.15", 1, ["explode"]])
def test_unclear_verdicts_are_refused(answer):
    with pytest.raises(AnswerShapeError):
        read_verdict(answer)


def test_an_answer_of_the_wrong_shape_is_refused_by_grade(practice):
    numeric = practice.next_question(generators=["conv-output"], seed=1)
    with pytest.raises(AnswerShapeError):
        practice.grade(numeric.id, "no idea")
    choice = practice.next_question(kind="choice", seed=1)
    with pytest.raises(AnswerShapeError):
        practice.grade(choice.id, [9])


# --- signed ids -------------------------------------------------------------------------------

def test_an_altered_id_is_not_found(practice):
    question = practice.next_question(kind="choice", seed=3)
    body, stamp, signature = question.id.split(".")
    asked = payload(practice, question.id)["e"]
    other = "vae-true-statements" if asked == "gan-true-statements" else "gan-true-statements"
    forged = base64.urlsafe_b64encode(json.dumps({"e": other}).encode()).decode().rstrip("=")
    for tampered in (f"{forged}.{stamp}.{signature}", f"{body}.{stamp}.{signature[::-1]}",
                     question.id[:-1], "not-an-id", "a.b.c", ""):
        with pytest.raises(QuestionNotFound) as raised:
            practice.grade(tampered, "1")
        assert raised.value.status == 404 and "id" in raised.value.fields


def test_an_id_signed_with_another_key_is_not_found(knowledge_base, practice):
    other = Practice(knowledge_base, "another-key-" + "y" * 32)
    with pytest.raises(QuestionNotFound):
        practice.grade(other.next_question(seed=1).id, "1")


def test_an_id_expires_after_the_ttl(knowledge_base):
    clock = Clock()
    practice = Practice(knowledge_base, "k" * 40, ttl_seconds=3600, clock=clock)
    question = practice.next_question(kind="choice", seed=2)
    clock.now += 3600
    assert "correct" in practice.grade(question.id, "1")
    clock.now += 1
    with pytest.raises(QuestionExpired) as raised:
        practice.grade(question.id, "1")
    assert raised.value.status == 410 and "id" in raised.value.fields


def test_a_signed_payload_naming_nothing_we_have_is_not_found(practice):
    for data in ({"e": "no-such-entry"}, {"e": "stride"}, {"g": "no-such-generator", "p": {}},
                 {"g": "conv-output"}, ["e"]):
        with pytest.raises(QuestionNotFound):
            practice.grade(practice.signer.sign(data), "1")


# --- numbers beyond range --------------------------------------------------------------------

@pytest.mark.parametrize("answer", ["1" * 400, "1e400", "-1e400", "2 * 1e400", 10**400,
                                    "16 = " + "9" * 30])
def test_a_number_beyond_range_is_refused_never_read_as_infinity(answer):
    with pytest.raises(AnswerShapeError, match="too large|finite"):
        read_number(answer)


def test_numbers_are_read_exactly_up_to_the_limit():
    assert read_number("999999999999999") == 999_999_999_999_999
    assert read_number("1.15") == 1.15


@pytest.mark.parametrize("answer", ["16x" + "9" * 400, [16, 10**400], "1e400 by 16"])
def test_a_size_beyond_range_is_refused(answer):
    with pytest.raises(AnswerShapeError):
        read_size(answer)
