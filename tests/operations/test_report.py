"""Grouping unanswered questions: similar ones together, distinct ones apart, newest first."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from service.core.dialogue import Tutor
from service.core.sessions import MemorySessionStore
from service.knowledge.loading import validate_directory
from service.operations.records import Question
from service.operations.report import (
    THRESHOLD,
    draft_entry,
    find_group,
    group_questions,
    normalise,
    render,
)


@pytest.fixture(scope="module")
def matcher(knowledge_base):
    return Tutor(knowledge_base, MemorySessionStore()).matcher


def question(i, message, created=None):
    return Question(i, float(created if created is not None else i), "web", "s", message,
                    "fallback", 0.1, None)


def test_similar_questions_are_grouped_and_distinct_ones_kept_apart(matcher):
    asked = ["what is a capsule network?", "What is a capsule network",
             "whats a capsule netwrok?", "how do I bake sourdough bread?",
             "how do i bake sourdough bread"]
    groups = group_questions([question(i, m) for i, m in enumerate(asked)], matcher)
    assert sorted(g.count for g in groups) == [2, 3]
    by_size = {g.count: g for g in groups}
    assert all("capsule" in e for e in by_size[3].examples)
    assert all("sourdough" in e for e in by_size[2].examples)
    assert groups[0].newest == 4.0  # the sourdough group holds the newest question


def test_groups_are_newest_first_with_three_examples_at_most(matcher):
    questions = [question(i, "what is a capsule network?" + "?" * i) for i in range(5)]
    questions.append(question(9, "how do I bake sourdough bread?", created=100))
    groups = group_questions(questions, matcher)
    assert [g.count for g in groups] == [1, 5]
    assert len(groups[1].examples) == 3 and groups[1].newest == 4.0


def test_each_group_names_the_nearest_entry(matcher):
    [group] = group_questions([question(1, "why max pooling in a cnn")], matcher)
    assert group.nearest_entry_id == matcher.search("why max pooling in a cnn", 1)[0].entry_id
    assert group.nearest_score > 0


PHRASES = ["what is a capsule network", "how do I bake bread", "explain dropout schedules",
           "what is a transformer decoder", "how does batch norm work at test time",
           "sourdough starter", "mixture of experts routing", "what is a vae"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PHRASES), st.sampled_from(["", "?", " please", "!"])),
                max_size=20))
def test_grouping_agrees_with_a_brute_force_reading_of_the_rule(matcher, picks):
    """Newest first, each question joins the first group whose key it matches, else a new one."""
    questions = [question(i, a + b) for i, (a, b) in enumerate(picks)]
    groups = group_questions(questions, matcher)
    assert sum(g.count for g in groups) == len(questions)
    keys: list[str] = []
    counts: list[int] = []
    for q in sorted(questions, key=lambda q: q.id, reverse=True):
        key = normalise(matcher, q.message)
        hit = next((n for n, k in enumerate(keys) if fuzz.token_set_ratio(key, k) >= THRESHOLD),
                   None)
        if hit is None:
            keys.append(key)
            counts.append(1)
        else:
            counts[hit] += 1
    assert [g.count for g in groups] == counts
    assert [g.newest for g in groups] == sorted((g.newest for g in groups), reverse=True)


def test_formats(matcher):
    groups = group_questions([question(1, "what is a capsule network? | really"),
                              question(2, "how do I bake sourdough bread?")], matcher)
    as_json = render(groups, "json")
    rows = list(csv.DictReader(io.StringIO(render(groups, "csv"))))
    assert [int(r["count"]) for r in rows] == [g["count"] for g in as_json["groups"]]
    assert rows[0]["examples"] == "how do I bake sourdough bread?"
    assert rows[1]["nearest_entry_id"] == (as_json["groups"][1]["nearest_entry_id"] or "")
    markdown = render(groups, "markdown").splitlines()
    assert markdown[0].startswith("| Count |") and len(markdown) == 2 + len(groups)
    assert "capsule network? \\| really" in markdown[3]
    assert "no unanswered questions" in render([], "markdown")


def test_a_group_is_named_by_its_newest_question_and_found_by_any(matcher):
    questions = [question(i, "what is a capsule network?" + "?" * i) for i in range(5)]
    questions.append(question(9, "how do I bake sourdough bread?", created=100))
    bread, capsules = group_questions(questions, matcher)
    assert (bread.id, capsules.id) == (9, 4)
    assert sorted(capsules.members) == [0, 1, 2, 3, 4]
    assert all(find_group([bread, capsules], i) is capsules for i in range(5))
    assert find_group([bread, capsules], 9) is bread and find_group([bread], 4) is None
    assert render([bread], "json")["groups"][0]["id"] == 9
    assert list(csv.DictReader(io.StringIO(render([bread], "csv"))))[0]["id"] == "9"
    assert render([bread], "markdown").splitlines()[2].endswith("| 9 |")


@pytest.fixture(scope="module")
def knowledge_copy(tmp_path_factory, knowledge_base):
    """The real knowledge base in a folder a draft can be added to."""
    return shutil.copytree(knowledge_base.directory, tmp_path_factory.mktemp("kb") / "k")


def _validates_once_answered(draft: str, folder) -> tuple[dict, list]:
    document = yaml.safe_load(draft)
    [entry] = document["entries"]
    assert entry["answer"] == "" and entry["explanation"] == ""
    filled = draft.replace('answer: ""', "answer: An answer.").replace(
        'explanation: ""', "explanation: The why.")
    (folder / "zz-draft.yaml").write_text(filled, encoding="utf-8")
    try:
        entries, problems, _ = validate_directory(folder)
    finally:
        (folder / "zz-draft.yaml").unlink()
    return entry, problems


def test_a_draft_proposes_an_entry_near_the_nearest_one(matcher, knowledge_base, knowledge_copy):
    asked = ["how does max pooling pick its outputs?", "How does max pooling pick its output",
             "max pooling picks what?"]
    [group] = group_questions([question(i, m) for i, m in enumerate(asked)], matcher,
                              threshold=0)
    draft = draft_entry(group, knowledge_base)
    entry, problems = _validates_once_answered(draft, knowledge_copy)
    assert problems == []
    nearest = knowledge_base.get(group.nearest_entry_id)
    assert entry["topic"] == nearest.topic and entry["related"] == [nearest.id]
    assert entry["id"] not in knowledge_base.entries and "max-pooling" in entry["id"]
    assert entry["question"] == "Max pooling picks what?"  # a tie: the newest wording
    assert len(entry["alternates"]) >= 3 and "max pooling picks what?" in entry["alternates"]
    assert entry["keywords"] and entry["misconceptions"]
    assert "# TO DO (instructor)" in draft and f"--draft {group.id}" in draft


def test_a_draft_id_is_never_taken(matcher, knowledge_base):
    [group] = group_questions([question(1, "stride")], matcher)
    assert "stride" in knowledge_base.entries
    assert yaml.safe_load(draft_entry(group, knowledge_base))["entries"][0]["id"] == "stride-2"


# YAML's traps (booleans, numbers, indicators), maths, and words the matcher knows
TRICKY = st.sampled_from(["yes", "no", "on", "off", "null", "true", "0", "1e3", "$", "$$", "\\$",
                          "#", ":", "- ", "'", '"', "{", "[", "*", "&a", "!tag", "~", "\u0085",
                          "\u2028", "what", "is", "capsule", "pooling", "ü", "日本", "\t"])
PHRASINGS = st.lists(st.one_of(st.text(min_size=1, max_size=80),
                               st.lists(TRICKY, min_size=1, max_size=6).map(" ".join))
                     .filter(lambda t: t.strip()), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None)
@given(PHRASINGS)
def test_any_phrasings_make_a_draft_that_validates_once_answered(matcher, knowledge_base,
                                                                 knowledge_copy, phrasings):
    """Quotes, dollars, backslashes, YAML syntax, controls the door lets through, any script."""
    questions = [question(i, p) for i, p in enumerate(phrasings)]
    for group in group_questions(questions, matcher):
        entry, problems = _validates_once_answered(draft_entry(group, knowledge_base),
                                                   knowledge_copy)
        assert problems == [], problems
        assert set(entry["alternates"]) & {" ".join(p.split()) for p in phrasings}
