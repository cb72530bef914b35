"""Students' thumbs up / down on the tutor's answers, kept by the records layer.

Ratings tell the instructors which answers help and which questions the knowledge base
misses. The store has two operations, `record` and `list`; since issue 8 it is
`service.operations.records.Records` itself (SQLAlchemy, SQLite or PostgreSQL, schema by Alembic),
and this module keeps the names callers and tests used: a SQLite file, created on first use.
"""

from __future__ import annotations

import time
from pathlib import Path

from service.operations.records import RATINGS, Feedback, Records, sqlite_url

__all__ = ["RATINGS", "Feedback", "SqliteFeedbackStore"]


class SqliteFeedbackStore(Records):
    """Feedback in a SQLite file, created on first use: merely building one writes nothing."""

    def __init__(self, path: str | Path, clock=time.time):
        super().__init__(sqlite_url(path), clock)
