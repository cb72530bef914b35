"""`/admin`: the instructors' dashboard, a web page behind a sign-in with the admin token.

Off (404) unless `TUTOR_ADMIN_TOKEN` is set, as the admin API is. Signing in keeps a
fingerprint of the token (an HMAC under the app's secret key, never the token itself) in
Flask's signed session cookie: HttpOnly, SameSite=Strict, sent to /admin only, and good for
`ADMIN_SESSION_SECONDS` after sign-in; changing the token signs everybody out. Every form
carries the session's CSRF token and every POST is refused without it (SameSite=Strict
already keeps the cookie off other sites' requests; the token does not rely on the browser).
Pages go out with a Content-Security-Policy that allows only this service's own stylesheet
and script (and, by nonce, the charts' style elements), and are never cached.

A plain Flask blueprint, not in /openapi.json: it serves HTML for people, not JSON.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, date, datetime, timedelta

from flask import (
    Blueprint,
    Response,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from marshmallow import ValidationError

from service.channels.api.schemas.admin import DashboardQuerySchema
from service.channels.unicode_math import plain_label
from service.errors import NotFoundError, TutorError, flatten_messages
from service.operations import dashboard
from service.operations.daily import FLUSH_SECONDS

bp = Blueprint("admin_dashboard", __name__, url_prefix="/admin")

SESSION_SECONDS = 8 * 3600
CSP = ("default-src 'none'; style-src 'self' 'nonce-{nonce}'; script-src 'self'; "
       "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
class FilterInvalid(TutorError):
    status = 422
    code = "validation_error"


WRONG_TOKEN = "That is not the admin token. Check TUTOR_ADMIN_TOKEN and try again."
EXPIRED_FORM = "This form has expired. Reload the page and try again."


def init_app(app) -> None:
    """Configure the session cookie for the dashboard and register its blueprint.

    Nothing else in the service uses Flask's session, so its cookie can be the dashboard's
    alone. Also sets how often reply counts are written (`DAILY_FLUSH_SECONDS`).
    """
    lifetime = float(app.config.get("ADMIN_SESSION_SECONDS", SESSION_SECONDS))
    app.config.update(SESSION_COOKIE_NAME="tutor_admin", SESSION_COOKIE_PATH="/admin",
                      SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
                      SESSION_REFRESH_EACH_REQUEST=False,  # expires after sign-in, not idling
                      PERMANENT_SESSION_LIFETIME=timedelta(seconds=lifetime))
    records = app.extensions.get("records")
    if records is not None:
        records.daily.flush_seconds = float(app.config.get("DAILY_FLUSH_SECONDS", FLUSH_SECONDS))
    app.register_blueprint(bp)


@bp.before_request
def require_configured_token():
    """404 when no admin token is configured: the dashboard does not exist."""
    if not current_app.config.get("ADMIN_TOKEN"):
        raise NotFoundError("The requested URL was not found on the server.")
    g.csp_nonce = secrets.token_urlsafe(16)


@bp.after_request
def protect_page(response: Response) -> Response:
    """No caching, no framing, no resources but the service's own."""
    response.headers["Content-Security-Policy"] = CSP.format(nonce=g.get("csp_nonce", "none"))
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


@bp.get("")
def show_dashboard():
    """The dashboard when signed in, else the sign-in form (and nothing else)."""
    if not signed_in():
        return _page("admin/sign_in.html")
    query = _filter()
    app = current_app
    data = dashboard.build(app.extensions["records"], app.extensions["tutor"],
                           app.extensions["knowledge_base"], query.get("since"),
                           query["sort"], g.csp_nonce)
    return _page("admin/dashboard.html", **data)


@bp.post("/sign-in")
def sign_in():
    """Check the token from the form: the dashboard (303) when right, the form again with an
    error (401) when wrong."""
    if not _csrf_ok():
        return _page("admin/sign_in.html", error=EXPIRED_FORM, status=400)
    given = request.form.get("token", "").strip()
    if not hmac.compare_digest(given.encode(), str(current_app.config["ADMIN_TOKEN"]).encode()):
        return _page("admin/sign_in.html", error=WRONG_TOKEN, status=401)
    session.clear()  # a fresh session (and CSRF token) for the signed-in instructor
    session.permanent = True
    session["admin"] = _fingerprint()
    return redirect(url_for(".show_dashboard"), 303)


@bp.post("/sign-out")
def sign_out():
    """Forget the session and go back to the sign-in form."""
    if not _csrf_ok():
        return _page("admin/sign_in.html", error=EXPIRED_FORM, status=400)
    session.clear()
    return redirect(url_for(".show_dashboard"), 303)


@bp.get("/drafts/<int:group_id>.yaml")
def download_draft(group_id: int):
    """The draft entry of the unanswered group holding question `group_id`, as a file."""
    if not signed_in():
        return _page("admin/sign_in.html", status=401)
    query = _filter()
    app = current_app
    draft = dashboard.draft_for(app.extensions["records"], app.extensions["tutor"],
                                app.extensions["knowledge_base"], group_id, query.get("since"))
    if draft is None:
        raise NotFoundError(f"No unanswered group holds question {group_id} in this period.")
    return Response(draft.yaml, content_type="application/yaml; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{draft.filename}"'})


@bp.app_template_filter("day")
def format_day(day: date) -> str:
    """"Nov 3, 2026"."""
    return f"{day:%b} {day.day}, {day.year}"


@bp.app_template_filter("iso")
def format_iso(timestamp: float) -> str:
    """A Unix time as ISO 8601 in UTC, for `<time datetime>`."""
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


@bp.app_template_filter("when")
def format_when(timestamp: float) -> str:
    """A Unix time for people: "2026-11-03 14:05 UTC"."""
    return f"{datetime.fromtimestamp(timestamp, UTC):%Y-%m-%d %H:%M} UTC"


@bp.app_template_filter("plain")
def format_plain(markdown: str) -> str:
    """An entry's Markdown question as one line of plain text, its maths in Unicode."""
    return plain_label(markdown, 160)


def signed_in() -> bool:
    """Whether this browser signed in with the admin token configured now."""
    return hmac.compare_digest(str(session.get("admin", "")), _fingerprint())


def _fingerprint() -> str:
    """An HMAC of the configured token: what a session remembers instead of the token."""
    key = str(current_app.config["SECRET_KEY"]).encode()
    token = str(current_app.config["ADMIN_TOKEN"]).encode()
    return hmac.new(key, b"tutor-admin:" + token, hashlib.sha256).hexdigest()


def _filter() -> dict:
    """The query string's filter; 422 naming the field when it is not one."""
    try:
        return DashboardQuerySchema().load(request.args)
    except ValidationError as error:
        fields = flatten_messages(error.messages)
        raise FilterInvalid("The request is not valid: " + "; ".join(
            f"{k}: {' '.join(v)}" for k, v in fields.items()), fields) from None


def _csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def _csrf_ok() -> bool:
    """Whether the form carries this session's CSRF token (a session without one has none)."""
    expected = session.get("csrf")
    given = request.form.get("csrf_token", "")
    return bool(expected) and hmac.compare_digest(str(expected).encode(), given.encode())


def _page(template: str, status: int = 200, **context):
    return render_template(template, csrf_token=_csrf_token(), signed_in=signed_in(),
                           nonce=g.csp_nonce, **context), status
