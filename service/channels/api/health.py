"""`GET /healthz`: for load balancers and the container's healthcheck."""

from flask import current_app
from flask_smorest import Blueprint
from marshmallow import Schema, fields

bp = Blueprint("health", __name__, description="Liveness.")


class HealthResponseSchema(Schema):
    status = fields.String(required=True)
    entries = fields.Integer()
    knowledge_version = fields.String()


@bp.get("/healthz")
@bp.response(200, HealthResponseSchema)
def get_health():
    """Say the service is up and which knowledge base it serves."""
    knowledge_base = current_app.extensions["knowledge_base"]
    return {"status": "ok", "entries": len(knowledge_base),
            "knowledge_version": knowledge_base.version}
