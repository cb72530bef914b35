"""Signed question ids: what a question travels in, timestamped, and refused when stale or altered.

One small place decides what leaves the service: an itsdangerous token holding only what the
prompt shows anyway (a generator and its numbers, or a multiple-choice key).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

from service.core.practice.errors import QuestionExpired, QuestionNotFound

SALT = "dl-tutor.practice.v1"


class QuestionSigner:
    """Signs question payloads into URL-safe ids and opens them again, refusing stale ones."""

    def __init__(self, secret_key: str | bytes, ttl_seconds: float,
                 clock: Callable[[], float] = time.time):
        # itsdangerous reads the time through the signer; a subclass lets tests move the clock
        signer = type("ClockedTimestampSigner", (TimestampSigner,),
                      {"get_timestamp": lambda _self: int(clock())})
        self.serializer = URLSafeTimedSerializer(secret_key, salt=SALT, signer=signer)
        self.ttl_seconds = ttl_seconds

    def sign(self, payload: dict) -> str:
        """Return the id for a payload (which must hold nothing the student may not see)."""
        return self.serializer.dumps(payload)

    def open(self, token: str) -> dict:
        """Return the payload of an id; raises QuestionExpired or QuestionNotFound."""
        try:
            payload = self.serializer.loads(token, max_age=self.ttl_seconds)
        except SignatureExpired:
            problem = (f"This question is older than {self.ttl_seconds:g} seconds and has "
                       "expired; ask for a new one.")
            raise QuestionExpired(problem, {"id": [problem]}) from None
        except BadSignature:
            raise not_found() from None
        if not isinstance(payload, dict):
            raise not_found()
        return payload


def not_found() -> QuestionNotFound:
    problem = "Not a question this service asked (or the id was altered)."
    return QuestionNotFound(problem, {"id": [problem]})
