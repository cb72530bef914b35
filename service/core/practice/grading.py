"""Grading a numeric answer against a generator's Solution, naming a known mistake if it is one.

It joins the readers (which only read an answer) and the generators (which only pose and solve
a question). Multiple-choice answers are graded statement by statement in choice.py.
"""

from __future__ import annotations

from typing import Any

from service.core.practice.generators import Solution, latex_size
from service.core.practice.readers import read_number, read_size, read_verdict


def grade_numeric(solution: Solution, answer: object) -> dict:
    """Grade an answer against a numeric solution; raises AnswerShapeError if unreadable.

    Returns {"correct", "your_answer", "feedback"}: sizes and integers must be exact, reals
    within the tolerance, verdicts equal; a wrong answer that matches a known mistake says so.
    """
    kind = solution.answer_type
    if kind == "size":
        got: Any = list(read_size(answer))
        correct = got == [float(v) for v in solution.expected]
        shown = f"${latex_size([_plain(v) for v in got])}$"
        right = f"${latex_size(solution.expected)}$"
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
