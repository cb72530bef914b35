"""Work after the ack: the background pool, and posting to a stand-in Slack Web API."""

from __future__ import annotations

import time

import pytest

from service.channels.slack.posting import Background, Poster
from tests.channels.slack.helpers import TOKEN, SlackStandIn


def test_background_wait_joins_jobs_and_their_follow_ups():
    background = Background(workers=2)
    done = []
    background.submit(lambda: (time.sleep(0.05), background.submit(done.append, "second")))
    background.submit(done.append, "first")
    assert background.wait(timeout=5)
    assert sorted(done) == ["first", "second"]
    background.shutdown()


def test_a_failing_job_is_logged_not_raised(caplog):
    background = Background(workers=1)

    def broken():
        raise RuntimeError("boom")

    future = background.submit(broken)
    assert background.wait(timeout=5)
    assert future.result() is None
    assert "failed" in caplog.text
    background.shutdown()


@pytest.fixture
def slack_api():
    stand_in = SlackStandIn().start()
    yield stand_in
    stand_in.stop()


def test_the_poster_calls_chat_post_message_with_the_bot_token(slack_api):
    poster = Poster(TOKEN, slack_api.url + "/api/")
    assert poster.post_message("C1", {"text": "hi", "blocks": []}, thread_ts="1.2")
    (path, headers, body), = slack_api.calls
    assert path == "/api/chat.postMessage"
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert body == {"channel": "C1", "text": "hi", "blocks": [], "thread_ts": "1.2"}


def test_the_poster_reports_slack_errors_and_unreachable_hosts(slack_api, caplog):
    slack_api.fail = "channel_not_found"
    assert not Poster(TOKEN, slack_api.url + "/api/").post_message("C1", {"text": "hi"})
    assert "channel_not_found" in caplog.text
    assert not Poster(TOKEN, "http://127.0.0.1:9/api/", timeout=2).post_message(
        "C1", {"text": "hi"})
    assert not Poster(None).post_message("C1", {"text": "hi"})  # no token: nothing to post with


def test_the_poster_answers_a_response_url_ephemerally(slack_api):
    assert Poster(None).respond(slack_api.url + "/hooks/abc", {"text": "hi"})
    assert slack_api.hooks("abc") == [{"text": "hi", "response_type": "ephemeral",
                                       "replace_original": False}]
