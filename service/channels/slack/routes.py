"""`/slack/*`: the Slack app's request URLs. Each view hands the raw body to
`service.channels.slack.channel`.

A plain Flask blueprint rather than flask-smorest's: Slack's form-encoded and signed requests
are not part of the documented JSON API, and the body must reach the signature check
unparsed. The routes exist only when a signing secret is configured (404 otherwise).
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Blueprint, Flask, current_app, request

from service.channels.slack.channel import SlackChannel
from service.channels.slack.posting import Background, Poster
from service.channels.slack.seen import MemorySeenStore, RedisSeenStore, SeenStore, SqliteSeenStore
from service.channels.slack.verification import RequestVerifier
from service.core.sessions import redis_prefix, shared_redis

bp = Blueprint("slack", __name__, url_prefix="/slack")

# Read from the environment under the names Slack's own tools use, when neither the config
# mapping nor a TUTOR_-prefixed variable sets them.
ENVIRONMENT_NAMES = ("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN")


def init_app(app: Flask) -> None:
    """Build the Slack channel from the app's configuration and register `/slack/*`.

    Does nothing without a signing secret, so that an unconfigured deployment cannot be made
    to act by requests nobody can verify.
    """
    for name in ENVIRONMENT_NAMES:
        if not app.config.get(name):
            app.config[name] = os.environ.get(name) or None
    secret = app.config["SLACK_SIGNING_SECRET"]
    if not secret:
        return
    seen = seen_store(app)
    token = app.config["SLACK_BOT_TOKEN"]
    app.extensions["slack"] = SlackChannel(
        app.extensions["tutor"], app.extensions["knowledge_base"],
        RequestVerifier(str(secret), seen=seen), seen,
        Poster(str(token) if token else None, app.config["SLACK_API_URL"]),
        Background(), max_message_length=app.config["MAX_MESSAGE_LENGTH"])
    app.register_blueprint(bp)


def seen_store(app: Flask) -> SeenStore:
    """Where Slack's event ids and used signatures are remembered, beside the sessions, so that
    every worker (and replica) sees every one: Redis when `REDIS_URL` is set, else the session
    database's SQLite file (memory for a single process)."""
    client = shared_redis(app)
    if client is not None:
        return RedisSeenStore(client, prefix=redis_prefix(app))
    if app.config["SESSION_DB"] == ":memory:":
        return MemorySeenStore()
    return SqliteSeenStore(Path(app.instance_path) / app.config["SESSION_DB"])


def _channel() -> SlackChannel:
    return current_app.extensions["slack"]


@bp.post("/commands")
def answer_command():
    """Answer the `/tutor` slash command (in the ack, or through its response URL)."""
    return _channel().handle_command(request.get_data(), request.headers) or ("", 200)


@bp.post("/events")
def handle_slack_event():
    """Acknowledge an Events API request; mentions and direct messages are answered after."""
    return _channel().handle_event(request.get_data(), request.headers) or ("", 200)


@bp.post("/interactions")
def handle_interaction():
    """Acknowledge a button click; its follow-up is posted after."""
    _channel().handle_interaction(request.get_data(), request.headers)
    return "", 200
