"""Graphical models: drawn from factorisations, and the knowledge base's drawings as SVG."""

from flask import Response, current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from service.channels.api.schemas import examples
from service.channels.api.schemas import practice as schemas
from service.channels.api.schemas.errors import ErrorResponseSchema
from service.core import graphical
from service.errors import NotFoundError

bp = Blueprint("graphical", __name__, description="Directed graphical models from "
                                                  "factorisations, as DOT and SVG.")

SVG_HEADERS = {
    # nothing in our SVG runs or loads anything; say so, in case one is opened on its own
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
    # The chat widget shows the drawing in an <img> on the course site's origin. A plain <img>
    # needs neither header, but a site that isolates itself (Cross-Origin-Embedder-Policy)
    # needs CORP, and one that loads images with `crossorigin` (or fetches them) needs CORS.
    # The drawing is public course material and is sent without cookies, so any origin may.
    "Cross-Origin-Resource-Policy": "cross-origin",
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": "public, max-age=300",  # changes only with the knowledge base
}


@bp.route("/calc/graphical-model")
class GraphicalModel(MethodView):
    """`POST /calc/graphical-model`, beside the other calculators."""

    @bp.arguments(schemas.GraphicalModelRequestSchema(),
                  example=examples.GRAPHICAL_MODEL)
    @bp.response(200, schemas.GraphicalModelResponseSchema)
    def post(self, request):
        """Nodes, edges, DOT and SVG of the model that factorisations of p and q describe."""
        return graphical.build_graph(request["factorisations"])


@bp.get("/kb/entries/<entry_id>/graph.svg")
@bp.response(200, {"type": "string"}, content_type="image/svg+xml",
             description="The entry's graphical model, drawn like /calc/graphical-model's.")
@bp.alt_response(404, schema=ErrorResponseSchema,
                 description="No such entry, or it has no graph.")
def get_entry_graph(entry_id):
    """The drawing of an entry's `graph` (the seed's Q5); 404 if it has none."""
    entry = current_app.extensions["knowledge_base"].get(entry_id)
    if not entry.graph:
        raise NotFoundError(f"Entry {entry_id!r} has no graphical model to draw.")
    svg = graphical.to_svg(entry.graph["nodes"], entry.graph["edges"])
    return Response(svg, mimetype="image/svg+xml", headers=SVG_HEADERS)
