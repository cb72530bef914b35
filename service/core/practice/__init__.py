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

Moved here from service/core/practice.py unchanged, in generators.py for now: the next commit
cuts it into modules along its seams. This module only re-exports the names used outside the
package.
"""

from service.core.practice.generators import (
    GENERATORS,
    KINDS,
    MAX_ANSWER_VALUE,
    MAX_SEED,
    AnswerShapeError,
    NoQuestions,
    Practice,
    QuestionExpired,
    QuestionNotFound,
    choice_entries,
    choice_items,
    choice_stem,
    grade_choice,
    grade_numeric,
    read_choices,
    read_number,
    read_practice_request,
    read_size,
    read_verdict,
)

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
