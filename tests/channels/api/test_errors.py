"""Every non-2xx answer has the contract's one shape, and nothing reaches a 500 by bad input."""

from __future__ import annotations

import pytest
from flask import abort
from werkzeug.exceptions import default_exceptions

from service import create_app


def assert_error_shape(response, status: int, code: str | None = None):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) <= {"code", "message", "fields"}
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    if "fields" in error:
        assert all(isinstance(v, list) and v for v in error["fields"].values())
    if code:
        assert error["code"] == code
    return error


@pytest.fixture(scope="module")
def aborting_client(tmp_path_factory):
    """An app with a route that aborts with any status, to see every error's shape."""
    sessions = tmp_path_factory.mktemp("errors") / "s.sqlite3"
    app = create_app({"TESTING": True, "SESSION_DB": str(sessions)})

    @app.get("/boom/<int:status>")
    def boom(status):
        abort(status)

    return app.test_client()


@pytest.mark.parametrize("status", sorted(c for c in default_exceptions if c >= 400))
def test_every_http_error_has_the_contract_shape(aborting_client, status):
    assert_error_shape(aborting_client.get(f"/boom/{status}"), status)


def test_a_crash_is_a_500_that_reveals_nothing(tmp_path):
    app = create_app({"TESTING": False, "SESSION_DB": str(tmp_path / "s.sqlite3")})

    @app.get("/crash")
    def crash():
        raise RuntimeError("secret internals")

    error = assert_error_shape(app.test_client().get("/crash"), 500, "internal_error")
    assert "secret" not in error["message"]


def test_unknown_path_is_404(client):
    assert_error_shape(client.get("/no/such/thing"), 404, "not_found")


def test_wrong_method_is_405_with_allow(client):
    response = client.get("/calc/conv")
    assert_error_shape(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]


def test_malformed_json_is_400(client):
    response = client.post("/calc/conv", data="{not json", content_type="application/json")
    assert_error_shape(response, 400, "invalid_json")


def test_oversized_body_is_413(client, app):
    big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/chat", data=big, content_type="application/json")
    assert_error_shape(response, 413, "payload_too_large")
