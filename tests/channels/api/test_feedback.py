"""`POST /feedback`: ratings are kept (201), and bad input is a 422 naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from service import create_app

VALID = {"session_id": "abc_DEF-123", "entry_id": "max-pooling-reasons",
         "message": "why max pooling?", "rating": "down"}


def test_a_rating_is_recorded(app, client):
    response = client.post("/feedback", json=VALID)
    assert response.status_code == 201
    body = response.json
    assert {k: body[k] for k in VALID} == VALID
    assert isinstance(body["id"], int) and isinstance(body["created"], float)
    stored = app.extensions["feedback"].list(session_id=VALID["session_id"])
    assert stored[0].to_dict() == body


def test_a_reply_without_an_entry_can_be_rated(client):
    response = client.post("/feedback", json={**VALID, "entry_id": None, "rating": "up"})
    assert response.status_code == 201
    assert response.json["entry_id"] is None


def test_the_store_sits_beside_the_session_database(app):
    assert app.extensions["feedback"].path == (
        Path(app.config["SESSION_DB"]).parent / "feedback.sqlite3")


def test_with_sessions_in_memory_the_store_goes_to_the_instance_folder(tmp_path):
    app = create_app({"TESTING": True, "SESSION_DB": ":memory:",
                      "FEEDBACK_DB": str(tmp_path / "ratings.sqlite3")})
    assert app.extensions["feedback"].path == tmp_path / "ratings.sqlite3"  # absolute wins
    app = create_app({"TESTING": True, "SESSION_DB": ":memory:"})
    assert app.extensions["feedback"].path == Path(app.instance_path) / "feedback.sqlite3"


@pytest.mark.parametrize(("change", "field"), [
    ({"session_id": None}, "session_id"),
    ({"session_id": ""}, "session_id"),
    ({"session_id": "has spaces"}, "session_id"),
    ({"session_id": "x" * 129}, "session_id"),
    ({"session_id": 7}, "session_id"),
    ({"entry_id": "Not An Id!"}, "entry_id"),
    ({"entry_id": "a" * 129}, "entry_id"),
    ({"entry_id": 3}, "entry_id"),
    ({"message": ""}, "message"),
    ({"message": "   "}, "message"),
    ({"message": "x" * 2001}, "message"),
    ({"message": ["q"]}, "message"),
    ({"rating": "sideways"}, "rating"),
    ({"rating": "UP"}, "rating"),
    ({"rating": True}, "rating"),
    ({"extra": 1}, "extra"),
])
def test_bad_input_is_422_naming_the_field(client, change, field):
    response = client.post("/feedback", json={**VALID, **change})
    assert response.status_code == 422, response.json
    error = response.json["error"]
    assert error["code"] == "validation_error"
    assert field in error["fields"]
    assert field in error["message"]


@pytest.mark.parametrize("missing", ["session_id", "entry_id", "message", "rating"])
def test_every_field_is_required(client, missing):
    body = {k: v for k, v in VALID.items() if k != missing}
    response = client.post("/feedback", json=body)
    assert response.status_code == 422
    assert missing in response.json["error"]["fields"]


def test_a_body_that_is_not_json_is_400(client):
    response = client.post("/feedback", data=b'{"rating": ', content_type="application/json")
    assert response.status_code == 400
    assert response.json["error"]["code"] == "invalid_json"


def test_feedback_is_only_posted(client):
    response = client.get("/feedback")
    assert response.status_code == 405
    assert response.json["error"]["code"] == "method_not_allowed"
