"""Hostile input at the HTTP edge: text that is not valid Unicode, numbers beyond a float's
range, sizes beyond the calculators' caps. Each is a 4xx in the contract's shape that names
the field; never a 500, never a bare NaN or Infinity in the body (parsed strictly here)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.channels.api.test_errors import assert_error_shape

SURROGATE = "\ud800"
HUGE = 10**400  # an integer JSON allows and no float holds


def strict_json(response) -> object:
    """The body parsed as RFC 8259 JSON: NaN, Infinity and -Infinity are refused."""
    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")
    return json.loads(response.get_data(as_text=True), parse_constant=refuse)


def practice_id(client) -> str:
    return client.get("/practice/next?kind=numeric&seed=7").get_json()["id"]


# Each request with one field made hostile: (method, url, body with the field, field named).
def _invalid_text_requests(question_id):
    return [
        ("POST", "/chat", {"message": f"what is {SURROGATE} dropout"}, "message"),
        ("POST", "/chat", {"message": "hi", "session_id": SURROGATE}, "session_id"),
        ("POST", "/chat", {"message": "hi\x00there"}, "message"),
        ("POST", "/feedback", {"session_id": "abc", "entry_id": None,
                               "message": SURROGATE, "rating": "up"}, "message"),
        ("POST", "/feedback", {"session_id": "abc", "entry_id": None, "message": "m",
                               "rating": SURROGATE}, "rating"),
        ("POST", "/practice/answer", {"id": SURROGATE, "answer": "3"}, "id"),
        ("POST", "/practice/answer", {"id": question_id, "answer": f"16{SURROGATE}"}, "answer"),
        ("POST", "/calc/graphical-model", {"factorisations": [f"p(x{SURROGATE}) = p(x)"]},
         "factorisations.0"),
        ("POST", "/calc/conv", {"input": 28, "kernel": 3, "padding": SURROGATE}, "padding"),
        ("POST", "/calc/eigen", {"matrix": [[1]], "activation": SURROGATE}, "activation"),
    ]


def test_text_that_is_not_valid_unicode_is_a_422_naming_the_field(client):
    for method, url, body, field in _invalid_text_requests(practice_id(client)):
        response = client.open(url, method=method, data=json.dumps(body),
                               content_type="application/json")
        error = assert_error_shape(response, 422, "validation_error")
        assert field in error["fields"], (url, error)
        assert "U+" in " ".join(error["fields"][field])
        strict_json(response)


@pytest.mark.parametrize("url", ["/kb/search?q=%00abc", "/kb/entries?topic=%01"])
def test_query_strings_with_control_characters_are_refused(client, url):
    assert_error_shape(client.get(url), 422, "validation_error")


def test_a_key_that_is_not_valid_text_is_refused_too(client):
    response = client.post("/chat", data=json.dumps({"message": "hi", SURROGATE: 1}),
                           content_type="application/json")
    assert_error_shape(response, 422, "validation_error")


@pytest.mark.parametrize(("url", "body", "field"), [
    ("/calc/eigen", {"matrix": [[HUGE]]}, "matrix.0.0"),
    ("/calc/eigen", {"matrix": [[1, 0], [0, -HUGE]]}, "matrix.1.1"),
    ("/calc/conv", {"input": HUGE, "kernel": 3}, "input"),
    ("/calc/params", {"kernel": 3, "in_channels": HUGE}, "in_channels"),
    ("/calc/attention", {"input": [8, 8, HUGE], "patch": 3}, "input.2"),
    ("/calc/sequence-attention", {"tokens": HUGE, "dim": 64}, "tokens"),
])
def test_integers_beyond_range_are_a_422_naming_the_field(client, url, body, field):
    response = client.post(url, data=json.dumps(body), content_type="application/json")
    error = assert_error_shape(response, 422, "validation_error")
    assert any(name.startswith(field) for name in error["fields"]), error


@pytest.mark.parametrize("answer", [HUGE, "1" * 400, "1e400", "-1e400", [HUGE, 1],
                                    "16x" + "9" * 400])
def test_practice_answers_beyond_range_are_refused_never_read_as_infinity(client, answer):
    response = client.post("/practice/answer", data=json.dumps(
        {"id": practice_id(client), "answer": answer}), content_type="application/json")
    error = assert_error_shape(response, 422, "validation_error")
    assert "answer" in error["fields"]
    assert "inf" not in response.get_data(as_text=True).lower().replace("info", "")


def test_a_session_id_from_another_channel_does_not_reach_its_conversation(client, app):
    slack_id = "slack:T1:C1:U1"
    app.extensions["tutor"].respond("quiz me on gans", slack_id, channel="slack")
    reply = client.post("/chat", json={"message": "stop", "session_id": slack_id}).get_json()
    assert reply["session_id"] != slack_id
    assert "Practice over" not in reply["reply"]  # the Slack user's practice is untouched
    state = app.extensions["tutor"].sessions.get(f"slack/{slack_id}")
    assert state["practice"]["id"]


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=40))
def test_any_text_at_all_gets_a_reply_or_a_422_in_strict_json(client, text):
    for url, body in [("/chat", {"message": text}),
                      ("/practice/answer", {"id": text, "answer": text}),
                      ("/calc/graphical-model", {"factorisations": [text]}),
                      ("/feedback", {"session_id": "abc", "entry_id": None, "message": text,
                                     "rating": "up"})]:
        response = client.post(url, data=json.dumps(body), content_type="application/json")
        assert response.status_code < 500, (url, text)
        strict_json(response)
