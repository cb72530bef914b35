"""`/practice/*`: practice questions, and grading the answers to them."""

from flask import current_app
from flask_smorest import Blueprint

from service.channels.api.schemas import examples
from service.channels.api.schemas import practice as schemas
from service.channels.api.schemas.errors import ErrorResponseSchema

bp = Blueprint("practice", __name__, url_prefix="/practice",
               description="Practice questions like the seed's, graded statement by statement "
                           "or against the calculators.")


def practice():
    """The practice service the tutor uses (one signing key for chat and HTTP)."""
    return current_app.extensions["tutor"].practice


@bp.get("/next")
@bp.arguments(schemas.PracticeNextQuerySchema(), location="query")
@bp.response(200, schemas.PracticeQuestionSchema)
@bp.alt_response(404, schema=ErrorResponseSchema,
                 description="No question matches the topic and kind.")
def next_question(query):
    """A multiple-choice question from the knowledge base or a fresh numeric one."""
    return practice().next_question(**query).to_dict()


@bp.post("/answer")
@bp.arguments(schemas.PracticeAnswerRequestSchema(),  # one instance, not one per request
              example=examples.PRACTICE_ANSWER)
@bp.response(200, schemas.PracticeAnswerResponseSchema)
@bp.alt_response(404, schema=ErrorResponseSchema,
                 description="An id this service did not issue, or an altered one.")
@bp.alt_response(410, schema=ErrorResponseSchema, description="The question has expired.")
def grade_answer(request):
    """Grade an answer: right or wrong, the expected answer, the solution and why."""
    return practice().grade(request["id"], request["answer"])
