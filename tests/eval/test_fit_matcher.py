"""The fit's thresholds: the off-topic targets hold in every tuning file, so a file of many
easy off-topic questions does not lower the bar for the others."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from tests.paths import REPO_ROOT

spec = importlib.util.spec_from_file_location("fit_matcher", REPO_ROOT / "eval" / "fit_matcher.py")
fit_matcher = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fit_matcher)


def cases(in_scope_right: list[float], in_scope_wrong: list[float], off_topic: list[float],
          source: int):
    """(confidence, right, in_scope, answerable, sources) for one file."""
    confidence = [*in_scope_right, *in_scope_wrong, *off_topic]
    right = [True] * len(in_scope_right) + [False] * (len(in_scope_wrong) + len(off_topic))
    in_scope = [True] * (len(in_scope_right) + len(in_scope_wrong)) + [False] * len(off_topic)
    return (np.array(confidence), np.array(right), np.array(in_scope),
            np.ones(len(confidence), dtype=bool), np.full(len(confidence), source))


def joined(*files):
    return tuple(np.concatenate(parts) for parts in zip(*files, strict=True))


@pytest.fixture
def hard_file():
    # 100 off-topic questions, two of them as confident as the right answers (0.85, 0.80)
    return cases([0.95] * 200, [], [0.85, 0.80] + [0.10] * 98, source=0)


def test_one_file_answers_at_most_one_percent_of_its_off_topic_questions(hard_file):
    answer, _ = fit_matcher.thresholds(*hard_file)
    assert 0.80 < answer <= 0.81  # one of the two (1 of 100) may be answered, not both


def test_a_file_of_easy_off_topic_questions_does_not_lower_the_bar(hard_file):
    easy_file = cases([], [], [0.05] * 400, source=1)
    answer, suggest = fit_matcher.thresholds(*joined(hard_file, easy_file))
    # pooled, 1% of 500 would let both of the hard file's confident ones through (0.80)
    assert answer > 0.80
    assert suggest >= float(np.quantile(hard_file[0][~hard_file[2]], fit_matcher.OOS_REFUSED))


def test_wrong_answers_stay_under_their_share_of_the_in_scope_questions():
    # 100 in scope: 90 right at 0.9, 5 wrong at 0.7 and 5 wrong at 0.6; 2% may be wrong
    data = cases([0.9] * 90, [0.7] * 5 + [0.6] * 5, [0.1] * 50, source=0)
    answer, _ = fit_matcher.thresholds(*data)
    assert 0.70 < answer <= 0.71
