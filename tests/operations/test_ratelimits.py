"""Per-client rate limits on POST /chat and POST /calc/*: counted, shared, exempt and off."""

from __future__ import annotations

import itertools
import os
import socket
import time
import uuid

import pytest

from service import config as default_config
from service import create_app

CONV = {"input": 32, "kernel": 3}
_addresses = itertools.count(1)


def new_client(app, address: str | None = None):
    """A test client with its own remote address, so every test starts with a fresh budget."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address or f"10.9.{next(_addresses)}.1"
    return client


def build_app(tmp_path, **config):
    base = {"TESTING": True, "SESSION_DB": str(tmp_path / "sessions.sqlite3"),
            "JSON_LOGS": False}
    return create_app({**base, **config})


@pytest.fixture(scope="module")
def limited_app(tmp_path_factory):
    """Three requests per client and minute, and Slack configured so that /slack/* exists."""
    return build_app(tmp_path_factory.mktemp("limited"), RATE_LIMITS="3 per minute",
                     SLACK_SIGNING_SECRET="test-signing-secret", SLACK_BOT_TOKEN="xoxb-test")


def assert_rate_limited(response):
    assert response.status_code == 429
    error = response.get_json()["error"]
    assert error["code"] == "rate_limited"
    assert "Retry-After" in error["message"]
    assert 1 <= int(response.headers["Retry-After"]) <= 60


def test_the_default_is_a_limit_and_it_parses():
    from limits import parse_many

    assert parse_many(default_config.RATE_LIMITS)


def test_the_fourth_chat_in_a_minute_is_429_in_the_contract_shape(limited_app):
    client = new_client(limited_app)
    for remaining in (2, 1, 0):
        response = client.post("/chat", json={"message": "what is dropout?"})
        assert response.status_code == 200
        assert response.headers["X-RateLimit-Limit"] == "3"
        assert response.headers["X-RateLimit-Remaining"] == str(remaining)
        assert "Retry-After" not in response.headers
    assert_rate_limited(client.post("/chat", json={"message": "what is dropout?"}))


def test_chat_and_calculators_share_one_budget(limited_app):
    client = new_client(limited_app)
    assert client.post("/chat", json={"message": "hello"}).status_code == 200
    assert client.post("/calc/conv", json=CONV).status_code == 200
    assert client.post("/calc/params", json={"kernel": 3, "in_channels": 3}).status_code == 200
    assert_rate_limited(client.post("/calc/conv", json=CONV))
    assert_rate_limited(client.post("/chat", json={"message": "hello"}))


def test_refused_requests_count_too(limited_app):
    """A script sending garbage is still a client using the service."""
    client = new_client(limited_app)
    for _ in range(3):
        assert client.post("/calc/conv", json={"input": "x"}).status_code == 422
    assert_rate_limited(client.post("/calc/conv", json=CONV))


def test_each_client_has_its_own_budget(limited_app):
    first, second = new_client(limited_app), new_client(limited_app)
    for _ in range(3):
        first.post("/calc/conv", json=CONV)
    assert_rate_limited(first.post("/calc/conv", json=CONV))
    assert second.post("/calc/conv", json=CONV).status_code == 200


@pytest.mark.parametrize("method, path", [
    ("GET", "/healthz"), ("GET", "/metrics"), ("GET", "/openapi.json"), ("GET", "/docs"),
    ("GET", "/widget.js"), ("GET", "/demo"), ("GET", "/kb/entries"),
    ("POST", "/slack/events"), ("POST", "/slack/commands"),
])
def test_other_routes_are_not_limited_even_for_a_client_out_of_budget(limited_app, method,
                                                                      path):
    client = new_client(limited_app)
    for _ in range(3):
        client.post("/calc/conv", json=CONV)
    assert_rate_limited(client.post("/calc/conv", json=CONV))
    for _ in range(6):
        with client.open(path, method=method) as response:
            assert response.status_code < 500 and response.status_code != 429, path
            if method == "GET":
                assert response.status_code == 200, path
            assert "X-RateLimit-Limit" not in response.headers


def test_size_limits_stay_4xx_under_rate_limits(limited_app):
    """Oversized bodies, messages and matrices are refused as before, never a 500."""
    big_body = "x" * (limited_app.config["MAX_CONTENT_LENGTH"] + 1)
    response = new_client(limited_app).post("/chat", data=big_body,
                                            content_type="application/json")
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "payload_too_large"

    message = "x" * (limited_app.config["MAX_MESSAGE_LENGTH"] + 1)
    response = new_client(limited_app).post("/chat", json={"message": message})
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "message_too_long"

    from service.calculators.eigen import MAX_MATRIX_SIZE

    size = MAX_MATRIX_SIZE + 1
    matrix = [[0.0] * size for _ in range(size)]
    response = new_client(limited_app).post("/calc/eigen", json={"matrix": matrix})
    assert 400 <= response.status_code < 500
    assert "matrix" in response.get_json()["error"]["fields"]


def test_the_budget_comes_back_when_the_window_ends(tmp_path):
    """Refused within the window (3 s, long enough for a busy machine), served after it."""
    app = build_app(tmp_path, RATE_LIMITS="2 per 3 seconds")
    client = new_client(app)
    started = time.monotonic()
    assert client.post("/calc/conv", json=CONV).status_code == 200
    assert client.post("/calc/conv", json=CONV).status_code == 200
    refused = client.post("/calc/conv", json=CONV)
    assert_rate_limited(refused)
    assert int(refused.headers["Retry-After"]) <= 3
    # Retry-After is whole seconds; poll rather than trust a sleep on a loaded machine.
    time.sleep(max(0.0, started + 2.5 - time.monotonic()))
    while client.post("/calc/conv", json=CONV).status_code == 429:
        assert time.monotonic() < started + 6, "still refused 6 s into a 3 s window"
        time.sleep(0.1)


@pytest.mark.parametrize("setting", ["", "   "])
def test_an_empty_setting_turns_limits_off(tmp_path, monkeypatch, setting):
    monkeypatch.setenv("TUTOR_RATE_LIMITS", setting)
    app = build_app(tmp_path)
    assert app.config["RATE_LIMITS"] == setting
    client = new_client(app)
    for _ in range(200):  # more than the default allows in a minute
        assert client.post("/calc/conv", json=CONV).status_code == 200
    assert "X-RateLimit-Limit" not in client.post("/chat", json={"message": "hi"}).headers


REDIS = ("127.0.0.1", 6379)


def redis_or_skip() -> str:
    """The local Redis's URI; skip when it is not running, except in CI where it must be."""
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must provide Redis on {REDIS[0]}:{REDIS[1]}: {error}")
        pytest.skip(f"start Redis on {REDIS[0]}:{REDIS[1]} to test shared limits ({error})")
    return f"redis://{REDIS[0]}:{REDIS[1]}/0"


def test_replicas_share_the_limit_through_redis(tmp_path):
    uri = redis_or_skip()
    replicas = [build_app(tmp_path / name, RATE_LIMITS="3 per minute",
                          RATELIMIT_STORAGE_URI=uri) for name in ("a", "b")]
    address = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    first, second = (new_client(app, address) for app in replicas)
    assert first.post("/calc/conv", json=CONV).status_code == 200
    assert second.post("/calc/conv", json=CONV).status_code == 200
    assert first.post("/chat", json={"message": "hello"}).status_code == 200
    assert_rate_limited(second.post("/calc/conv", json=CONV))
    assert_rate_limited(first.post("/calc/conv", json=CONV))
    other = new_client(replicas[1], address + "0")
    assert other.post("/calc/conv", json=CONV).status_code == 200


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget(tmp_path):
    from service import create_app

    app = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "s.sqlite3"),
                      "RATE_LIMITS": "2 per minute", "PROXY_COUNT": 1})
    client = app.test_client()
    body = {"input": 8, "kernel": 3}

    def post(forwarded_for):
        return client.post("/calc/conv", json=body,
                           headers={"X-Forwarded-For": forwarded_for}).status_code

    assert [post("10.0.0.1") for _ in range(3)] == [200, 200, 429]
    assert post("10.0.0.2") == 200
