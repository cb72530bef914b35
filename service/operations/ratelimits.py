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

In memory the counters are `WindowCounters`, not limits' own `memory://` storage: that one
expires its counters from a timer thread it starts anew every 10 ms under traffic, which cost
about 1 ms per limited request (more under gunicorn, where starting a thread waits for the GIL).
"""

from __future__ import annotations

import threading
import time

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits.storage import Storage

LIMITED_BLUEPRINTS = ("chat", "calc")
MESSAGE = "Too many requests from this client; try again after the Retry-After seconds."
MEMORY = "memory://"
SWEEP_EVERY = 1024  # increments between two sweeps of expired windows


class WindowCounters(Storage):
    """Fixed-window counters in this process's memory (`tutor-memory://`), for Flask-Limiter's
    default fixed-window strategy.

    A window that has ended counts as empty when it is next read, and every SWEEP_EVERY
    increments drop the ended ones, so memory holds about the clients of the current window and
    no thread is needed.
    """

    STORAGE_SCHEME = ["tutor-memory"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._windows: dict[str, list[float]] = {}  # key -> [count, end of the window]
        self._lock = threading.Lock()
        self._increments = 0

    @property
    def base_exceptions(self) -> type[Exception]:
        return ValueError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add `amount` to the key's window, starting one of `expiry` seconds if none is open;
        return the count."""
        now = time.time()
        with self._lock:
            window = self._windows.get(key)
            if window is None or window[1] <= now:
                window = self._windows[key] = [0, now + expiry]
            window[0] += amount
            self._increments += 1
            if self._increments % SWEEP_EVERY == 0:
                self._windows = {k: w for k, w in self._windows.items() if w[1] > now}
            return int(window[0])

    def get(self, key: str) -> int:
        """The count in the key's open window (0 when none is open)."""
        window = self._windows.get(key)
        return int(window[0]) if window is not None and window[1] > time.time() else 0

    def get_expiry(self, key: str) -> float:
        """When the key's window ends (now when none is open)."""
        window = self._windows.get(key)
        now = time.time()
        return window[1] if window is not None and window[1] > now else now

    def check(self) -> bool:
        """Memory is always there."""
        return True

    def reset(self) -> int:
        """Forget every window; return how many there were."""
        with self._lock:
            count, self._windows = len(self._windows), {}
        return count

    def clear(self, key: str) -> None:
        """Forget the key's window."""
        with self._lock:
            self._windows.pop(key, None)


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

    storage = app.config.get("RATELIMIT_STORAGE_URI") or MEMORY
    if storage == MEMORY and app.config.get("RATELIMIT_STRATEGY", "fixed-window") == "fixed-window":
        storage = "tutor-memory://"  # the same counting, without limits' timer threads
    limiter = Limiter(
        get_remote_address,
        app=app,
        storage_uri=storage,
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
