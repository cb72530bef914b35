"""Reading what Slack sends, once verified: form bodies (slash commands, clicks), JSON bodies
and fields, and their validation with the marshmallow schemas of schemas.py; each failure is
an error that names the fields at fault (the 400s and 422s of `/slack/*`).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from marshmallow import Schema, ValidationError

from service.errors import TutorError, flatten_messages


class SlackBodyError(TutorError):
    """A correctly signed body, or a field in it, that is not the JSON it should be."""

    status = 400
    code = "invalid_json"


class SlackFormError(TutorError):
    """A correctly signed body that is not form data (slash commands, clicks)."""

    status = 400
    code = "bad_request"


class SlackValidationError(TutorError):
    """A correctly signed body that lacks fields we need or has malformed ones."""

    status = 422
    code = "validation_error"


def load(schema: Schema, data: Any, prefix: str = "") -> dict:
    """Validate `data` with `schema`; raise SlackValidationError naming the fields at fault."""
    try:
        return schema.load(data)
    except ValidationError as error:
        fields = flatten_messages(error.messages, prefix)
        summary = "; ".join(f"{name}: {' '.join(problems)}" for name, problems in fields.items())
        raise SlackValidationError(f"The request is not valid: {summary}", fields) from None


def read_form(body: bytes) -> dict[str, str]:
    """Return a form-encoded body as {name: first value}; raise SlackFormError if it is not one."""
    try:
        text = body.decode("utf-8")
        pairs = parse_qs(text, keep_blank_values=True, strict_parsing=bool(text),
                         max_num_fields=100, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise SlackFormError("The request body is not form data.",
                             {"_schema": ["Not application/x-www-form-urlencoded."]}) from None
    return {name: values[0] for name, values in pairs.items()}


def read_json(body: bytes | str, field: str = "_schema") -> dict:
    """Return a JSON object; raise SlackBodyError (naming `field`) for anything else."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict):
        raise SlackBodyError("The request body is not a JSON object.",
                             {field: ["Not a JSON object."]})
    return data
