"""Schemas of practice mode (`/practice/*`) and of the graphical-model drawing."""

from __future__ import annotations

import math
import numbers

from marshmallow import Schema, ValidationError, fields, validate

from service.channels.api.schemas.fields import RequestSchema
from service.core.graphical import MAX_CHARACTERS, MAX_FACTORISATIONS
from service.core.practice import KINDS, MAX_ANSWER_VALUE, MAX_SEED
from service.knowledge.loading import TOPICS

MAX_ANSWER_LENGTH = 500
MAX_ANSWER_ITEMS = 50


class PracticeNextQuerySchema(RequestSchema):
    topic = fields.String(validate=validate.OneOf(TOPICS))
    kind = fields.String(validate=validate.OneOf(KINDS))
    seed = fields.Integer(strict=False, validate=validate.Range(0, MAX_SEED), metadata={
        "description": "The same seed (with the same topic and kind) gives the same question."})


class PracticeQuestionSchema(Schema):
    id = fields.String(required=True, metadata={
        "description": "Signed and timestamped; send it back with the answer. It holds what "
                       "the prompt shows, never the expected answer."})
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    topic = fields.String(required=True)
    prompt = fields.String(required=True, metadata={"description": "Markdown with $...$ LaTeX."})
    choices = fields.List(fields.String(), metadata={
        "description": "Choice questions: the statements, numbered from 1 in this order."})
    answer_format = fields.String(metadata={"description": "How to write the answer."})
    seed = fields.Integer(metadata={"description": "Reproduces this question with ?seed=."})


class Answer(fields.Field):
    """A string, a finite number, or a list of numbers; which one fits depends on the question."""

    def __init__(self, **kwargs):
        number = {"type": "number"}
        super().__init__(metadata={"oneOf": [
            {"type": "string", "maxLength": MAX_ANSWER_LENGTH}, number,
            {"type": "array", "items": number, "maxItems": MAX_ANSWER_ITEMS}],
            "description": 'e.g. "2, 3 and 5", [2, 3, 5], "16x16", [16, 16], 289, "1.15", '
                           '"explode"'}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str):
            if not value.strip():
                raise ValidationError("Must not be blank.")
            if len(value) > MAX_ANSWER_LENGTH:
                raise ValidationError(f"Longer than {MAX_ANSWER_LENGTH} characters.")
            return value
        if isinstance(value, list):
            if len(value) > MAX_ANSWER_ITEMS:
                raise ValidationError(f"At most {MAX_ANSWER_ITEMS} items.")
            for item in value:
                _finite_number(item)
            return value
        _finite_number(value)
        return value


def _finite_number(value) -> None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValidationError("Must be a string, a number or a list of numbers.")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValidationError("Must be finite (no NaN or Infinity).")
    if abs(value) > MAX_ANSWER_VALUE:
        raise ValidationError(f"Too large to be an answer (at most {MAX_ANSWER_VALUE:.0e}).")


class PracticeAnswerRequestSchema(RequestSchema):
    id = fields.String(required=True, validate=validate.Length(1, 4096))
    answer = Answer(required=True)


class StatementSchema(Schema):
    number = fields.Integer(required=True)
    statement = fields.String(required=True)
    true = fields.Boolean(required=True)
    selected = fields.Boolean(required=True)
    right = fields.Boolean(required=True)
    reason = fields.String(required=True)


class ScoreSchema(Schema):
    right = fields.Integer(required=True)
    of = fields.Integer(required=True)


class PracticeAnswerResponseSchema(Schema):
    correct = fields.Boolean(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    expected = fields.Raw(required=True, metadata={
        "description": "The right answer, in a form this endpoint grades correct: choice "
                       "numbers, [height, width], a number, or explode / vanish."})
    expected_text = fields.String(required=True)
    your_answer = fields.Raw(allow_none=True, metadata={"description": "Your answer as read."})
    feedback = fields.String(required=True, metadata={
        "description": "What was right and wrong, and the likely mistake (Markdown)."})
    solution = fields.List(fields.String(), required=True, metadata={
        "description": "Choice: one line per statement; numeric: the calculator's worked steps."})
    explanation = fields.String(required=True)
    entry_id = fields.String(metadata={
        "description": "The knowledge-base entry the question comes from (or varies)."})
    statements = fields.List(fields.Nested(StatementSchema), metadata={
        "description": "Choice: each statement, whether it is true, whether you selected it, "
                       "whether that was right, and why."})
    score = fields.Nested(ScoreSchema)
    tolerance = fields.Float(metadata={"description": "Numeric: how far off a number may be."})
    calculation = fields.Dict(metadata={
        "description": "Numeric: the calculator, its request and its full result."})


class ChatPracticeSchema(PracticeQuestionSchema):
    """The practice question in a chat reply; `result` once the student's answer is graded."""

    result = fields.Nested(PracticeAnswerResponseSchema)
    choices_html = fields.List(fields.String(), metadata={
        "description": "With `html`: each of `choices` as sanitised inline HTML."})


class GraphicalModelRequestSchema(RequestSchema):
    factorisations = fields.List(
        fields.String(validate=validate.Length(max=MAX_CHARACTERS)), required=True,
        validate=validate.Length(1, MAX_FACTORISATIONS), metadata={
            "description": "e.g. p(x1,x2,z1,z2) = p(z1)p(z2)p(x1|z1,z2)p(x2|z2) and "
                           "q(z1,z2|x1,x2) = q(z1|x1,x2)q(z2|x2); LaTeX such as x_1 and \\mid "
                           f"is read too. At most {MAX_CHARACTERS} characters in all."})


class GraphNodeSchema(Schema):
    name = fields.String(required=True)
    observed = fields.Boolean(required=True)


class GraphEdgeSchema(Schema):
    from_ = fields.String(required=True, data_key="from", attribute="from")
    to = fields.String(required=True)
    distribution = fields.String(required=True)
    style = fields.String(required=True, validate=validate.OneOf(["solid", "dashed"]))
    factor = fields.String(metadata={"description": "The factor the edge comes from."})


class DistributionSchema(Schema):
    name = fields.String(required=True)
    role = fields.String(required=True)
    style = fields.String(required=True)
    factorisation = fields.String(required=True, metadata={"description": "As read."})


class GraphicalModelResponseSchema(Schema):
    nodes = fields.List(fields.Nested(GraphNodeSchema), required=True, metadata={
        "description": "Latent nodes first, then observed ones."})
    edges = fields.List(fields.Nested(GraphEdgeSchema), required=True)
    distributions = fields.List(fields.Nested(DistributionSchema))
    observed_rule = fields.String(metadata={"description": "How observed nodes were decided."})
    dot = fields.String(required=True, metadata={"description": "Graphviz DOT."})
    svg = fields.String(required=True, metadata={
        "description": "A standalone SVG: latents on top, observed (shaded) below, p's edges "
                       "solid, q's dashed."})
