"""Request ids, JSON log lines and Prometheus metrics.

Every request gets an id: the caller's X-Request-ID when it is a sane token (so a proxy's or
the widget's id follows the request through our logs), a fresh one otherwise (so a crafted
header cannot inject text into log lines). The id is echoed in the response's X-Request-ID.

With `JSON_LOGS` on, every line the `service` loggers write is one JSON object with the
request id, and each request ends with one access line (method, path, status, duration_ms).
Request bodies are never logged: they hold students' messages.

`/metrics` serves Prometheus's text format. Under gunicorn each worker is its own process, so
when PROMETHEUS_MULTIPROC_DIR is set (service/gunicorn_conf.py sets it) the metrics are kept in
files there and `/metrics` adds up every worker's; without it, one process's own numbers.
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import sys
import time
from datetime import UTC, datetime

from flask import Flask, Response, current_app, g, has_request_context, request
from flask.logging import default_handler
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

REQUEST_ID_HEADER = "X-Request-ID"
# Letters, digits and a little punctuation, as UUIDs and proxies' ids are; nothing a log
# reader or terminal could misread.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
ACCESS_FIELDS = ("method", "path", "status", "duration_ms")
UNMATCHED_ROUTE = "<unmatched>"

access_log = logging.getLogger("service.access")


def request_id() -> str | None:
    """The current request's id (chosen on first use), or None outside a request."""
    if not has_request_context():
        return None
    if "request_id" not in g:
        supplied = request.headers.get(REQUEST_ID_HEADER, "")
        g.request_id = supplied if SANE_REQUEST_ID.fullmatch(supplied) else new_request_id()
    return g.request_id


def new_request_id() -> str:
    """A fresh id: 128 random bits as 32 hex digits, like a UUID's.

    From `random`, not os.urandom (uuid4): an id only has to be unique, not secret, and
    os.urandom is a system call that lets go of the GIL, so under gunicorn's threads every
    request waited its turn to get it back. `random` reseeds itself in each forked worker.
    """
    return f"{random.getrandbits(128):032x}"


class RequestIdFilter(logging.Filter):
    """Put the current request's id on every record as `request_id` (None outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id and access fields."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if getattr(record, "request_id", None):
            line["request_id"] = record.request_id
        for name in ACCESS_FIELDS:
            if hasattr(record, name):
                line[name] = getattr(record, name)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class StderrHandler(logging.StreamHandler):
    """Write to whatever `sys.stderr` is at the time, unless given a stream with setStream."""

    def __init__(self) -> None:
        self._stream = None
        super().__init__()

    @property
    def stream(self):
        return self._stream or sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        self._stream = None if value is sys.stderr else value


def configure_json_logs(logger_name: str) -> StderrHandler:
    """Send `logger_name`'s records (and its children's) to stderr as JSON lines.

    Replaces the handler a previous app installed, so building several apps in one process
    (tests, the CLI) does not print every line several times.
    """
    logger = logging.getLogger(logger_name)
    for handler in list(logger.handlers):
        if isinstance(handler, StderrHandler) or handler is default_handler:
            logger.removeHandler(handler)
    handler = StderrHandler()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return handler


def remove_json_logs(logger_name: str) -> None:
    """Take away the JSON handler a previous app in this process installed."""
    logger = logging.getLogger(logger_name)
    for handler in list(logger.handlers):
        if isinstance(handler, StderrHandler):
            logger.removeHandler(handler)


class Metrics:
    """The service's Prometheus metrics, in `registry` (or in the multiprocess files)."""

    def __init__(self, registry: CollectorRegistry | None) -> None:
        self.requests = Counter(
            "tutor_http_requests_total", "HTTP requests answered, by route and status.",
            ["method", "route", "status"], registry=registry)
        self.latency = Histogram(
            "tutor_http_request_duration_seconds", "Time to answer a request, by route.",
            ["method", "route", "status"], registry=registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0))
        self.replies = Counter(
            "tutor_chat_replies_total",
            "Chat replies by kind; fallback rate = fallback / sum over kinds.",
            ["kind"], registry=registry)
        self.kb_entries = Gauge(
            "tutor_knowledge_base_entries", "Entries in the knowledge base being served.",
            registry=registry, multiprocess_mode="livemax")
        self.kb_info = Gauge(
            "tutor_knowledge_base_info", "The knowledge base's version, as a label; always 1.",
            ["version"], registry=registry, multiprocess_mode="livemax")


def multiprocess_dir() -> str | None:
    """PROMETHEUS_MULTIPROC_DIR when set: metrics then live in files shared by the workers."""
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or os.environ.get(
        "prometheus_multiproc_dir") or None


def record_chat_reply(kind: str) -> None:
    """Count one chat reply of `kind` (answer, clarify, fallback, ...)."""
    current_app.extensions["tutor_metrics"].replies.labels(kind=kind).inc()


def init_observability(app: Flask) -> None:
    """Request ids, JSON logs (when `JSON_LOGS`), the access line, metrics and `/metrics`."""
    if app.config.get("JSON_LOGS", True):
        configure_json_logs(app.logger.name)
    else:
        remove_json_logs(app.logger.name)

    shared = multiprocess_dir()
    # In multiprocess mode the values go to files whatever registry holds the objects; a
    # private registry per app keeps several apps in one process (tests) from colliding.
    registry = CollectorRegistry(auto_describe=True)
    metrics = Metrics(None if shared else registry)
    app.extensions["tutor_metrics"] = metrics
    knowledge_base = app.extensions["knowledge_base"]
    metrics.kb_entries.set(len(knowledge_base))
    metrics.kb_info.labels(version=str(knowledge_base.version)).set(1)

    @app.before_request
    def start_timer():
        g.request_started = time.perf_counter()
        request_id()

    # (method, route, status) -> that label set's counter and histogram: looked up once, not
    # validated again by prometheus_client on every request. Routes are the app's URL rules,
    # so there are few.
    children: dict[tuple[str, str, str], tuple] = {}

    @app.after_request
    def finish_request(response: Response) -> Response:
        started = g.get("request_started", time.perf_counter())
        seconds = time.perf_counter() - started
        response.headers[REQUEST_ID_HEADER] = request_id()
        route = request.url_rule.rule if request.url_rule else UNMATCHED_ROUTE
        labels = (request.method, route, str(response.status_code))
        child = children.get(labels)
        if child is None:
            child = children[labels] = (metrics.requests.labels(*labels),
                                        metrics.latency.labels(*labels))
        child[0].inc()
        child[1].observe(seconds)
        if access_log.isEnabledFor(logging.INFO):
            access_log.info("%s %s %s", request.method, request.path, response.status_code,
                            extra={"method": request.method, "path": request.path,
                                   "status": response.status_code,
                                   "duration_ms": round(seconds * 1000, 2)})
        return response

    def get_metrics():
        """Prometheus's text format: every worker's totals when multiprocess mode is on."""
        if shared:
            collected = CollectorRegistry()
            multiprocess.MultiProcessCollector(collected, path=shared)
        else:
            collected = registry
        return Response(generate_latest(collected), mimetype=None,
                        headers={"Content-Type": CONTENT_TYPE_LATEST})

    app.add_url_rule("/metrics", "get_metrics", get_metrics, methods=["GET"])
