"""Schemas of what Slack sends: slash commands, Events API envelopes, button clicks.

Unlike our own API's schemas these EXCLUDE unknown fields: Slack adds fields to its payloads
whenever it likes, and a new one must not turn every request into a 422. What we do read is
checked, above all the ids that end up in a session id and the URL we answer to.
"""

from __future__ import annotations

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates_schema

from service.core.dialogue import Tutor

# Slack's ids are upper-case letters and digits (T..., C..., D..., U..., B...); message
# timestamps are "seconds.micros". Both go into session ids, so they must be plain tokens.
SLACK_ID = validate.Regexp(r"^[A-Z0-9]{1,32}$", error="Not a Slack id.")
SLACK_TS = validate.Regexp(r"^\d{1,12}\.\d{1,12}$", error="Not a Slack message timestamp.")
HTTP_URL = validate.URL(schemes={"http", "https"}, require_tld=False,
                        error="Not an http(s) URL.")


class _SlackSchema(Schema):
    class Meta:
        unknown = EXCLUDE


class SlashCommandSchema(_SlackSchema):
    """The form Slack posts for `/tutor <text>`."""

    command = fields.String(required=True)
    text = fields.String(load_default="")
    team_id = fields.String(required=True, validate=SLACK_ID)
    channel_id = fields.String(required=True, validate=SLACK_ID)
    user_id = fields.String(required=True, validate=SLACK_ID)
    response_url = fields.String(required=True, validate=HTTP_URL)


class AuthorizationSchema(_SlackSchema):
    user_id = fields.String(validate=SLACK_ID)


class EventSchema(_SlackSchema):
    """The inner event: an `app_mention` or a `message`; other types are only acknowledged."""

    type = fields.String(required=True)
    subtype = fields.String()
    bot_id = fields.String()
    user = fields.String(validate=SLACK_ID)
    text = fields.String(load_default="")
    ts = fields.String(validate=SLACK_TS)
    thread_ts = fields.String(validate=SLACK_TS)
    channel = fields.String(validate=SLACK_ID)
    channel_type = fields.String()


class AnsweredEventSchema(_SlackSchema):
    """What an event the tutor answers must have besides its type (a user's message)."""

    user = fields.String(required=True)
    ts = fields.String(required=True)
    channel = fields.String(required=True)


class EventEnvelopeSchema(_SlackSchema):
    """An Events API request: `url_verification` or an `event_callback` around one event."""

    type = fields.String(required=True)
    challenge = fields.String(validate=validate.Length(min=1, max=200))
    team_id = fields.String(validate=SLACK_ID)
    event_id = fields.String(validate=validate.Regexp(r"^[A-Za-z0-9]{1,64}$",
                                                      error="Not a Slack event id."))
    event = fields.Nested(EventSchema)
    authorizations = fields.List(fields.Nested(AuthorizationSchema), load_default=list)

    @validates_schema
    def has_what_its_type_needs(self, data, **kwargs):
        needed = {"url_verification": ("challenge",),
                  "event_callback": ("team_id", "event_id", "event")}.get(data.get("type"), ())
        missing = {name: ["Missing data for required field."] for name in needed
                   if name not in data}
        if missing:
            raise ValidationError(missing)


class ActionSchema(_SlackSchema):
    action_id = fields.String(required=True)
    value = fields.String(load_default="")
    text = fields.Dict()


class _IdSchema(_SlackSchema):
    id = fields.String(required=True, validate=SLACK_ID)


class ContainerSchema(_SlackSchema):
    is_ephemeral = fields.Boolean(load_default=False)
    channel_id = fields.String(validate=SLACK_ID)
    message_ts = fields.String(validate=SLACK_TS)
    thread_ts = fields.String(validate=SLACK_TS)


class MessageSchema(_SlackSchema):
    ts = fields.String(validate=SLACK_TS)
    thread_ts = fields.String(validate=SLACK_TS)


class InteractionSchema(_SlackSchema):
    """The `payload` of a button click (`block_actions`); other types are only acknowledged."""

    type = fields.String(required=True)
    team = fields.Nested(_IdSchema)
    user = fields.Nested(_IdSchema)
    channel = fields.Nested(_IdSchema)
    container = fields.Nested(ContainerSchema, load_default=dict)
    message = fields.Nested(MessageSchema)
    response_url = fields.String(validate=HTTP_URL)
    actions = fields.List(fields.Nested(ActionSchema), load_default=list,
                          validate=validate.Length(max=25))


def _session_id(value: str) -> None:
    if not Tutor.valid_session_id(value):
        raise ValidationError("Not a session id.")


class ButtonValueSchema(_SlackSchema):
    """What our own buttons carry: the conversation, and the message or entry to ask."""

    s = fields.String(required=True, validate=_session_id)
    m = fields.String(validate=validate.Length(min=1, max=200))
    e = fields.String(validate=validate.Length(min=1, max=200))

    @validates_schema
    def names_a_message_or_entry(self, data, **kwargs):
        if ("m" in data) == ("e" in data):
            raise ValidationError("Exactly one of m and e.", "_schema")
