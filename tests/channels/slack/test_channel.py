"""The Slack channel without Flask; most of its paths run through HTTP in test_routes.py."""

from __future__ import annotations

import time

import pytest

from service.channels.slack.channel import SlackChannel
from service.channels.slack.posting import Poster
from service.channels.slack.seen import MemorySeenStore
from service.channels.slack.verification import RequestVerifier
from tests.channels.slack.helpers import SECRET, SlackStandIn, command_body, signed_headers


@pytest.fixture(scope="module")
def tutor(app):
    """The app's tutor (real knowledge base); each test uses its own session ids."""
    return app.extensions["tutor"]


@pytest.fixture
def slack_api():
    stand_in = SlackStandIn().start()
    yield stand_in
    stand_in.stop()


class SlowTutor:
    """A tutor that thinks longer than Slack waits."""

    def __init__(self, tutor, delay):
        self.tutor, self.delay = tutor, delay

    def respond(self, message, session_id, channel="web"):
        time.sleep(self.delay)
        return self.tutor.respond(message, session_id, channel)


def test_a_slow_answer_is_acked_at_once_and_sent_to_the_response_url(
        tutor, knowledge_base, slack_api):
    seen = MemorySeenStore()
    channel = SlackChannel(SlowTutor(tutor, 1.5), knowledge_base,
                           RequestVerifier(SECRET, seen=seen), seen, Poster(None),
                           ack_seconds=0.1)
    body = command_body("params of a 3x3 conv from 64 to 128 channels",
                        response_url=slack_api.url + "/hooks/slow").encode()
    started = time.monotonic()
    ack = channel.handle_command(body, signed_headers(body))
    assert time.monotonic() - started < 1.0  # not the 1.5 s the tutor takes
    assert ack == {"response_type": "ephemeral", "text": "Working on it…"}
    assert channel.background.wait(timeout=10)
    (late,) = slack_api.hooks("slow")
    assert late["response_type"] == "ephemeral" and "73856" in late["text"]
    channel.background.shutdown()
