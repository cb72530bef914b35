"""Misspelt setting names: one wrong letter on a phone must not hide the number after it, and
words that mean something else are never 'corrected' into a setting."""

import re

import pytest

from service.core.calcparse.spelling import CORRECTIONS, SETTING_NAMES, correct_setting_names
from service.knowledge.loading import load_knowledge_base
from tests.core.calcparse.helpers import parsed
from tests.paths import REPO_ROOT


@pytest.mark.parametrize(("typed", "meant"), [
    ("kernal", "kernel"), ("strid", "stride"), ("inpt", "input"), ("ouptut", "output"),
    ("chanels", "channels"), ("paramter", "parameter"), ("paddding", "padding"),
    ("dialation", "dilation"), ("filtre", "filter"), ("precison", "precision"),
])
def test_one_edit_from_a_setting_name_reads_as_that_name(typed, meant):
    assert correct_setting_names(f"a {typed} of 3") == f"a {meant} of 3"


@pytest.mark.parametrize("word", ["adding", "added", "batches", "matches", "polling",
                                  "strike", "kennel", "fitter", "transpose", "weight", "side"])
def test_real_words_near_a_setting_name_are_left_alone(word):
    assert correct_setting_names(f"{word} 3") == f"{word} 3"


def test_no_word_of_the_course_prose_is_taken_for_a_misspelling():
    """Every word the knowledge base's questions, answers and explanations use is a real word
    (its alternates are typo'd on purpose, so they are not read)."""
    used = set()
    for entry in load_knowledge_base(REPO_ROOT / "knowledge").entries.values():
        for text in (entry.question, entry.answer, entry.explanation, *entry.misconceptions):
            used.update(re.findall(r"[a-z]+", text.lower()))
    assert sorted(used & set(CORRECTIONS)) == []


def test_names_themselves_are_never_changed():
    assert not set(SETTING_NAMES) & set(CORRECTIONS)


def test_a_misspelt_question_is_still_computed():
    request = parsed("ouptut size for 96x96 inpt, kernal 5, strid 3, pad 1?")
    assert request.args == {"input": 96, "kernel": 5, "stride": 3, "padding": 1}


def test_correction_reads_each_word_once():
    text = "kernal " * 500
    assert correct_setting_names(text) == "kernel " * 500
