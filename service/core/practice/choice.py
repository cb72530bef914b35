"""Multiple-choice questions from the knowledge base, and grading them statement by statement.

An item is an entry with `choices` (the seed's Q6, Q8, Q10, Q12) or one of an entry's `quiz`
items. Apart from the numeric questions because it needs the knowledge base and no calculator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.core.practice.readers import read_choices
from service.knowledge.loading import Entry, KnowledgeBase

_FIRST_STATEMENT = re.compile(r"(?<!\s)\s*+\(1\)\s")


def choice_entries(knowledge_base: KnowledgeBase) -> list[Entry]:
    """Return the entries that are multiple-choice questions, by id (a stable order)."""
    return sorted((e for e in knowledge_base.entries.values() if e.choices),
                  key=lambda e: e.id)


@dataclass(frozen=True)
class ChoiceItem:
    """A multiple-choice question: an exam item (an entry with `choices`, keyed by its id) or
    one of an entry's `quiz` items (keyed "<entry id>#<n>", n from 1). `entry` is the entry it
    belongs to, whose explanation follows it up."""

    key: str
    entry: Entry
    question: str
    choices: tuple[str, ...]
    correct: tuple[int, ...]
    choice_reasons: tuple[str, ...]

    @property
    def topic(self) -> str:
        return self.entry.topic


def choice_items(knowledge_base: KnowledgeBase) -> list[ChoiceItem]:
    """Every multiple-choice question of the knowledge base, by key (a stable order)."""
    items = [ChoiceItem(e.id, e, e.question, tuple(e.choices), tuple(e.correct or ()),
                        tuple(e.choice_reasons or ())) for e in choice_entries(knowledge_base)]
    for entry in knowledge_base.entries.values():
        for number, quiz in enumerate(entry.quiz, start=1):
            items.append(ChoiceItem(f"{entry.id}#{number}", entry, quiz["question"],
                                    tuple(quiz["choices"]), tuple(quiz["correct"]),
                                    tuple(quiz["choice_reasons"])))
    return sorted(items, key=lambda item: item.key)


def choice_item(knowledge_base: KnowledgeBase, key: str) -> ChoiceItem | None:
    """The multiple-choice question with this key, or None."""
    entry_id, _, number = key.partition("#")
    entry = knowledge_base.entries.get(entry_id)
    if entry is None:
        return None
    if not number:
        return ChoiceItem(entry.id, entry, entry.question, tuple(entry.choices),
                          tuple(entry.correct or ()), tuple(entry.choice_reasons or ())) \
            if entry.choices else None
    if not number.isdigit() or not 1 <= int(number) <= len(entry.quiz):
        return None
    quiz = entry.quiz[int(number) - 1]
    return ChoiceItem(key, entry, quiz["question"], tuple(quiz["choices"]),
                      tuple(quiz["correct"]), tuple(quiz["choice_reasons"]))


def choice_stem(entry: Entry | ChoiceItem) -> str:
    """Return the question without the statements that some entries inline as "(1) ..."."""
    stem = _FIRST_STATEMENT.split(entry.question, maxsplit=1)[0].strip()
    return stem if stem.endswith("?") else stem.rstrip(":;,. ") + "?"


def _and_list(numbers: list[int]) -> str:
    if not numbers:
        return "none"
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def truth_phrase(expected: list[int]) -> str:
    """Return "statements 2, 3 and 5 are true", "only statement 5 is true" or "none is true"."""
    if not expected:
        return "none of the statements is true"
    if len(expected) == 1:
        return f"only statement {expected[0]} is true"
    return f"statements {_and_list(expected)} are true"


def grade_choice(entry: Entry | ChoiceItem, answer: object, reveal: bool = False) -> dict:
    """Grade an answer to a multiple-choice entry statement by statement.

    Returns {"correct", "your_answer", "expected", "expected_text", "statements", "score",
    "feedback", "solution"}: each statement says whether it is true, whether it was selected,
    whether that was right, and why (the entry's choice_reasons); `solution` has one Markdown
    line per statement. With `reveal` the answer is ignored and nothing is marked. Raises
    AnswerShapeError.
    """
    choices, truth = entry.choices or (), set(entry.correct or ())
    selected = [] if reveal else read_choices(answer, len(choices))
    statements, lines = [], []
    for number, (statement, reason) in enumerate(zip(choices, entry.choice_reasons or (),
                                                     strict=True), start=1):
        true, picked = number in truth, number in selected
        statements.append({"number": number, "statement": statement.strip(), "true": true,
                           "selected": picked, "right": true == picked,
                           "reason": reason.strip()})
        verdict = "True" if true else "False"
        if reveal:
            lines.append(f"{number}. **{verdict}**: {statement.strip()} _{reason.strip()}_")
        else:
            mark = "✓" if true == picked else "✗"
            choice = "you selected it" if picked else "you left it out"
            lines.append(f"{number}. {mark} **{verdict}**, {choice}: {statement.strip()} "
                         f"_{reason.strip()}_")
    right = sum(s["right"] for s in statements)
    expected = sorted(truth)
    correct = right == len(statements) and not reveal
    if reveal:
        feedback = truth_phrase(expected).capitalize() + "."
    else:
        head = "**Right!**" if correct else "**Not quite.**"
        feedback = (f"{head} You got {right} of {len(statements)} statements right: "
                    f"{truth_phrase(expected)}.")
        feedback += "".join(
            f" Statement {s['number']} is {'true' if s['true'] else 'false'} but you "
            f"{'selected it' if s['selected'] else 'left it out'}."
            for s in statements if not s["right"])
    return {"correct": correct, "your_answer": None if reveal else selected,
            "expected": expected, "expected_text": _and_list(expected),
            "statements": statements, "score": {"right": right, "of": len(statements)},
            "feedback": feedback, "solution": lines}
