"""The embeddable chat widget: its script, the pages that show it, and who may call the tutor.

`/` is the front door (what the tutor is, where to go next, the widget to try), `/demo` a
course page that embeds the widget as a course site would.

A course site adds `<script src="https://TUTOR_HOST/widget.js" defer></script>`; the script
runs on the course site's origin and calls `/chat` and `/feedback` across origins. Those two
endpoints send CORS headers only to the origins in `ALLOWED_ORIGINS`, and a browser request
from any other origin is refused outright with 403 (a browser would hide the answer anyway,
but refusing means the tutor does no work for pages it does not serve). Requests without an
`Origin` header (scripts, curl, Slack) are not browsers' cross-origin calls and pass.
"""

from pathlib import Path

from flask import current_app, render_template, request, send_from_directory, url_for
from flask_cors import CORS
from flask_smorest import Blueprint

from service.channels.web.origins import ANY, origin_allowed, parse_allowed_origins
from service.errors import TutorError

bp = Blueprint("widget", __name__, description="The chat widget for course sites.")

STATIC = Path(__file__).resolve().parents[2] / "static"
# Endpoints a page on another origin may call (flask-cors resources, and the 403 guard).
BROWSER_ENDPOINTS = {"/chat": "chat.answer_message", "/feedback": "feedback.record_feedback"}
WIDGET_MAX_AGE = 300  # seconds: a new widget reaches course sites within minutes


class OriginNotAllowed(TutorError):
    status = 403
    code = "origin_not_allowed"


@bp.record_once
def init_cross_origin(state) -> None:
    """Read `ALLOWED_ORIGINS` (failing start-up on a bad entry) and set up CORS for browsers."""
    app = state.app
    allowed = parse_allowed_origins(app.config["ALLOWED_ORIGINS"])
    app.extensions["allowed_origins"] = allowed
    CORS(app, resources={path: {} for path in BROWSER_ENDPOINTS},
         origins=[".*"] if allowed == (ANY,) else list(allowed), methods=["POST"],
         allow_headers=["Content-Type"], max_age=600, always_send=False)


@bp.before_app_request
def refuse_other_origins():
    """Answer 403 to a browser's POST to /chat or /feedback from an origin not allowed."""
    origin = request.headers.get("Origin")
    if (origin is None or request.method != "POST"
            or request.endpoint not in BROWSER_ENDPOINTS.values()):
        return
    own = request.host_url.rstrip("/")
    if not origin_allowed(origin, current_app.extensions["allowed_origins"], own):
        raise OriginNotAllowed(f"Pages on {origin} may not use this tutor; the service's "
                               "ALLOWED_ORIGINS setting lists the sites that may.")


@bp.get("/widget.js")
@bp.doc(responses={"200": {"description": "The widget's script (it carries its own styles).",
                           "content": {"text/javascript": {}}}})
def get_widget_script():
    """The chat widget: one script that adds a launcher button and a chat panel to a page."""
    response = send_from_directory(STATIC, "widget.js", mimetype="text/javascript",
                                   max_age=WIDGET_MAX_AGE)
    # Pages that isolate themselves (Cross-Origin-Embedder-Policy) may still load it.
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/demo")
@bp.doc(responses={"200": {"description": "An HTML page.", "content": {"text/html": {}}}})
def get_demo_page():
    """A course page that embeds the widget, as a course site would."""
    return send_from_directory(STATIC, "demo.html", mimetype="text/html", max_age=0)


@bp.get("/")
@bp.doc(responses={"200": {"description": "An HTML page.", "content": {"text/html": {}}}})
def get_front_page():
    """The front door: what the tutor is, links to the demo, the API docs and health."""
    knowledge_base = current_app.extensions["knowledge_base"]
    widget = url_for("widget.get_widget_script")
    return render_template(
        "front.html", entries=len(knowledge_base), version=knowledge_base.version,
        demo_url=url_for("widget.get_demo_page"), docs_url=url_for("api-docs.openapi_swagger_ui"),
        openapi_url=url_for("api-docs.openapi_json"), health_url=url_for("health.get_health"),
        widget_path=widget, widget_url=url_for("widget.get_widget_script", _external=True))
