"""Students' thumbs up / down on the tutor's answers, kept in a small SQLite table.

Ratings tell the instructors which answers help and which questions the knowledge base
misses. The store has two operations, `record` and `list`, so that moving it to another
database later changes this module and nothing that calls it. Like the session store it is
one SQLite file in WAL mode, shared by every gunicorn worker, one connection per thread.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

RATINGS = ("up", "down")


@dataclass(frozen=True)
class Feedback:
    """One rating: which answer (session, entry), the question asked, and when (Unix time)."""

    id: int
    session_id: str
    entry_id: str | None
    message: str
    rating: str
    created: float

    def to_dict(self) -> dict:
        """Return the record as plain JSON-ready values."""
        return asdict(self)


class SqliteFeedbackStore:
    """Feedback in a SQLite file, created on first use: merely building an app writes nothing."""

    def __init__(self, path: str | Path, clock=time.time):
        self.path = Path(path)
        self.clock = clock
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        # One connection per thread: sqlite3 connections must not cross threads.
        db = getattr(self._local, "db", None)
        if db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS feedback ("
                       "id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, "
                       "entry_id TEXT, message TEXT NOT NULL, "
                       "rating TEXT NOT NULL CHECK (rating IN ('up', 'down')), "
                       "created REAL NOT NULL)")
            self._local.db = db
        return db

    def record(self, session_id: str, entry_id: str | None, message: str,
               rating: str) -> Feedback:
        """Store one rating and return it with its id and time.

        Raises ValueError for a rating other than "up" or "down" (the HTTP layer checks first;
        this keeps other callers honest too).
        """
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
        created = self.clock()
        cursor = self._connection().execute(
            "INSERT INTO feedback (session_id, entry_id, message, rating, created) "
            "VALUES (?, ?, ?, ?, ?)", (session_id, entry_id, message, rating, created))
        return Feedback(cursor.lastrowid, session_id, entry_id, message, rating, created)

    def list(self, session_id: str | None = None, limit: int = 100) -> list[Feedback]:
        """Return up to `limit` ratings, newest first; only one session's when it is given."""
        query = "SELECT id, session_id, entry_id, message, rating, created FROM feedback"
        params: tuple = ()
        if session_id is not None:
            query += " WHERE session_id = ?"
            params = (session_id,)
        rows = self._connection().execute(query + " ORDER BY id DESC LIMIT ?", (*params, limit))
        return [Feedback(*row) for row in rows]
