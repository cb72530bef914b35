"""Multiple-choice grading: every entry all right, all wrong and partly right, statement by
statement, and revealing the answer."""

from __future__ import annotations

from service.core.practice.choice import choice_entries, grade_choice


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
