"""The errors of practice mode: unreadable answers, unknown or expired ids, no questions.

They have a module of their own, below all the others, because they cross the layers: the
readers raise AnswerShapeError, the signer QuestionNotFound and QuestionExpired, the service
NoQuestions, and the chat flow catches every one of them.
"""

from __future__ import annotations

from service.errors import NotFoundError, TutorError


class AnswerShapeError(TutorError):
    """An answer that cannot be read as the kind of answer the question asks for."""

    status = 422
    code = "validation_error"

    def __init__(self, problem: str):
        super().__init__(f"The request is not valid: answer: {problem}", {"answer": [problem]})
        self.problem = problem


class QuestionNotFound(NotFoundError):
    """An id this service did not issue, or one that was altered."""


class QuestionExpired(TutorError):
    """A genuine question id, but older than the practice TTL."""

    status = 410
    code = "expired"


class NoQuestions(NotFoundError):
    """No practice question matches the filters."""
