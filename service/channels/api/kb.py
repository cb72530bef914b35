"""`/kb/*`: browse and search the knowledge base."""

from flask import current_app
from flask_smorest import Blueprint

from service.channels.api.schemas import kb as schemas
from service.channels.api.schemas.errors import ErrorResponseSchema

bp = Blueprint("kb", __name__, url_prefix="/kb", description="The knowledge base.")


def knowledge_base():
    """The knowledge base loaded by the factory."""
    return current_app.extensions["knowledge_base"]


@bp.get("/entries")
@bp.arguments(schemas.EntryListQuerySchema(), location="query")
@bp.response(200, schemas.EntryListResponseSchema)
def list_entries(query):
    """List entries (id, topic, question), optionally of one topic."""
    return {"entries": knowledge_base().by_topic(query.get("topic"))}


@bp.get("/entries/<entry_id>")
@bp.response(200, schemas.EntryResponseSchema)
@bp.alt_response(404, schema=ErrorResponseSchema, description="No entry with this id.")
def get_entry(entry_id):
    """One whole entry; 404 for an unknown id."""
    return knowledge_base().get(entry_id).to_dict()


@bp.get("/search")
@bp.arguments(schemas.SearchQuerySchema(), location="query")
@bp.response(200, schemas.SearchResponseSchema)
def search_entries(query):
    """Entries ranked by how well they match `q`, best first."""
    matcher = current_app.extensions["tutor"].matcher
    return {"results": [m.to_dict() for m in matcher.search(query["q"], query["limit"])]}
