"""Schemas of `POST /feedback`."""

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates

from service.channels.api.schemas.fields import RequestSchema
from service.core.dialogue import Tutor
from service.knowledge.loading import ID_PATTERN
from service.operations.feedback import RATINGS

COMMENT_LENGTH = 1000


class FeedbackRequestSchema(RequestSchema):
    session_id = fields.String(required=True, metadata={
        "description": "The session_id of the reply being rated."})
    entry_id = fields.String(required=True, allow_none=True, validate=[
        validate.Length(max=128), validate.Regexp(ID_PATTERN, error="Not a knowledge-base id.")],
        metadata={"description": "The reply's entry_id (null when it answered no entry)."})
    message = fields.String(required=True, validate=validate.Length(min=1), metadata={
        "description": "The student's question that the rated reply answered."})
    rating = fields.String(required=True, validate=validate.OneOf(RATINGS))
    comment = fields.String(allow_none=True, validate=validate.Length(max=COMMENT_LENGTH),
                            metadata={"description": "Optional: what the student thought was "
                                      f"wrong or missing (at most {COMMENT_LENGTH} characters); "
                                      "instructors see it beside thumbs-down answers."})

    @validates("session_id")
    def session_id_is_a_token(self, value, **kwargs):
        if not Tutor.valid_session_id(value):
            raise ValidationError(
                "Must be 1 to 128 letters, digits or the characters _ . : - .")

    @validates("message")
    def message_has_text(self, value, **kwargs):
        if not value.strip():
            raise ValidationError("Must not be blank.")

    @post_load
    def blank_comment_is_none(self, data, **kwargs):
        if data.get("comment") is not None and not data["comment"].strip():
            data["comment"] = None
        return data


class FeedbackResponseSchema(Schema):
    id = fields.Integer(required=True)
    session_id = fields.String(required=True)
    entry_id = fields.String(required=True, allow_none=True)
    message = fields.String(required=True)
    rating = fields.String(required=True)
    created = fields.Float(required=True, metadata={"description": "Unix time."})
    comment = fields.String(metadata={"description": "The comment, when one was sent."})
