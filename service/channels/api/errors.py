"""Every non-2xx answer in the contract's one shape: {"error": {"code", "message", "fields"}}."""

from __future__ import annotations

import logging

from flask import Flask
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, InternalServerError

from service.channels.api.schemas.errors import ErrorResponseSchema
from service.errors import TutorError, flatten_messages

log = logging.getLogger(__name__)

# Machine-readable codes for the statuses we produce on purpose; others derive from the name.
CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "internal_error",
}


def error_body(status: int, code: str, message: str, fields: dict | None = None) -> dict:
    """Return the contract's error payload; `fields` only when a field is at fault."""
    error = {"code": code, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


def _field_errors(data: dict | None) -> dict[str, list[str]]:
    """Pull webargs's per-location messages ({"json": {...}, "query": {...}}) into one map."""
    if not data:
        return {}
    messages = data.get("errors") or data.get("messages") or {}
    fields: dict[str, list[str]] = {}
    for location_messages in messages.values():
        fields.update(flatten_messages(location_messages))
    return fields


class TutorApi(Api):
    """flask-smorest's Api, answering HTTP errors in our shape instead of its own."""

    # what /openapi.json declares for every error response (422, `default`, alt_responses)
    ERROR_SCHEMA = ErrorResponseSchema

    def handle_http_exception(self, error: HTTPException):
        """Render any HTTPException (including webargs's 422) as the contract's error."""
        status = error.code or 500
        data = getattr(error, "data", None)
        fields = _field_errors(data)
        if status == 422:
            message = "The request is not valid: " + "; ".join(
                f"{name}: {' '.join(problems)}" for name, problems in fields.items()
            ) if fields else "The request is not valid."
        elif status == 400 and any("JSON" in p for p in fields.get("_schema", [])):
            return error_body(400, "invalid_json", "The request body is not valid JSON."), 400
        elif status >= 500:
            message = "Something went wrong on our side; it has been logged."
        else:
            message = (data or {}).get("message") or error.description or error.name
        code = CODES.get(status) or error.name.lower().replace(" ", "_")
        headers = (data or {}).get("headers") or {}
        if status == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            headers = {**headers, "Allow": ", ".join(error.valid_methods)}
        return error_body(status, code, message, fields), status, headers


def register_error_handlers(app: Flask) -> None:
    """Register, on the app (not a blueprint), handlers for our domain errors and for crashes."""

    @app.errorhandler(TutorError)
    def handle_tutor_error(error: TutorError):
        return error_body(error.status, error.code, error.message, error.fields), error.status

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        if isinstance(error, HTTPException):
            return app.extensions["tutor_api"].handle_http_exception(error)
        log.exception("unhandled error")
        return app.extensions["tutor_api"].handle_http_exception(InternalServerError())
