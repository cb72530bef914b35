"""Schemas of the knowledge-base endpoints (`/kb/*`)."""

from marshmallow import Schema, fields, validate

from service.channels.api.schemas.fields import RequestSchema
from service.knowledge.loading import TOPICS


class EntryListQuerySchema(RequestSchema):
    topic = fields.String(validate=validate.OneOf(TOPICS))


class EntrySummarySchema(Schema):
    id = fields.String(required=True)
    topic = fields.String(required=True)
    question = fields.String(required=True)


class EntryListResponseSchema(Schema):
    entries = fields.List(fields.Nested(EntrySummarySchema), required=True)


class QuizItemSchema(Schema):
    question = fields.String(required=True)
    choices = fields.List(fields.String(), required=True)
    correct = fields.List(fields.Integer(), required=True)
    choice_reasons = fields.List(fields.String(), required=True)


class EntryResponseSchema(Schema):
    """A whole entry, with the fields instructors write (KB_COVERAGE.md)."""

    id = fields.String(required=True)
    topic = fields.String(required=True)
    question = fields.String(required=True)
    alternates = fields.List(fields.String(), required=True)
    keywords = fields.List(fields.String())
    answer = fields.String(required=True)
    explanation = fields.String(required=True)
    misconceptions = fields.List(fields.String())
    related = fields.List(fields.String())
    seed = fields.String()
    choices = fields.List(fields.String())
    correct = fields.List(fields.Integer())
    choice_reasons = fields.List(fields.String())
    calculation = fields.Dict()
    graph = fields.Dict()
    quiz = fields.List(fields.Nested(QuizItemSchema), metadata={
        "description": "Multiple-choice practice questions about this entry."})


class SearchQuerySchema(RequestSchema):
    q = fields.String(required=True, validate=validate.Length(1, 2000))
    limit = fields.Integer(load_default=5, validate=validate.Range(1, 50))


class SearchResultSchema(Schema):
    entry_id = fields.String(required=True)
    question = fields.String(required=True)
    score = fields.Float(required=True)


class SearchResponseSchema(Schema):
    results = fields.List(fields.Nested(SearchResultSchema), required=True)
