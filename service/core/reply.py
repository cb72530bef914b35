"""What the tutor says back: one Reply that every channel renders in its own way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from service.core.matcher import Match

KINDS = ("answer", "calculation", "clarify", "fallback")
MAX_SUGGESTIONS = 3


@dataclass
class Reply:
    """What the tutor says back; channels only render it."""

    kind: str
    reply: str
    session_id: str
    entry_id: str | None = None
    confidence: float = 0.0
    suggestions: list[Match] = field(default_factory=list)
    calculation: dict[str, Any] | None = None
    practice: dict[str, Any] | None = None  # a practice question asked, or graded (`result`)
    # Not a question the tutor failed on (a greeting, help, ending practice): records and the
    # fallback rate leave it out. Not part of the contract's reply.
    small_talk: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the reply in the contract's shape (plus `calculation` for calculations)."""
        data = {
            "kind": self.kind, "reply": self.reply, "entry_id": self.entry_id,
            "confidence": round(self.confidence, 4),
            "suggestions": [s.to_dict() for s in self.suggestions[:MAX_SUGGESTIONS]],
            "session_id": self.session_id,
        }
        if self.calculation is not None:
            data["calculation"] = self.calculation
        if self.practice is not None:
            data["practice"] = self.practice
        return data
