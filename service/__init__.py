"""The DL Tutor: a Flask service answering deep-learning course questions without an LLM."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, send_from_directory
from flask.json.provider import DefaultJSONProvider
from werkzeug.middleware.proxy_fix import ProxyFix

from service import config as default_config


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then `TUTOR_*` environment variables, then `config` on top.

    Raises `service.knowledge.loading.KnowledgeBaseError` when the knowledge base does not validate,
    so that a broken deployment refuses to start instead of serving half an answer set.
    """
    app = Flask(__name__)
    app.config.from_object(default_config)
    app.config.from_prefixed_env("TUTOR")
    if config:
        app.config.update(config)
    app.json = StrictJSONProvider(app)
    app.json.sort_keys = app.config["JSON_SORT_KEYS"]
    if app.config["PROXY_COUNT"]:
        # Behind that many trusted proxies, the client is who X-Forwarded-For says: rate limits
        # are per student, not per proxy.
        hops = int(app.config["PROXY_COUNT"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    # The app's parts are imported here rather than at the top: gunicorn's config module lives
    # in this package, so the master imports it, and prometheus_client (imported by the chat
    # and observability modules) must not be loaded there before on_starting has set
    # PROMETHEUS_MULTIPROC_DIR, or the workers' metrics would not add up.
    from service.operations.secret_key import init_secret_key

    init_secret_key(app)  # before init_knowledge: the tutor signs practice questions with it
    init_knowledge(app)
    from service.operations.records import init_records

    init_records(app)  # unanswered questions, ratings, hit counts; the tutor records into it
    api = register_blueprints(app)
    app.extensions["tutor_api"] = api
    from service.operations.observability import init_observability
    from service.operations.ratelimits import init_rate_limits

    init_observability(app)  # first, so that its request id and timer see every request
    init_rate_limits(app)
    from service.channels.api.errors import register_error_handlers

    register_error_handlers(app)
    return app


class StrictJSONProvider(DefaultJSONProvider):
    """JSON as the standard has it: a NaN or an infinity raises (the 500 handler logs it)
    instead of going out as a bare `NaN` or `Infinity` that strict parsers reject."""

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        kwargs.setdefault("allow_nan", False)
        return super().dumps(obj, **kwargs)


def init_knowledge(app: Flask) -> None:
    """Load and validate the knowledge base once, and index it for matching."""
    from service.core.dialogue import Tutor
    from service.operations.reload import load_or_last_good

    knowledge_base = load_or_last_good(app)  # the last good copy when told to keep one
    app.extensions["knowledge_base"] = knowledge_base
    app.extensions["tutor"] = Tutor.from_config(knowledge_base, session_store(app), app.config)


def session_store(app: Flask):
    """Where conversations live: Redis when `REDIS_URL` is set (replicas share no disk), else
    the `SESSION_DB` SQLite file (every worker on this machine), or memory for one process."""
    from service.core.sessions import (
        MemorySessionStore,
        RedisSessionStore,
        SqliteSessionStore,
        redis_prefix,
        shared_redis,
    )

    ttl = float(app.config["SESSION_TTL_SECONDS"])
    client = shared_redis(app)
    if client is not None:
        return RedisSessionStore(client, ttl_seconds=ttl, prefix=redis_prefix(app))
    if app.config["SESSION_DB"] == ":memory:":  # one process only: the CLI and some tests
        return MemorySessionStore(ttl_seconds=ttl)
    session_path = Path(app.instance_path) / app.config["SESSION_DB"]  # absolute wins
    return SqliteSessionStore(session_path, ttl_seconds=ttl)


def register_blueprints(app: Flask):
    """Create the OpenAPI-aware Api and register every area's blueprint on it."""
    import swagger_ui_bundle

    from service.channels.api import (
        admin,
        calc,
        chat,
        feedback,
        graphical,
        health,
        kb,
        practice,
    )
    from service.channels.api.errors import TutorApi
    from service.channels.web import routes as widget

    description = "LLM-free tutor for a deep-learning course."
    api = TutorApi(app, spec_kwargs={"info": {"description": description}})
    for module in (health, calc, kb, chat, feedback, widget, practice, graphical, admin):
        api.register_blueprint(module.bp)

    from service.channels.slack import routes as slack

    slack.init_app(app)  # a plain blueprint: /slack/* when a signing secret is configured
    from service.channels.api import admin_dashboard

    admin_dashboard.init_app(app)  # a plain blueprint: the instructors' web page at /admin

    assets = Path(swagger_ui_bundle.swagger_ui_path)

    @app.get("/docs/assets/<path:filename>")
    def swagger_ui_assets(filename: str):
        """Serve Swagger UI's files from the installed package, so /docs works offline."""
        return send_from_directory(assets, filename)

    return api
