"""The practice service: picking questions from the pool, signing their ids, grading answers.

`Practice` is what the HTTP API and the dialogue hold; it ties together the generators, the
multiple-choice items, the signer and the graders. Its `respond`, the dialogue's hook, hands a
chat turn to ChatPractice (chat.py), so this module is the top of the package.
"""

from __future__ import annotations

import random
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from service.core.practice.chat import ChatPractice
from service.core.practice.choice import (
    ChoiceItem,
    choice_item,
    choice_items,
    choice_stem,
    grade_choice,
)
from service.core.practice.errors import NoQuestions
from service.core.practice.generators import GENERATORS, Solution, latex_size
from service.core.practice.grading import grade_numeric
from service.core.practice.signing import QuestionSigner, not_found
from service.core.textnorm import Message
from service.knowledge.loading import KnowledgeBase

KINDS = ("choice", "numeric")
MAX_SEED = 2**63 - 1


@dataclass
class Question:
    """A practice question as the student sees it."""

    id: str
    kind: str
    topic: str
    prompt: str
    answer_format: str
    seed: int | None = None
    choices: list[str] | None = None

    def to_dict(self) -> dict:
        """Return the question as JSON: id, kind, topic, prompt, choices (choice), format, seed."""
        data = {"id": self.id, "kind": self.kind, "topic": self.topic, "prompt": self.prompt}
        if self.choices is not None:
            data["choices"] = self.choices
        data["answer_format"] = self.answer_format
        if self.seed is not None:
            data["seed"] = self.seed
        return data


CHOICE_FORMAT = ('the numbers of all the true statements, e.g. "2, 3 and 5" or [2, 3, 5] '
                 '("none" if none is true)')


class Practice:
    """Picks, signs and grades practice questions over one knowledge base."""

    def __init__(self, knowledge_base: KnowledgeBase, secret_key: str | bytes,
                 ttl_seconds: float = 86400, clock: Callable[[], float] = time.time):
        self.knowledge_base = knowledge_base
        self.signer = QuestionSigner(secret_key, ttl_seconds, clock)

    # -- picking -----------------------------------------------------------------------------

    def pool(self, topics=None, kind: str | None = None, generators=None) -> list[tuple]:
        """Return the candidates [("numeric", name) | ("choice", entry_id)] in a stable order."""
        topics = set(topics) if topics else None
        items: list[tuple] = []
        if kind in (None, "numeric"):
            items += [("numeric", g.name) for g in GENERATORS.values()
                      if (topics is None or g.topic in topics)
                      and (not generators or g.name in generators)]
        if kind in (None, "choice") and not generators:
            items += [("choice", item.key) for item in choice_items(self.knowledge_base)
                      if topics is None or item.topic in topics]
        return items

    def next_question(self, topic: str | None = None, kind: str | None = None,
                      seed: int | None = None, *, topics=None, generators=None,
                      avoid: tuple[str, ...] = ()) -> Question:
        """Return a question; the same filters and seed always give the same question.

        `avoid` lists multiple-choice keys to pass over while others remain (chat uses it so
        "skip" does not repeat itself). Raises NoQuestions naming the filter at fault.
        """
        topics = topics or ([topic] if topic else None)
        items = self.pool(topics, kind, generators)
        if not items:
            field_name = "kind" if kind and self.pool(topics, None, generators) else "topic"
            what = f"{kind} " if kind else ""
            where = f" on {', '.join(topics)}" if topics else ""
            problem = f"There are no {what}practice questions{where}."
            raise NoQuestions(problem, {field_name: [problem]})
        fresh = [item for item in items if item[1] not in avoid]
        seed = secrets.randbelow(2**32) if seed is None else seed
        rng = random.Random(seed)
        kind_, name = (fresh or items)[rng.randrange(len(fresh or items))]
        if kind_ == "choice":
            return self._choice_question(choice_item(self.knowledge_base, name), seed)
        generator = GENERATORS[name]
        params = generator.generate(rng)
        return Question(self.signer.sign({"g": name, "p": params}), "numeric", generator.topic,
                        generator.prompt(params), generator.answer_format_for(params), seed)

    def _choice_question(self, item: ChoiceItem, seed: int | None, token: str = "") -> Question:
        return Question(token or self.signer.sign({"e": item.key}), "choice", item.topic,
                        choice_stem(item), CHOICE_FORMAT, seed,
                        [c.strip() for c in item.choices])

    def question(self, token: str) -> tuple[Question, ChoiceItem | None, dict | None]:
        """Return (question, its item for multiple choice, its generator payload for numeric).

        Raises QuestionNotFound or QuestionExpired.
        """
        payload = self.signer.open(token)
        if "e" in payload:
            item = choice_item(self.knowledge_base, str(payload["e"]))
            if item is None:
                raise not_found()
            return self._choice_question(item, None, token), item, None
        generator = GENERATORS.get(payload.get("g"))
        if generator is None or not isinstance(payload.get("p"), dict):
            raise not_found()
        params = payload["p"]
        return (Question(token, "numeric", generator.topic, generator.prompt(params),
                         generator.answer_format_for(params)), None, payload)

    # -- grading -----------------------------------------------------------------------------

    def grade(self, token: str, answer: object) -> dict:
        """Grade an answer to the question `token` names.

        Returns {"correct", "kind", "expected", "expected_text", "your_answer", "feedback",
        "solution" (lines), "explanation", "entry_id"} plus "statements" and "score" for
        multiple choice, or "tolerance" and "calculation" (the calculator's request and full
        result) for numeric questions. Raises QuestionNotFound, QuestionExpired or
        AnswerShapeError.
        """
        question, item, payload = self.question(token)
        if item is not None:
            graded = grade_choice(item, answer)
            return {"correct": graded.pop("correct"), "kind": "choice",
                    "expected": graded.pop("expected"), **graded,
                    "explanation": item.entry.explanation.strip(), "entry_id": item.entry.id}
        generator = GENERATORS[payload["g"]]
        solution = generator.solve(payload["p"])
        graded = grade_numeric(solution, answer)
        return self._numeric_result(generator, solution, graded)

    def reveal(self, token: str) -> dict:
        """Return the grade of a question the student gave up on: the answer and its working."""
        question, item, payload = self.question(token)
        if item is not None:
            return {"kind": "choice", **grade_choice(item, None, reveal=True),
                    "explanation": item.entry.explanation.strip(), "entry_id": item.entry.id}
        generator = GENERATORS[payload["g"]]
        solution = generator.solve(payload["p"])
        shown = (f"${latex_size(solution.expected)}$" if solution.answer_type == "size"
                 else f"*{solution.expected}*" if solution.answer_type == "verdict"
                 else f"${solution.expected_text}$")
        graded = {"correct": False, "your_answer": None, "feedback": f"The answer is {shown}."}
        return self._numeric_result(generator, solution, graded)

    @staticmethod
    def _numeric_result(generator, solution: Solution, graded: dict) -> dict:
        result = solution.calculation["result"]
        explanation = result.get("explanation", "")
        if result.get("reasoning"):
            explanation += "\n\n" + result["reasoning"]
        return {"correct": graded["correct"], "kind": "numeric", "expected": solution.expected,
                "expected_text": solution.expected_text, "your_answer": graded["your_answer"],
                "feedback": graded["feedback"], "tolerance": solution.tolerance,
                "solution": list(result["steps"]), "explanation": explanation,
                "entry_id": generator.entry_id, "calculation": solution.calculation}

    # -- in chat -----------------------------------------------------------------------------

    def respond(self, message: Message | str, state: dict) -> dict | None:
        """The dialogue's hook: handle a practice turn or a pasted factorisation, else None.

        Returns the fields of a Reply (kind, reply, entry_id, confidence, calculation,
        practice) and updates the session `state`. See ChatPractice for the conversation.
        """
        return ChatPractice(self, state).respond(message)
