"""Schemas of `POST /chat`."""

from marshmallow import Schema, ValidationError, fields, validate, validates

from service.channels.api.schemas.fields import RequestSchema
from service.channels.api.schemas.practice import (
    ChatPracticeSchema,
    GraphEdgeSchema,
    GraphNodeSchema,
)
from service.core.dialogue import Tutor
from service.core.reply import KINDS


class ChatRequestSchema(RequestSchema):
    message = fields.String(required=True, validate=validate.Length(min=1))
    session_id = fields.String(load_default=None, metadata={
        "description": "Continue a conversation: the session_id of an earlier reply."})
    html = fields.Boolean(load_default=False, metadata={
        "description": "Also return `reply_html` (and each suggestion's `question_html`): the "
                       "Markdown as sanitised HTML with the LaTeX as MathML, for browsers."})

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
    question_html = fields.String(metadata={"description": "With `html`: the question as HTML."})


class EntryGraphSchema(Schema):
    nodes = fields.List(fields.Nested(GraphNodeSchema), required=True)
    edges = fields.List(fields.Nested(GraphEdgeSchema), required=True)
    svg_url = fields.String(required=True, metadata={
        "description": "The drawing, relative to the service: /kb/entries/<id>/graph.svg."})


class ChatResponseSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    reply = fields.String(required=True, metadata={"description": "Markdown with $...$ LaTeX."})
    reply_html = fields.String(metadata={
        "description": "With `html`: the reply as sanitised HTML, formulas as MathML."})
    entry_id = fields.String(required=True, allow_none=True)
    confidence = fields.Float(required=True)
    suggestions = fields.List(fields.Nested(SuggestionSchema), required=True,
                              validate=validate.Length(max=3))
    session_id = fields.String(required=True)
    calculation = fields.Dict(metadata={
        "description": "For calculations: the calculator, the request read from the message "
                       "and the calculator's full result."})
    practice = fields.Nested(ChatPracticeSchema, metadata={
        "description": "Practice mode: the question asked (kind clarify), or the question with "
                       "`result`, the grade of the student's answer (kind answer or "
                       "calculation). Answer in chat, or POST /practice/answer with its id."})
    graph = fields.Nested(EntryGraphSchema, metadata={
        "description": "With `html`, for an answer whose entry has a graphical model (the "
                       "seed's Q5): its nodes, edges and the address of its SVG drawing."})
