"""`POST /feedback`: a student's thumbs up or down on one of the tutor's replies."""

from pathlib import Path

from flask import current_app
from flask_smorest import Blueprint

from service.errors import TutorError
from service.feedback import SqliteFeedbackStore
from service.schemas import feedback as schemas

bp = Blueprint("feedback", __name__, description="Ratings of the tutor's replies.")


class FeedbackMessageTooLong(TutorError):
    status = 422
    code = "validation_error"


@bp.record_once
def init_feedback_store(state) -> None:
    """Give the app its feedback store: a SQLite file beside the session database."""
    app = state.app
    if app.config["SESSION_DB"] == ":memory:":
        directory = Path(app.instance_path)
    else:
        directory = (Path(app.instance_path) / app.config["SESSION_DB"]).parent  # absolute wins
    app.extensions["feedback"] = SqliteFeedbackStore(directory / app.config["FEEDBACK_DB"])


@bp.post("/feedback")
@bp.arguments(schemas.FeedbackRequestSchema)
@bp.response(201, schemas.FeedbackResponseSchema)
def record_feedback(request):
    """Keep a rating ("up" or "down") of the reply to `message` in session `session_id`."""
    limit = current_app.config["MAX_MESSAGE_LENGTH"]
    if len(request["message"]) > limit:
        raise FeedbackMessageTooLong(
            f"The request is not valid: message: Longer than {limit} characters.",
            {"message": [f"Longer than {limit} characters."]})
    return current_app.extensions["feedback"].record(**request).to_dict()
