"""Schemas of `POST /chat`."""

from marshmallow import Schema, ValidationError, fields, validate, validates

from service.dialogue import KINDS, Tutor


class ChatRequestSchema(Schema):
    message = fields.String(required=True, validate=validate.Length(min=1))
    session_id = fields.String(load_default=None, metadata={
        "description": "Continue a conversation: the session_id of an earlier reply."})

    @validates("message")
    def message_has_text(self, value, **kwargs):
        if not value.strip():
            raise ValidationError("Must not be blank.")

    @validates("session_id")
    def session_id_is_a_token(self, value, **kwargs):
        if value is not None and not Tutor.valid_session_id(value):
            raise ValidationError(
                "Must be 1 to 128 letters, digits or the characters _ . : - .")


class SuggestionSchema(Schema):
    entry_id = fields.String(required=True)
    question = fields.String(required=True)
    score = fields.Float(required=True)


class ChatResponseSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    reply = fields.String(required=True, metadata={"description": "Markdown with $...$ LaTeX."})
    entry_id = fields.String(required=True, allow_none=True)
    confidence = fields.Float(required=True)
    suggestions = fields.List(fields.Nested(SuggestionSchema), required=True,
                              validate=validate.Length(max=3))
    session_id = fields.String(required=True)
    calculation = fields.Dict(metadata={
        "description": "For calculations: the calculator, the request read from the message "
                       "and the calculator's full result."})
