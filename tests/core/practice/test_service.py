"""The practice service: every generator's worked steps, ids that hold only what the prompt
shows, seeds and filters, the pool of multiple-choice items, and answers refused by grade."""

from __future__ import annotations

import pytest

from service.core.practice.errors import AnswerShapeError, NoQuestions
from service.core.practice.generators import GENERATORS
from tests.core.practice.test_signing import payload

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


def test_an_answer_of_the_wrong_shape_is_refused_by_grade(practice):
    numeric = practice.next_question(generators=["conv-output"], seed=1)
    with pytest.raises(AnswerShapeError):
        practice.grade(numeric.id, "no idea")
    choice = practice.next_question(kind="choice", seed=1)
    with pytest.raises(AnswerShapeError):
        practice.grade(choice.id, [9])
