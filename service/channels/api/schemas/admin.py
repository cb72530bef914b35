"""Schemas of the instructors' endpoints (`/admin/*`)."""

from datetime import UTC, datetime

from marshmallow import Schema, ValidationError, fields, pre_load, validate

from service.channels.api.schemas.fields import RequestSchema
from service.operations.report import FORMATS


class IsoDateTime(fields.Field):
    """An ISO 8601 date ("2026-11-01") or date and time; UTC when it names no offset."""

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            raise ValidationError("Not an ISO 8601 date or time.") from None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class UnansweredQuerySchema(RequestSchema):
    format = fields.String(load_default="json", validate=validate.OneOf(FORMATS))
    since = IsoDateTime(metadata={"type": "string",
        "description": "ISO 8601 date or time (UTC when no offset is given)."})
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=1000),
                           metadata={"description": "Most groups returned."})


class GroupSchema(Schema):
    id = fields.Integer(required=True, metadata={
        "description": "The record id of the group's newest question; any of its questions' "
                       "ids names it (`tutor report --draft ID`)."})
    count = fields.Integer(required=True)
    examples = fields.List(fields.String(), required=True)
    newest = fields.String(required=True)
    nearest_entry_id = fields.String(allow_none=True, required=True)
    nearest_score = fields.Float(required=True)


class UnansweredResponseSchema(Schema):
    groups = fields.List(fields.Nested(GroupSchema), required=True)


class ReloadResponseSchema(Schema):
    status = fields.String(required=True)
    entries = fields.Integer(required=True)
    knowledge_version = fields.String(required=True)


class DashboardQuerySchema(RequestSchema):
    """The dashboard's filter (`GET /admin`, a browser's form): an empty field is no filter."""

    since = fields.Date(metadata={"description": "First day shown (UTC), YYYY-MM-DD; "
                                  "default: the last 30 days."})
    sort = fields.String(load_default="newest", validate=validate.OneOf(("newest", "largest")))

    @pre_load
    def empty_is_unset(self, data, **kwargs):
        return {key: value for key, value in data.items() if value != ""}
