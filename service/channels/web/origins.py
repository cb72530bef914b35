"""Which web pages may talk to the tutor from a browser: the `ALLOWED_ORIGINS` setting.

A course site embeds the widget from its own origin, so its requests to /chat are
cross-origin, and the browser only hands the answer to the page when the service names that
origin in its CORS headers. Origins are compared as browsers send them in the `Origin`
header: lowercase scheme and host, no default port, no trailing slash.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

ANY = "*"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_origin(origin: str) -> str:
    """Return `origin` as a browser would send it ("https://host[:port]").

    Raises ValueError when it is not an http(s) origin: a path, query, user name or a
    missing host means it was copied from a URL rather than meant as an origin.
    """
    text = origin.strip()
    try:
        parts = urlsplit(text.removesuffix("/"))
        port = parts.port
    except ValueError as error:
        raise ValueError(f"{origin!r} is not an origin (scheme://host[:port]): {error}") from None
    if (parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname or parts.path
            or parts.query or parts.fragment or parts.username is not None):
        raise ValueError(f"{origin!r} is not an origin (scheme://host[:port])")
    scheme = parts.scheme.lower()
    host = parts.hostname.lower()
    if ":" in host:  # an IPv6 literal keeps its brackets in an origin
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def parse_allowed_origins(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Return the configured origins, normalised; ("*",) when any origin is allowed.

    `value` is a comma-separated string (as `TUTOR_ALLOWED_ORIGINS` arrives) or a list.
    Raises ValueError naming the setting and the bad entry, so that a typo stops the service
    at start-up instead of silently shutting out the course site.
    """
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    origins: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise ValueError(f"ALLOWED_ORIGINS: {item!r} is not a string")
        if not item.strip():
            continue
        if item.strip() == ANY:
            return (ANY,)
        try:
            origin = normalise_origin(item)
        except ValueError as error:
            raise ValueError(f"ALLOWED_ORIGINS: {error}") from None
        if origin not in origins:
            origins.append(origin)
    return tuple(origins)


def origin_allowed(origin: str, allowed: tuple[str, ...], own_origin: str) -> bool:
    """Whether a request sent with the `Origin` header `origin` may have an answer.

    The service's own pages (`own_origin`) always may; "null" (a sandboxed frame or a file)
    and anything unreadable may not, unless every origin is allowed.
    """
    if ANY in allowed:
        return True
    try:
        origin = normalise_origin(origin)
    except ValueError:
        return False
    if origin in allowed:
        return True
    try:
        return origin == normalise_origin(own_origin)
    except ValueError:  # a Host header that makes no origin matches nothing
        return False
