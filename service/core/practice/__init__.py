"""Practice mode: questions like the seed's, graded precisely, in chat and over HTTP.

Two kinds of question. *choice*: the knowledge base's multiple-choice entries (the seed's Q6,
Q8, Q10, Q12 and any entry with `choices`), graded statement by statement with the entry's
`choice_reasons`. *numeric*: fresh variants of the seed's calculable questions (conv output
size, Q1; parameter count, Q2; exploding or vanishing gradients for a generated W_h, Q9;
self-attention cost, Q11), graded against the calculators, whose worked steps are the
solution. A seed value picks the question and its numbers, so `seed=N` reproduces it.

Nothing about the expected answer leaves the service before the student answers. A question's
id is a signed, timestamped token (itsdangerous) holding only what the prompt shows anyway:
the generator and its numbers, or the multiple-choice entry's id. The answer is recomputed when
the id comes back, and ids older than the configured TTL are refused.

`Practice.respond` is the dialogue's hook: "quiz me on GANs" starts a question, the next
message is graded, "skip" and "stop" work, and a pasted factorisation is drawn (see
service.core.graphical). No Flask here.

The modules, each importing only those before it: errors (what practice raises), readers
(answers read from text), generators (numeric questions and their Solution), grading (numeric
answers graded), choice (multiple-choice items and their grading), signing (question ids),
chat (the conversation; it names Practice only for type checking) and service (`Practice`,
which ties them together). This module only re-exports the names used outside the package;
inside it, modules import each other directly.
"""

from service.core.practice.chat import read_practice_request
from service.core.practice.choice import choice_entries, choice_items, choice_stem, grade_choice
from service.core.practice.errors import (
    AnswerShapeError,
    NoQuestions,
    QuestionExpired,
    QuestionNotFound,
)
from service.core.practice.generators import GENERATORS
from service.core.practice.grading import grade_numeric
from service.core.practice.readers import (
    MAX_ANSWER_VALUE,
    read_choices,
    read_number,
    read_size,
    read_verdict,
)
from service.core.practice.service import KINDS, MAX_SEED, Practice

__all__ = [
    "GENERATORS",
    "KINDS",
    "MAX_ANSWER_VALUE",
    "MAX_SEED",
    "AnswerShapeError",
    "NoQuestions",
    "Practice",
    "QuestionExpired",
    "QuestionNotFound",
    "choice_entries",
    "choice_items",
    "choice_stem",
    "grade_choice",
    "grade_numeric",
    "read_choices",
    "read_number",
    "read_practice_request",
    "read_size",
    "read_verdict",
]
