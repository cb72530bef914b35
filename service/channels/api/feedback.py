"""`POST /feedback`: a student's thumbs up or down on one of the tutor's replies.

The store is the app's records layer (`service.operations.records.init_records`, called by
create_app).
"""

from flask import current_app
from flask_smorest import Blueprint

from service.channels.api.schemas import examples
from service.channels.api.schemas import feedback as schemas
from service.errors import TutorError

bp = Blueprint("feedback", __name__, description="Ratings of the tutor's replies.")


class FeedbackMessageTooLong(TutorError):
    status = 422
    code = "validation_error"


@bp.post("/feedback")
@bp.arguments(schemas.FeedbackRequestSchema(), example=examples.FEEDBACK)
@bp.response(201, schemas.FeedbackResponseSchema)
def record_feedback(request):
    """Keep a rating ("up" or "down") of the reply to `message` in session `session_id`."""
    limit = current_app.config["MAX_MESSAGE_LENGTH"]
    if len(request["message"]) > limit:
        raise FeedbackMessageTooLong(
            f"The request is not valid: message: Longer than {limit} characters.",
            {"message": [f"Longer than {limit} characters."]})
    return current_app.extensions["feedback"].record(**request).to_dict()
