"""Slack as a channel: verify what Slack sends, read it, and answer in Block Kit with Unicode math.

Nothing here imports Flask: `service.channels.slack.routes` hands over the raw body and headers
and gets back what to acknowledge with. Whatever might outlast Slack's three seconds (posting
through `chat.postMessage` or a `response_url`) runs on a `Background` executor after the ack.

Its parts sit beside it: verification.py (is it from Slack?), reading.py (form and JSON
bodies), mrkdwn.py (Slack's text, both ways), blocks.py (Block Kit), seen.py (event ids and
signatures already seen) and posting.py (the executor and the Web API). The maths is read by
`service.channels.unicode_math`, which the terminal and the dashboard share.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

from service.channels.slack import schemas
from service.channels.slack.blocks import render_reply
from service.channels.slack.mrkdwn import escape, message_text
from service.channels.slack.posting import Background, Poster
from service.channels.slack.reading import SlackValidationError, load, read_form, read_json
from service.channels.slack.seen import SeenStore
from service.channels.slack.verification import RequestVerifier
from service.channels.unicode_math import plain_label
from service.knowledge.loading import KnowledgeBase

ACK_SECONDS = 2.0  # Slack gives up at 3 s; what is not ready by then is posted afterwards
CHANNEL = "slack"  # the dialogue's name for this channel; its session ids start "slack:"


class SlackChannel:
    """The tutor in Slack: verifies and reads each request, acks it, and answers.

    Session ids: a thread is one conversation (`slack:T:C:thread_ts`), a direct-message channel
    outside threads is one (`slack:T:D`), and a user's slash commands in a channel are one
    (`slack:T:C:U`). Buttons carry the session id of the message they sit on.
    """

    def __init__(self, tutor, knowledge_base: KnowledgeBase, verifier: RequestVerifier,
                 seen: SeenStore, poster: Poster, background: Background | None = None,
                 max_message_length: int = 2000, ack_seconds: float = ACK_SECONDS):
        self.tutor = tutor
        self.knowledge_base = knowledge_base
        self.verifier = verifier
        self.seen = seen
        self.poster = poster
        self.background = background or Background()
        self.max_message_length = max_message_length
        self.ack_seconds = ack_seconds

    # --- slash commands -------------------------------------------------------------------

    def handle_command(self, body: bytes, headers: Mapping[str, str]) -> dict | None:
        """Answer `/tutor <text>`: the ack's body (ephemeral Block Kit), or None for Slack's
        `ssl_check`. The answer goes in the ack when ready within `ack_seconds`, otherwise
        the ack says so and the answer follows through the `response_url`."""
        self.verifier.verify(body, headers, once=True)
        form = read_form(body)
        if form.get("ssl_check") == "1":
            return None
        command = load(schemas.SlashCommandSchema(), form)
        session_id = f"slack:{command['team_id']}:{command['channel_id']}:{command['user_id']}"
        future = self.background.submit(self._message_for, message_text(command["text"]),
                                        session_id)
        try:
            message = future.result(timeout=self.ack_seconds)
        except FutureTimeout:
            self.background.submit(self._respond_late, future, command["response_url"])
            return {"response_type": "ephemeral", "text": "Working on it…"}
        if message is None:
            return {"response_type": "ephemeral",
                    "text": "Sorry, something went wrong on my side. Please try again."}
        return {"response_type": "ephemeral", **message}

    def _respond_late(self, future: Future, response_url: str) -> None:
        message = future.result()
        if message is not None:
            self.poster.respond(response_url, message)

    # --- events ---------------------------------------------------------------------------

    def handle_event(self, body: bytes, headers: Mapping[str, str]) -> dict | None:
        """Acknowledge an Events API request: {"challenge"} for `url_verification`, else None.

        An `app_mention`, or a user's direct message, is answered afterwards in its thread
        through `chat.postMessage`; an event id already seen (Slack's retries) is not."""
        self.verifier.verify(body, headers)
        envelope = load(schemas.EventEnvelopeSchema(), read_json(body))
        if envelope["type"] == "url_verification":
            return {"challenge": envelope["challenge"]}
        if envelope["type"] != "event_callback":
            return None
        question = self._question(envelope)
        if question is not None and self.seen.first_time("event:" + envelope["event_id"]):
            self.background.submit(self._answer_in_slack, *question)
        return None

    def _question(self, envelope: dict) -> tuple[str, str, str, str | None] | None:
        """(text, session id, channel, thread_ts) of an event to answer, None to ignore it."""
        event = envelope["event"]
        bots = {a["user_id"] for a in envelope["authorizations"] if "user_id" in a}
        if "bot_id" in event or "subtype" in event or event.get("user") in bots:
            return None  # never answer a bot, ourselves above all: that way lie loops
        if event["type"] == "app_mention" and not event.get("channel", "").startswith("D"):
            load(schemas.AnsweredEventSchema(), event, "event")
            thread = event.get("thread_ts") or event["ts"]  # always answer in a thread
            session_id = f"slack:{envelope['team_id']}:{event['channel']}:{thread}"
        elif event["type"] == "message" and event.get("channel_type") == "im":
            load(schemas.AnsweredEventSchema(), event, "event")
            thread = event.get("thread_ts")  # a direct message is answered in line
            session_id = ":".join(filter(None, ("slack", envelope["team_id"], event["channel"],
                                                thread)))
        else:
            return None
        return message_text(event["text"]), session_id, event["channel"], thread

    def _answer_in_slack(self, text: str, session_id: str, channel: str,
                         thread_ts: str | None, note: str | None = None) -> None:
        message = self._message_for(text, session_id, note)
        self.poster.post_message(channel, message, thread_ts)

    # --- interactions ---------------------------------------------------------------------

    def handle_interaction(self, body: bytes, headers: Mapping[str, str]) -> None:
        """Acknowledge a button click; the follow-up it asks for is posted afterwards, in the
        clicked message's thread (or through the response URL for an ephemeral message)."""
        self.verifier.verify(body, headers, once=True)
        form = read_form(body)
        if "payload" not in form:
            raise SlackValidationError("The request is not valid: payload: Missing.",
                                       {"payload": ["Missing data for required field."]})
        payload = load(schemas.InteractionSchema(), read_json(form["payload"], "payload"),
                       "payload")
        action = next((a for a in payload["actions"] if a["action_id"].startswith("tutor_")),
                      None)
        if payload["type"] != "block_actions" or action is None:
            return
        value = load(schemas.ButtonValueSchema(), read_json(action["value"], "payload.actions"),
                     "payload.actions.value")
        _check_conversation(value["s"], (payload.get("team") or {}).get("id"))
        text = value.get("m") or self._entry_question(value["e"], action)
        user = payload.get("user", {}).get("id")
        label = plain_label((action.get("text") or {}).get("text") or text, 200)
        note = f"<@{user}> asked: {escape(label)}" if user else None
        container, message = payload["container"], payload.get("message")
        if container["is_ephemeral"] or message is None:
            if "response_url" not in payload:
                raise SlackValidationError("The request is not valid: payload.response_url: "
                                           "Missing.", {"payload.response_url": ["Missing."]})
            self.background.submit(self._answer_by_url, text, value["s"],
                                   payload["response_url"], note)
            return
        channel = payload.get("channel", {}).get("id") or container.get("channel_id")
        if channel is None:
            raise SlackValidationError("The request is not valid: payload.channel: Missing.",
                                       {"payload.channel": ["Missing."]})
        thread = message.get("thread_ts") or container.get("thread_ts")
        self.background.submit(self._answer_in_slack, text, value["s"], channel, thread, note)

    def _entry_question(self, entry_id: str, action: dict) -> str:
        """The question of a suggested entry (the button's label if the entry is gone)."""
        entry = self.knowledge_base.entries.get(entry_id)
        if entry is not None:
            return entry.question.strip()
        return (action.get("text") or {}).get("text") or entry_id

    def _answer_by_url(self, text: str, session_id: str, response_url: str,
                       note: str | None) -> None:
        self.poster.respond(response_url, self._message_for(text, session_id, note))

    # --- the tutor ------------------------------------------------------------------------

    def _message_for(self, text: str, session_id: str, note: str | None = None) -> dict:
        """The tutor's reply to `text` in `session_id`, rendered for Slack."""
        if len(text) > self.max_message_length:
            return {"text": f"That message is longer than {self.max_message_length} "
                            "characters; please ask a shorter question."}
        # A bare mention or `/tutor` alone is a hello: the tutor's greeting says what it can do.
        reply = self.tutor.respond(text or "hi", session_id, channel=CHANNEL)
        return render_reply(reply, note)


def _check_conversation(session_id: str, team_id: str | None) -> None:
    """Refuse a button whose conversation is not a Slack one of the clicking team's.

    Our buttons only ever carry their own conversation's id; anything else was not made by us
    and must not reach another conversation (the id names a team, a channel and a thread).
    """
    if not session_id.startswith(f"{CHANNEL}:") or (
            team_id is not None and not session_id.startswith(f"{CHANNEL}:{team_id}:")):
        problem = "Not a conversation of this Slack team."
        raise SlackValidationError(f"The request is not valid: payload.actions.value: {problem}",
                                   {"payload.actions.value": [problem]})
