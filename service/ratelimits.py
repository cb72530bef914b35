"""Per-client rate limits on the expensive doors: `POST /chat` and `POST /calc/*`.

One budget per client address is shared by chat and the calculators, so a script cannot
double its allowance by alternating between them. Everything else (Slack, whose requests all
come from Slack's few addresses; health checks; metrics; docs; the widget's files) is not
limited here. The client is the remote address as gunicorn reports it, which already honours
`forwarded_allow_ips` for a trusted proxy's X-Forwarded-For.

Counters live in memory by default: each gunicorn worker then counts on its own, so a client
gets up to `workers x` the limit. `RATELIMIT_STORAGE_URI=redis://...` shares them between
workers and replicas. A 429 goes through the app's HTTPException handler (the contract's error
shape, code `rate_limited`) and carries Retry-After.
"""

from __future__ import annotations

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

LIMITED_BLUEPRINTS = ("chat", "calc")
MESSAGE = "Too many requests from this client; try again after the Retry-After seconds."


def init_rate_limits(app: Flask) -> Limiter | None:
    """Limit chat and calculators by `RATE_LIMITS` (Flask-Limiter notation); "" turns it off."""
    limits = (app.config.get("RATE_LIMITS") or "").strip()
    if not limits:
        app.extensions["tutor_limiter"] = None
        return None

    @app.after_request  # registered before Flask-Limiter's, so it runs after its headers
    def retry_after_only_on_429(response):
        """Flask-Limiter sends Retry-After with every limited answer; it means "wait" only here."""
        if response.status_code != 429:
            response.headers.pop("Retry-After", None)
        return response

    limiter = Limiter(
        get_remote_address,
        app=app,
        storage_uri=app.config.get("RATELIMIT_STORAGE_URI") or "memory://",
        headers_enabled=True,  # X-RateLimit-* on limited routes, Retry-After on the 429
        key_prefix="tutor",
        # A Redis outage should not take chat down with it: Flask-Limiter logs the error and
        # counts in memory until the storage answers again.
        swallow_errors=True,
        in_memory_fallback_enabled=True,
    )
    shared = limiter.shared_limit(limits, scope="tutor-api", methods=["POST"],
                                  error_message=MESSAGE)
    for name in LIMITED_BLUEPRINTS:
        shared(app.blueprints[name])
    app.extensions["tutor_limiter"] = limiter
    return limiter
