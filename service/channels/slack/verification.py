"""Is a request from Slack? Its v0 signature and timestamp, checked with slack_sdk's
`SignatureVerifier`, and (where asked) a signature refused when it comes a second time.

Separate from reading the body (reading.py): nothing in a request is read before it is
verified, and this is the one check that answers 401.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping

from slack_sdk.signature import Clock, SignatureVerifier

from service.channels.slack.seen import SeenStore
from service.errors import TutorError


class SlackSignatureError(TutorError):
    """The request is not provably from Slack: unsigned, wrongly signed, stale or replayed."""

    status = 401
    code = "invalid_signature"


class _CallableClock(Clock):
    """slack_sdk's clock interface over a plain `time.time`-like function (tests inject one)."""

    def __init__(self, now: Callable[[], float]):
        self._now = now

    def now(self) -> float:
        return self._now()


_UNIX_TIME = re.compile(r"\d{1,12}")


class RequestVerifier:
    """Checks Slack's v0 signature with slack_sdk's `SignatureVerifier` (constant-time compare,
    five-minute window) and, where asked, refuses a signature it has already accepted."""

    SIGNATURE = "X-Slack-Signature"
    TIMESTAMP = "X-Slack-Request-Timestamp"
    WINDOW_SECONDS = 5 * 60  # slack_sdk's window; only used to say *why* a request was refused

    def __init__(self, signing_secret: str, clock: Callable[[], float] = time.time,
                 seen: SeenStore | None = None):
        self.clock = clock
        self.seen = seen
        self._verifier = SignatureVerifier(signing_secret, clock=_CallableClock(clock))

    def verify(self, body: bytes, headers: Mapping[str, str], once: bool = False) -> None:
        """Return when `body` was signed by Slack within the window; raise SlackSignatureError.

        With `once`, a signature seen before is a replay and refused too. Events do not use it:
        an event that arrives twice is acknowledged again and answered once (by event id).
        """
        signature = headers.get(self.SIGNATURE)
        timestamp = headers.get(self.TIMESTAMP)
        if not signature or not timestamp:
            missing = [name for name, value in ((self.SIGNATURE, signature),
                                                (self.TIMESTAMP, timestamp)) if not value]
            raise SlackSignatureError("The request is not signed by Slack.",
                                      {name: ["Missing."] for name in missing})
        if not _UNIX_TIME.fullmatch(timestamp):
            raise SlackSignatureError("The request's timestamp is not a Unix time.",
                                      {self.TIMESTAMP: ["Not a Unix time in seconds."]})
        if not self._verifier.is_valid(body=body, timestamp=timestamp, signature=signature):
            if abs(self.clock() - int(timestamp)) > self.WINDOW_SECONDS:
                raise SlackSignatureError("The request is too old (or from the future).",
                                          {self.TIMESTAMP: ["Not within five minutes of now."]})
            raise SlackSignatureError("The request's signature does not match.",
                                      {self.SIGNATURE: ["Does not match the body."]})
        if once and self.seen is not None and not self.seen.first_time("sig:" + signature):
            raise SlackSignatureError("The request has been received before (a replay).",
                                      {self.SIGNATURE: ["Already used."]})
