"""`/slack/*` through HTTP: signed requests in, acks out, and what reaches a stand-in Slack API."""

from __future__ import annotations

import json
import time

import pytest

from service import create_app
from service.channels.slack.mrkdwn import to_mrkdwn
from service.channels.unicode_math import latex_to_unicode
from tests.channels.api.test_errors import assert_error_shape
from tests.channels.slack.helpers import (
    SECRET,
    TOKEN,
    SlackStandIn,
    buttons,
    click_payload,
    command_body,
    event_body,
    interaction_body,
    signed_headers,
    strings,
)

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


@pytest.fixture(scope="module")
def slack_api():
    stand_in = SlackStandIn().start()
    yield stand_in
    stand_in.stop()


@pytest.fixture(scope="module")
def slack_app(tmp_path_factory, slack_api):
    sessions = tmp_path_factory.mktemp("slack") / "sessions.sqlite3"
    app = create_app({"TESTING": True, "SESSION_DB": str(sessions),
                      "SLACK_SIGNING_SECRET": SECRET, "SLACK_BOT_TOKEN": TOKEN,
                      "SLACK_API_URL": slack_api.url + "/api/"})
    yield app
    app.extensions["slack"].background.shutdown()


@pytest.fixture
def slack(slack_app, slack_api):
    """A client that signs like Slack; `slack.settle()` waits for the posting to finish."""
    slack_api.clear()
    return SlackClient(slack_app)


class SlackClient:
    def __init__(self, app):
        self.app = app
        self.client = app.test_client()

    def post(self, path, body, content_type, timestamp=None, headers=None, secret=SECRET):
        signed = signed_headers(body, timestamp, secret)
        return self.client.post(path, data=body, content_type=content_type,
                                headers={**signed, **(headers or {})})

    def command(self, text, **fields):
        return self.post("/slack/commands", command_body(text, **fields), FORM)

    def event(self, event, event_id, headers=None):
        return self.post("/slack/events", event_body(event, event_id=event_id), JSON,
                         headers=headers)

    def click(self, payload):
        return self.post("/slack/interactions", interaction_body(payload), FORM)

    def settle(self):
        assert self.app.extensions["slack"].background.wait(timeout=30)


def mention(text, *, channel="C0CLASS", ts, thread_ts=None, user="U0STUDENT"):
    event = {"type": "app_mention", "user": user, "text": f"<@U0TUTORBOT> {text}", "ts": ts,
             "channel": channel, "event_ts": ts}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def direct_message(text, *, ts, channel="D0STUDENT", **extra):
    return {"type": "message", "channel_type": "im", "user": "U0STUDENT", "text": text,
            "ts": ts, "channel": channel, "event_ts": ts, **extra}


def sections(message) -> str:
    return "\n\n".join(b["text"]["text"] for b in message["blocks"] if b["type"] == "section")


def seed_entry(knowledge_base):
    """A seed exam question the tutor answers from the knowledge base (not by calculating)."""
    return knowledge_base.get("rnn-gradient-remedies")


# --- slash commands ----------------------------------------------------------------------------


def test_a_seed_question_is_answered_in_the_ack(slack, knowledge_base, slack_api):
    entry = seed_entry(knowledge_base)
    assert entry.seed
    response = slack.command(latex_to_unicode(entry.question))
    assert response.status_code == 200
    body = response.json
    assert body["response_type"] == "ephemeral"
    assert sections(body).startswith(to_mrkdwn(f"**{entry.question.strip()}**"))
    assert {"Explain more", "Related"} <= set(buttons(body))
    assert json.loads(buttons(body)["Explain more"]["value"])["s"] == \
        "slack:T0TEAM:C0COMMAND:U0STUDENT"
    slack.settle()
    assert slack_api.calls == []  # answered in the ack, nothing posted afterwards


def test_a_calculation_is_answered_with_its_worked_steps(slack):
    body = slack.command("params of a 3x3 conv from 64 to 128 channels").json
    weights = 3 * 3 * 64 * 128
    assert "```" in sections(body)
    assert f"total = {weights} + 128 = {weights + 128}" in sections(body)


def test_an_out_of_scope_question_gets_the_fallback(slack):
    body = slack.command("how tall is mount everest").json
    assert body["text"].startswith("I don't know that one")
    assert all(b["action_id"].startswith("tutor_suggestion") for b in buttons(body).values())


def test_a_bare_command_says_what_the_tutor_can_do(slack):
    assert "I'm the course's tutor" in slack.command("").json["text"]


def test_an_overlong_question_is_refused_politely(slack, slack_app):
    body = slack.command("x" * (slack_app.config["MAX_MESSAGE_LENGTH"] + 1)).json
    assert "longer than" in body["text"] and body["response_type"] == "ephemeral"


def test_a_follow_up_command_continues_the_users_conversation(slack):
    slack.command("what is the cell state in an lstm", user="U0FOLLOW")
    why = slack.command("why?", user="U0FOLLOW").json
    assert "Explain more" in buttons(why)
    other = slack.command("why?", user="U0SOMEONE").json  # a different student: no context
    assert sections(other) != sections(why)


def test_slacks_ssl_check_is_acknowledged(slack):
    response = slack.post("/slack/commands", "ssl_check=1&token=x", FORM)
    assert response.status_code == 200 and response.data == b""


# --- refusing what Slack did not send ----------------------------------------------------------


def unsigned(slack, path, body, content_type, headers):
    return slack.client.post(path, data=body, content_type=content_type, headers=headers)


ROUTES = [
    ("/slack/commands", lambda: command_body("what is a gan"), FORM),
    ("/slack/events", lambda: event_body(mention("what is a gan", ts="1700000000.000901"),
                                         event_id="EvRefused"), JSON),
    ("/slack/interactions", lambda: interaction_body({"type": "block_actions"}), FORM),
]


@pytest.mark.parametrize(("path", "make_body", "content_type"), ROUTES)
@pytest.mark.parametrize("attack", ["missing", "wrong_secret", "tampered", "stale", "future",
                                    "garbled_timestamp"])
def test_requests_not_signed_by_slack_are_401_and_do_nothing(
        slack, slack_api, path, make_body, content_type, attack):
    body = make_body()
    if attack == "missing":
        response = unsigned(slack, path, body, content_type, {})
    elif attack == "wrong_secret":
        response = slack.post(path, body, content_type, secret="someone-elses-secret")
    elif attack == "tampered":
        headers = signed_headers(body)
        response = unsigned(slack, path, body + " ", content_type, headers)
    # Well outside the five-minute window: int() drops up to a second, and the request takes
    # time, so "now + 301" could land inside it (it did, once). The exact edges are tested on a
    # fixed clock in test_verification.py.
    elif attack == "stale":
        response = slack.post(path, body, content_type, timestamp=int(time.time()) - 400)
    elif attack == "future":
        response = slack.post(path, body, content_type, timestamp=int(time.time()) + 400)
    else:
        headers = {**signed_headers(body), "X-Slack-Request-Timestamp": "12:00"}
        response = unsigned(slack, path, body, content_type, headers)
    error = assert_error_shape(response, 401, "invalid_signature")
    assert error["fields"]
    slack.settle()
    assert slack_api.calls == []


@pytest.mark.parametrize(("path", "make_body", "content_type"), [ROUTES[0], ROUTES[2]])
def test_a_replayed_request_is_401(slack, path, make_body, content_type):
    body = make_body()
    headers = signed_headers(body)
    first = unsigned(slack, path, body, content_type, headers)
    assert first.status_code == 200
    replay = unsigned(slack, path, body, content_type, headers)
    assert assert_error_shape(replay, 401, "invalid_signature")["fields"] == {
        "X-Slack-Signature": ["Already used."]}


def test_an_old_request_replayed_later_is_401_and_posts_nothing(slack, slack_api):
    body = event_body(mention("what is a gan", ts="1700000000.000902"), event_id="EvOld")
    headers = signed_headers(body, timestamp=int(time.time()) - 3600)  # captured an hour ago
    assert_error_shape(unsigned(slack, "/slack/events", body, JSON, headers), 401)
    slack.settle()
    assert slack_api.posts() == []


@pytest.mark.parametrize("path", ["/slack/commands", "/slack/events", "/slack/interactions"])
def test_the_slack_routes_do_not_exist_without_a_signing_secret(client, path):
    body = command_body("what is a gan")
    response = client.post(path, data=body, content_type=FORM, headers=signed_headers(body))
    assert_error_shape(response, 404, "not_found")


def test_the_signing_secret_and_token_come_from_slacks_environment_names(
        monkeypatch, tmp_path):
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TUTOR_SLACK_API_URL", "http://127.0.0.1:9/api/")
    app = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "s.sqlite3")})
    assert app.extensions["slack"].poster.client.token == TOKEN
    assert app.extensions["slack"].poster.client.base_url == "http://127.0.0.1:9/api/"
    body = json.dumps({"type": "url_verification", "challenge": "c"})
    response = app.test_client().post("/slack/events", data=body, content_type=JSON,
                                      headers=signed_headers(body))
    assert response.json == {"challenge": "c"}
    app.extensions["slack"].background.shutdown()


def test_the_config_mapping_wins_over_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "from-the-environment")
    app = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "s.sqlite3"),
                      "SLACK_SIGNING_SECRET": SECRET})
    body = json.dumps({"type": "url_verification", "challenge": "c"})
    response = app.test_client().post("/slack/events", data=body, content_type=JSON,
                                      headers=signed_headers(body))
    assert response.status_code == 200
    app.extensions["slack"].background.shutdown()


def test_slack_routes_are_not_in_the_documented_api(slack):
    spec = slack.client.get("/openapi.json")
    assert spec.status_code == 200
    assert not any(path.startswith("/slack") for path in spec.json["paths"])


# --- malformed bodies with a valid signature ---------------------------------------------------


@pytest.mark.parametrize(("path", "body", "content_type", "status", "field"), [
    ("/slack/events", "not json", JSON, 400, "_schema"),
    ("/slack/events", "[1, 2]", JSON, 400, "_schema"),
    ("/slack/events", "{}", JSON, 422, "type"),
    ("/slack/events", json.dumps({"type": "url_verification"}), JSON, 422, "challenge"),
    ("/slack/events", json.dumps({"type": "event_callback", "team_id": "T0TEAM",
                                  "event": {"type": "app_mention"}}), JSON, 422, "event_id"),
    ("/slack/events", event_body({"type": "app_mention", "text": "hi", "ts": "1.1",
                                  "channel": "C1"}, event_id="EvNoUser"), JSON, 422,
     "event.user"),
    ("/slack/events", event_body(mention("hi", ts="not-a-ts"), event_id="EvBadTs"), JSON, 422,
     "event.ts"),
    ("/slack/events", event_body(mention("hi", ts="1.1", channel="c;drop"), event_id="EvCh"),
     JSON, 422, "event.channel"),
    ("/slack/commands", command_body("hi", team_id=None), FORM, 422, "team_id"),
    ("/slack/commands", command_body("hi", channel_id="C 1"), FORM, 422, "channel_id"),
    ("/slack/commands", command_body("hi", response_url="javascript:alert(1)"), FORM, 422,
     "response_url"),
    ("/slack/commands", "%ff%fe=%ff", FORM, 400, "_schema"),
    ("/slack/interactions", "nothing=here", FORM, 422, "payload"),
    ("/slack/interactions", "payload=not+json", FORM, 400, "payload"),
    ("/slack/interactions", interaction_body({"actions": []}), FORM, 422, "payload.type"),
])
def test_malformed_bodies_are_named_4xx(slack, path, body, content_type, status, field):
    error = assert_error_shape(slack.post(path, body, content_type), status)
    assert field in error["fields"], error


@pytest.mark.parametrize("value", ["not json", json.dumps({"s": "bad id!", "m": "why"}),
                                   json.dumps({"s": "slack:T1:C1"}),
                                   json.dumps({"s": "slack:T1:C1", "m": "x" * 500})])
def test_a_forged_button_value_is_422(slack, value):
    button = {"action_id": "tutor_more", "text": {"type": "plain_text", "text": "Explain more"},
              "value": value}
    payload = click_payload(button, channel="C0CLASS", message_ts="1700000000.000100")
    error = assert_error_shape(slack.click(payload), 400 if value == "not json" else 422)
    assert any(name.startswith("payload.actions") for name in error["fields"])


def test_get_is_405_and_an_oversized_body_413(slack, slack_app):
    assert_error_shape(slack.client.get("/slack/events"), 405, "method_not_allowed")
    big = json.dumps({"type": "url_verification",
                      "challenge": "c" * slack_app.config["MAX_CONTENT_LENGTH"]})
    assert_error_shape(slack.post("/slack/events", big, JSON), 413)


# --- events ------------------------------------------------------------------------------------


def test_url_verification_echoes_the_challenge(slack):
    body = json.dumps({"token": "x", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvF",
                       "type": "url_verification"})
    response = slack.post("/slack/events", body, JSON)
    assert response.json == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvF"}


def test_a_mention_is_acked_at_once_and_answered_in_its_thread(
        slack, slack_api, knowledge_base):
    entry = seed_entry(knowledge_base)
    started = time.monotonic()
    response = slack.event(mention(latex_to_unicode(entry.question), ts="1700000000.000100"),
                           "EvMention1")
    assert response.status_code == 200 and response.data == b""
    assert time.monotonic() - started < 3
    slack.settle()
    (post,) = slack_api.posts()
    assert post["channel"] == "C0CLASS"
    assert post["thread_ts"] == "1700000000.000100"  # a new thread under the question
    assert post["text"].startswith(to_mrkdwn(f"**{entry.question.strip()}**")[:60])
    assert {"Explain more", "Related"} <= set(buttons(post))
    assert json.loads(buttons(post)["Related"]["value"])["s"] == \
        "slack:T0TEAM:C0CLASS:1700000000.000100"
    assert not any("\\" in s for s in strings(post))


def test_a_mention_in_a_thread_is_answered_there_and_continues_its_conversation(
        slack, slack_api, knowledge_base):
    thread = "1700000000.000200"
    slack.event(mention("what is the cell state in an lstm", ts="1700000000.000201",
                        thread_ts=thread), "EvThread1")
    slack.settle()
    slack.event(mention("why?", ts="1700000000.000202", thread_ts=thread), "EvThread2")
    slack.settle()
    first, second = slack_api.posts()
    assert first["thread_ts"] == second["thread_ts"] == thread
    explanation = to_mrkdwn(knowledge_base.get("lstm").explanation.strip())
    assert sections(second).startswith(explanation[:80])


def test_a_retried_event_is_posted_once(slack, slack_api):
    event = mention("what is a gan", ts="1700000000.000300")
    assert slack.event(event, "EvRetry").status_code == 200
    slack.settle()
    retry = slack.event(event, "EvRetry", headers={"X-Slack-Retry-Num": "1",
                                                    "X-Slack-Retry-Reason": "http_timeout"})
    assert retry.status_code == 200
    slack.settle()
    assert len(slack_api.posts()) == 1


def test_a_direct_message_is_answered_in_line(slack, slack_api):
    slack.event(direct_message("params of a 3x3 conv from 64 to 128 channels",
                               ts="1700000000.000400"), "EvDm1")
    slack.settle()
    (post,) = slack_api.posts()
    assert post["channel"] == "D0STUDENT" and "thread_ts" not in post
    assert "73856" in post["text"]


@pytest.mark.parametrize("event", [
    direct_message("hi", ts="1700000000.000501", bot_id="B0OTHER"),
    direct_message("hi", ts="1700000000.000502", subtype="message_changed"),
    direct_message("hi", ts="1700000000.000503", user="U0TUTORBOT"),  # our own message
    direct_message("hi", ts="1700000000.000504", channel_type="channel", channel="C0CLASS"),
    mention("hi", ts="1700000000.000505", user="U0TUTORBOT"),
    {"type": "reaction_added", "user": "U0STUDENT", "reaction": "thumbsup"},
], ids=["bot", "subtype", "ourselves", "channel-message", "own-mention", "other-event"])
def test_events_that_are_not_a_students_question_are_acked_and_ignored(
        slack, slack_api, event):
    response = slack.event(event, f"EvIgnored{event['ts'][-3:] if 'ts' in event else 'R'}")
    assert response.status_code == 200
    slack.settle()
    assert slack_api.posts() == []


def test_a_failing_slack_api_still_acks(slack, slack_api):
    slack_api.fail = "not_in_channel"
    assert slack.event(mention("what is a gan", ts="1700000000.000600"),
                       "EvFail").status_code == 200
    slack.settle()
    assert len(slack_api.posts()) == 1  # tried once, failure logged, nothing raised


def test_request_bodies_are_not_logged(slack, caplog):
    caplog.set_level("DEBUG")
    slack.command("my secret question about gans")
    slack.event(mention("my secret question about vaes", ts="1700000000.000700"), "EvLog")
    slack.settle()
    assert "secret question" not in caplog.text


# --- button clicks -----------------------------------------------------------------------------


def answered_in_thread(slack, slack_api, text, ts, event_id):
    slack.event(mention(text, ts=ts), event_id)
    slack.settle()
    post = slack_api.posts()[-1]
    slack_api.clear()
    return post


def test_explain_more_posts_the_explanation_in_the_thread(slack, slack_api, knowledge_base):
    post = answered_in_thread(slack, slack_api, "what is the cell state in an lstm",
                              "1700000000.000800", "EvClick1")
    payload = click_payload(buttons(post)["Explain more"], channel="C0CLASS",
                            message_ts="1800000000.000001", thread_ts=post["thread_ts"])
    response = slack.click(payload)
    assert response.status_code == 200 and response.data == b""
    slack.settle()
    (follow_up,) = slack_api.posts()
    assert follow_up["channel"] == "C0CLASS" and follow_up["thread_ts"] == post["thread_ts"]
    assert follow_up["blocks"][0]["elements"][0]["text"] == "<@U0CLICKER> asked: Explain more"
    explanation = to_mrkdwn(knowledge_base.get("lstm").explanation.strip())
    assert sections(follow_up).startswith(explanation[:80])


def test_related_lists_the_entrys_related_topics(slack, slack_api, knowledge_base):
    post = answered_in_thread(slack, slack_api, "what is the cell state in an lstm",
                              "1700000000.000900", "EvClick2")
    slack.click(click_payload(buttons(post)["Related"], channel="C0CLASS",
                              message_ts="1800000000.000002", thread_ts=post["thread_ts"]))
    slack.settle()
    (follow_up,) = slack_api.posts()
    assert sections(follow_up).startswith("Related topics:")
    related = [json.loads(b["value"])["e"] for b in buttons(follow_up).values()
               if b["action_id"].startswith("tutor_suggestion")]
    assert related == [r for r in knowledge_base.get("lstm").related][:3]


def test_a_suggestion_asks_its_entrys_question_in_the_same_conversation(
        slack, slack_api, knowledge_base):
    post = answered_in_thread(slack, slack_api, "what does the stride of a convolution do",
                              "1700000000.001000", "EvClick3")
    suggestion = next(b for b in buttons(post).values()
                      if b["action_id"] == "tutor_suggestion_1")
    entry_id = json.loads(suggestion["value"])["e"]
    slack.click(click_payload(suggestion, channel="C0CLASS", message_ts="1800000000.000003",
                              thread_ts=post["thread_ts"]))
    slack.settle()
    (answer,) = slack_api.posts()
    assert answer["thread_ts"] == post["thread_ts"]
    entry = knowledge_base.get(entry_id)
    assert sections(answer).startswith(to_mrkdwn(f"**{entry.question.strip()}**"))
    # the conversation moved on to that entry: "Explain more" now explains it
    slack_api.clear()
    slack.click(click_payload(buttons(answer)["Explain more"], channel="C0CLASS",
                              message_ts="1800000000.000004", thread_ts=post["thread_ts"]))
    slack.settle()
    assert sections(slack_api.posts()[0]).startswith(
        to_mrkdwn(entry.explanation.strip())[:60])


def test_a_click_on_an_ephemeral_answer_replies_through_the_response_url(slack, slack_api):
    ack = slack.command("what is the cell state in an lstm", user="U0EPHEMERAL").json
    payload = click_payload(buttons(ack)["Explain more"], channel="C0COMMAND",
                            message_ts="1700000000.001100", ephemeral=True,
                            response_url=slack_api.url + "/hooks/click")
    assert slack.click(payload).status_code == 200
    slack.settle()
    (reply,) = slack_api.hooks("click")
    assert reply["response_type"] == "ephemeral" and reply["replace_original"] is False
    assert slack_api.posts() == []


def test_clicks_on_buttons_that_are_not_ours_are_acked_and_ignored(slack, slack_api):
    button = {"action_id": "someone_elses", "text": {"type": "plain_text", "text": "x"},
              "value": "x"}
    assert slack.click(click_payload(button, channel="C0CLASS",
                                     message_ts="1.2")).status_code == 200
    assert slack.click({"type": "view_submission", "view": {}}).status_code == 200
    slack.settle()
    assert slack_api.calls == []


# --- the app manifest --------------------------------------------------------------------------


def test_the_manifest_points_slack_at_routes_that_exist(slack_app):
    import yaml

    from service.config import REPO_ROOT

    manifest = yaml.safe_load((REPO_ROOT / "slack" / "manifest.yaml").read_text())
    (command,) = manifest["features"]["slash_commands"]
    settings = manifest["settings"]
    assert command["command"] == "/tutor"
    assert set(settings["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im"}
    assert settings["interactivity"]["is_enabled"] is True
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {
        "commands", "app_mentions:read", "chat:write", "im:history", "im:read"}
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True  # DMs allowed
    routes = {rule.rule for rule in slack_app.url_map.iter_rules()}
    for url in (command["url"], settings["event_subscriptions"]["request_url"],
                settings["interactivity"]["request_url"]):
        assert url.startswith("https://")
        assert "/" + url.split("/", 3)[3] in routes


# --- conversations belong to their channel and team ------------------------------------------


@pytest.mark.parametrize("session", ["slack:T9OTHER:C0CLASS:U0STUDENT",  # another team's
                                     "Zx4mB2web-session-id",              # a web conversation
                                     "slack"])
def test_a_button_cannot_reach_another_team_s_or_channel_s_conversation(
        slack, slack_api, session):
    button = {"action_id": "tutor_more", "text": {"type": "plain_text", "text": "Explain more"},
              "value": json.dumps({"s": session, "m": "show the formula"})}
    payload = click_payload(button, channel="C0CLASS", message_ts="1700000000.000900")
    error = assert_error_shape(slack.click(payload), 422, "validation_error")
    assert "payload.actions.value" in error["fields"]
    slack.settle()
    assert slack_api.posts() == []


def test_text_that_is_not_valid_unicode_is_answered_with_it_replaced_and_recorded(
        slack, slack_api, slack_app):
    response = slack.event(mention("how do i bake sourdough \ud800 bread", ts="1700000000.000950"),
                           "EvSurrogate1")
    assert response.status_code == 200
    slack.settle()
    assert len(slack_api.posts()) == 1
    recorded = [q for q in slack_app.extensions["records"].questions()
                if "sourdough" in q.message]
    assert [(q.message, q.channel) for q in recorded] == \
        [("how do i bake sourdough \ufffd bread", "slack")]
