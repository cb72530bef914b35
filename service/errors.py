"""Domain errors: raised by plain modules, turned into the contract's error shape by the app."""

from __future__ import annotations


class TutorError(Exception):
    """Base class for errors our own code raises on purpose.

    ``status`` and ``code`` say how the HTTP layer reports it; ``fields`` maps a request
    field to the problems found with it, as in the contract's error shape.
    """

    status = 400
    code = "bad_request"

    def __init__(self, message: str, fields: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class CalculationError(TutorError):
    """Well-formed numbers that describe something impossible (a kernel that does not fit)."""

    status = 422
    code = "invalid_calculation"


class NotFoundError(TutorError):
    """A named thing (an entry, a question) does not exist."""

    status = 404
    code = "not_found"


def flatten_messages(messages, prefix: str = "") -> dict[str, list[str]]:
    """Flatten marshmallow's nested messages into {"matrix.0.1": ["Not a valid number."]}.

    The contract's `fields` map; used by the HTTP error handler and by the Slack channel.
    """
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return {prefix or "_schema": list(messages)}
    if isinstance(messages, dict):
        flat: dict[str, list[str]] = {}
        for key, value in messages.items():
            flat.update(flatten_messages(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    return {prefix or "_schema": [str(messages)]}
