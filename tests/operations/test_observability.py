"""Request ids, JSON log lines and /metrics, read back the way a log shipper or Prometheus would."""

from __future__ import annotations

import io
import json
import logging

import pytest
from prometheus_client.parser import text_string_to_metric_families

from service import create_app
from service.operations.observability import StderrHandler

SECRET_MESSAGE = "my student number is 12345678, what is dropout?"


@pytest.fixture(scope="module")
def obs_app(tmp_path_factory):
    """An app with JSON logs and two extra routes that log and crash inside a request."""
    app = create_app({"TESTING": True, "RATE_LIMITS": "",
                      "SESSION_DB": str(tmp_path_factory.mktemp("obs") / "s.sqlite3")})

    @app.get("/_test/log")
    def log_something():
        logging.getLogger("service.test").warning("inside a request")
        return {"ok": True}

    @app.get("/_test/crash")
    def crash():
        raise RuntimeError("boom")

    return app


@pytest.fixture
def log_lines(obs_app):
    """The JSON handler's output during the test, as a function returning parsed lines."""
    handlers = [h for h in logging.getLogger("service").handlers if isinstance(h, StderrHandler)]
    assert len(handlers) == 1
    stream = io.StringIO()
    handlers[0].setStream(stream)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        handlers[0].setStream(None)


def metric_samples(client) -> dict[tuple, float]:
    """GET /metrics, parsed by prometheus_client's own parser: {(name, labels): value}."""
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.get_data(as_text=True)):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def test_a_request_id_is_generated_and_echoed(obs_app):
    client = obs_app.test_client()
    first = client.get("/healthz").headers["X-Request-ID"]
    second = client.get("/healthz").headers["X-Request-ID"]
    assert len(first) == 32 and int(first, 16) >= 0
    assert first != second


@pytest.mark.parametrize("supplied", ["abc-123", "0f8fad5b-d9cb-469f-a165-70867728950e",
                                      "trace.id:42_x"])
def test_a_sane_supplied_request_id_is_kept(obs_app, supplied):
    response = obs_app.test_client().get("/healthz", headers={"X-Request-ID": supplied})
    assert response.headers["X-Request-ID"] == supplied


@pytest.mark.parametrize("supplied", ['x", "level": "CRITICAL', "a b", "<script>", "-leading",
                                      "x" * 129, "é", ""])
def test_a_malicious_or_odd_request_id_is_replaced(obs_app, log_lines, supplied):
    response = obs_app.test_client().get("/_test/log", headers={"X-Request-ID": supplied})
    echoed = response.headers["X-Request-ID"]
    assert echoed != supplied and len(echoed) == 32
    assert all(line["request_id"] == echoed for line in log_lines())


def test_every_line_in_a_request_is_json_with_its_request_id(obs_app, log_lines):
    client = obs_app.test_client()
    response = client.get("/_test/log", headers={"X-Request-ID": "req-1"})
    assert response.headers["X-Request-ID"] == "req-1"
    inside, access = log_lines()
    assert inside["message"] == "inside a request"
    assert inside["level"] == "WARNING" and inside["logger"] == "service.test"
    assert inside["request_id"] == access["request_id"] == "req-1"
    assert inside["time"].endswith("+00:00")
    assert access["logger"] == "service.access" and access["level"] == "INFO"
    assert (access["method"], access["path"], access["status"]) == ("GET", "/_test/log", 200)
    assert 0 <= access["duration_ms"] < 10_000


def test_the_access_line_has_no_body_and_no_query(obs_app, log_lines):
    client = obs_app.test_client()
    client.post("/chat?who=12345678", json={"message": SECRET_MESSAGE})
    lines = log_lines()
    assert [line["path"] for line in lines if "path" in line] == ["/chat"]
    assert "12345678" not in json.dumps(lines)


def test_a_crash_is_one_json_line_with_the_traceback_and_request_id(obs_app, log_lines):
    response = obs_app.test_client().get("/_test/crash", headers={"X-Request-ID": "crash-1"})
    assert response.status_code == 500
    assert response.headers["X-Request-ID"] == "crash-1"
    error = next(line for line in log_lines() if line["level"] == "ERROR")
    assert error["request_id"] == "crash-1"
    assert "RuntimeError: boom" in error["exception"]


def test_lines_outside_a_request_have_no_request_id(obs_app, log_lines):
    logging.getLogger("service.test").warning("at start-up")
    (line,) = log_lines()
    assert line["message"] == "at start-up" and "request_id" not in line


def test_json_logs_can_be_turned_off(tmp_path):
    create_app({"TESTING": True, "JSON_LOGS": False, "SESSION_DB": str(tmp_path / "s.db")})
    try:
        handlers = logging.getLogger("service").handlers
        assert not any(isinstance(h, StderrHandler) for h in handlers)
    finally:  # put the module's app's handler back for the tests after this one
        create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "s.db")})


def test_metrics_count_requests_by_route_and_status(obs_app):
    client = obs_app.test_client()
    before = metric_samples(client)
    entry_id = client.get("/kb/entries").get_json()["entries"][0]["id"]
    for _ in range(3):
        client.get(f"/kb/entries/{entry_id}")
    client.get("/kb/entries/no-such-entry")
    client.get("/no/such/route")
    client.post("/calc/conv", json={"input": 32, "kernel": 3})
    after = metric_samples(client)

    def delta(name, **labels):
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0) - before.get(key, 0)

    route = "/kb/entries/<entry_id>"  # the URL rule, not the raw path
    assert delta("tutor_http_requests_total", method="GET", route=route, status="200") == 3
    assert delta("tutor_http_requests_total", method="GET", route=route, status="404") == 1
    assert delta("tutor_http_requests_total", method="GET", route="<unmatched>",
                 status="404") == 1
    assert delta("tutor_http_requests_total", method="POST", route="/calc/conv",
                 status="200") == 1
    assert delta("tutor_http_request_duration_seconds_count", method="GET", route=route,
                 status="200") == 3
    assert delta("tutor_http_request_duration_seconds_bucket", method="GET", route=route,
                 status="200", le="+Inf") == 3
    assert not any(f"/kb/entries/{entry_id}" in dict(labels).get("route", "")
                   for _, labels in after)


def test_metrics_count_chat_replies_by_kind_for_the_fallback_rate(obs_app):
    client = obs_app.test_client()
    before = metric_samples(client)
    messages = ["what is dropout?", "zxqv blorp wibble", "how do I bake bread?",
                "what is the output size of a 32x32 input with a 3x3 kernel?", "hello"]
    kinds = [client.post("/chat", json={"message": m}).get_json()["kind"] for m in messages]
    kinds[-1] = "small_talk"  # "hello" is a fallback to the client, not to the fallback rate
    after = metric_samples(client)
    counted = {dict(labels)["kind"]: value - before.get((name, labels), 0)
               for (name, labels), value in after.items() if name == "tutor_chat_replies_total"}
    counted = {kind: n for kind, n in counted.items() if n}
    assert counted == {kind: kinds.count(kind) for kind in set(kinds)}
    assert "fallback" in counted  # so that the rate below is about something
    assert counted["fallback"] / sum(counted.values()) == kinds.count("fallback") / len(kinds)


def test_metrics_describe_the_knowledge_base(obs_app):
    samples = metric_samples(obs_app.test_client())
    knowledge_base = obs_app.extensions["knowledge_base"]
    assert samples[("tutor_knowledge_base_entries", ())] == len(knowledge_base)
    assert samples[("tutor_knowledge_base_info",
                    (("version", str(knowledge_base.version)),))] == 1
