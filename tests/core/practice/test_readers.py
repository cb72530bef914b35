"""Reading answers: statement numbers, sizes, numbers and verdicts in the forms students write
them, refused when unreadable, and numbers beyond range refused rather than read as infinity."""

from __future__ import annotations

import pytest

from service.core.practice.errors import AnswerShapeError
from service.core.practice.readers import read_choices, read_number, read_size, read_verdict

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
