"""`POST /chat` through HTTP: every kind, sessions, and bad input."""

from __future__ import annotations

import pytest

from tests.channels.api.test_errors import assert_error_shape

CONTRACT_FIELDS = {"kind", "reply", "entry_id", "confidence", "suggestions", "session_id"}


@pytest.mark.parametrize(("message", "kind"), [
    ("what is the difference between accuracy and precision", "answer"),
    ("params of a 3x3 conv from 64 to 128 channels", "calculation"),
    ("output size with a 5x5 kernel and stride 2", "clarify"),
    ("recipe for banana bread", "fallback"),
])
def test_each_kind_has_the_contract_shape(client, message, kind):
    response = client.post("/chat", json={"message": message})
    assert response.status_code == 200
    body = response.json
    assert CONTRACT_FIELDS <= set(body)
    assert body["kind"] == kind
    assert (body["entry_id"] is not None) == (kind == "answer")
    assert 0 <= body["confidence"] <= 1
    assert len(body["suggestions"]) <= 3
    for suggestion in body["suggestions"]:
        assert set(suggestion) == {"entry_id", "question", "score"}


def test_a_session_carries_the_conversation(client):
    first = client.post("/chat", json={"message": "what is the cell state in an lstm"}).json
    why = client.post("/chat", json={"message": "why?", "session_id": first["session_id"]}).json
    assert why["session_id"] == first["session_id"]
    assert why["entry_id"] == "lstm"


def test_a_client_chosen_session_id_is_replaced_by_one_the_server_issues(client):
    body = client.post("/chat", json={"message": "hi", "session_id": "widget-123"}).json
    assert body["session_id"] != "widget-123"
    assert len(body["session_id"]) >= 20  # 128 random bits


def test_an_issued_session_id_continues_its_conversation(client):
    first = client.post("/chat", json={"message": "what is the cell state in an lstm"}).json
    second = client.post("/chat", json={"message": "why?",
                                         "session_id": first["session_id"]}).json
    assert second["session_id"] == first["session_id"]
    assert second["entry_id"] == "lstm"


@pytest.mark.parametrize(("body", "field"), [
    ({}, "message"),
    ({"message": ""}, "message"),
    ({"message": "   "}, "message"),
    ({"message": 42}, "message"),
    ({"message": "hi", "session_id": "has spaces and ;"}, "session_id"),
    ({"message": "hi", "session_id": "x" * 200}, "session_id"),
    ({"message": "hi", "extra": 1}, "extra"),
])
def test_bad_chat_requests_are_named_422s(client, body, field):
    error = assert_error_shape(client.post("/chat", json=body), 422)
    assert field in error["fields"]


def test_an_overlong_message_is_413(client, app):
    message = "a" * (app.config["MAX_MESSAGE_LENGTH"] + 1)
    error = assert_error_shape(client.post("/chat", json={"message": message}), 413,
                               "message_too_long")
    assert "message" in error["fields"]
