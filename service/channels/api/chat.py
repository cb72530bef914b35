"""`POST /chat`: the tutor's conversation, as the widget and scripts use it."""

from flask import current_app
from flask_smorest import Blueprint

from service.channels.api.schemas import chat as schemas
from service.channels.api.schemas import examples
from service.channels.web.rendering import with_html
from service.errors import TutorError
from service.operations.observability import record_chat_reply

bp = Blueprint("chat", __name__, description="Talk to the tutor.")


class MessageTooLong(TutorError):
    status = 413
    code = "message_too_long"


@bp.post("/chat")
@bp.arguments(schemas.ChatRequestSchema(), example=examples.CHAT)
@bp.response(200, schemas.ChatResponseSchema)
def answer_message(request):
    """Answer a student's message: an entry, a calculation, a question back or a fallback."""
    limit = current_app.config["MAX_MESSAGE_LENGTH"]
    if len(request["message"]) > limit:
        raise MessageTooLong(f"The message is longer than {limit} characters.",
                             {"message": [f"Longer than {limit} characters."]})
    tutor = current_app.extensions["tutor"]
    answered = tutor.respond(request["message"], request["session_id"])
    record_chat_reply("small_talk" if answered.small_talk else answered.kind)
    reply = answered.to_dict()
    return with_html(reply, tutor.knowledge_base) if request["html"] else reply
