"""`/admin/*`: for instructors. Off (404) unless `TUTOR_ADMIN_TOKEN` is set; then every request
needs `Authorization: Bearer <token>` (401 otherwise), compared in constant time."""

from __future__ import annotations

import hmac

from flask import Response, current_app, request
from flask_smorest import Blueprint

from service.channels.api.schemas import admin as schemas
from service.channels.api.schemas.errors import ErrorResponseSchema
from service.errors import NotFoundError, TutorError
from service.knowledge.loading import KnowledgeBaseError
from service.operations import reload, report

bp = Blueprint("admin", __name__, url_prefix="/admin",
               description="For instructors: what students asked, and reloading knowledge.")

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "markdown": "text/markdown; charset=utf-8"}
ERROR = ErrorResponseSchema  # the contract's error shape, declared on each error response
UNANSWERED_200 = "JSON here; `format=csv` or `format=markdown` returns text."


class Unauthorized(TutorError):
    status = 401
    code = "unauthorized"


class KnowledgeBaseInvalid(TutorError):
    status = 422
    code = "invalid_knowledge_base"


@bp.before_request
def require_token():
    """404 when no token is configured (the routes do not exist), 401 for a wrong one."""
    token = current_app.config.get("ADMIN_TOKEN")
    if not token:
        raise NotFoundError("The requested URL was not found on the server.")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), str(token).encode()):
        raise Unauthorized("A valid admin token is required (Authorization: Bearer <token>).",
                           {"Authorization": ["Missing or wrong bearer token."]})


@bp.get("/unanswered")
@bp.arguments(schemas.UnansweredQuerySchema(), location="query")
@bp.response(200, schemas.UnansweredResponseSchema, description=UNANSWERED_200)
@bp.alt_response(200, schema={"type": "string"}, content_type="text/csv",
                 description=UNANSWERED_200, success=True)
@bp.alt_response(200, schema={"type": "string"}, content_type="text/markdown",
                 description=UNANSWERED_200, success=True)
@bp.alt_response(401, schema=ERROR, description="Missing or wrong bearer token.")
@bp.alt_response(404, schema=ERROR,
                 description="Admin routes are off: no TUTOR_ADMIN_TOKEN configured.")
def list_unanswered(query):
    """Unanswered and unsure questions grouped by similarity, newest group first."""
    questions = current_app.extensions["records"].questions(since=query.get("since"))
    groups = report.group_questions(questions, current_app.extensions["tutor"].matcher)
    groups = groups[:query["limit"]]
    rendered = report.render(groups, query["format"])
    if isinstance(rendered, str):
        # content_type, not mimetype: werkzeug would append a second "; charset=utf-8"
        return Response(rendered, content_type=MEDIA_TYPES[query["format"]])
    return rendered


@bp.post("/reload")
@bp.response(200, schemas.ReloadResponseSchema, description="Reloaded in this process.")
@bp.alt_response(202, schema=schemas.ReloadResponseSchema,
                 description="Valid; the gunicorn master is replacing every worker.")
@bp.alt_response(401, schema=ERROR, description="Missing or wrong bearer token.")
@bp.alt_response(404, schema=ERROR,
                 description="Admin routes are off: no TUTOR_ADMIN_TOKEN configured.")
@bp.alt_response(422, schema=ERROR, description="A file is broken (fields name "
                 "file:entry:field); the old knowledge base keeps serving.")
def reload_knowledge():
    """Reload `knowledge/` in every worker; 422 listing the problems when a file is broken
    (the old knowledge base keeps serving)."""
    app = current_app._get_current_object()
    try:
        if app.config.get("RELOAD_SIGNALS_MASTER"):
            knowledge_base = reload.load_knowledge_base(app.config["KNOWLEDGE_DIR"])
            reload.signal_master()
            status = 202
        else:
            knowledge_base = reload.reload_knowledge(app)
            status = 200
    except KnowledgeBaseError as error:
        problems = reload.problems_of(error)
        fields = {}
        for p in problems:
            where = ":".join(filter(None, (p["file"], p["entry_id"], p["field"])))
            fields.setdefault(where, []).append(p["message"])
        raise KnowledgeBaseInvalid(
            f"The knowledge base has {len(problems)} problem(s); the old one keeps serving.",
            fields) from None
    return {"status": "reloading" if status == 202 else "reloaded",
            "entries": len(knowledge_base), "knowledge_version": knowledge_base.version}, status
