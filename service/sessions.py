"""Conversation state shared by every gunicorn worker: a small SQLite table by default.

A session is a JSON object (the last entry, the last calculation, a pending question); it is
read at the start of a message and written at the end. SQLite in WAL mode lets several worker
processes share it without a server; anything implementing `get`/`put` can replace it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Protocol


class SessionStore(Protocol):
    """What the dialogue needs from session storage."""

    def get(self, session_id: str) -> dict: ...

    def put(self, session_id: str, state: dict) -> None: ...


class MemorySessionStore:
    """Sessions in one process's memory: for tests and `tutor chat`, not for several workers."""

    def __init__(self):
        self._states: dict[str, str] = {}

    def get(self, session_id: str) -> dict:
        """Return the session's state, or {} for a new one."""
        raw = self._states.get(session_id)
        return json.loads(raw) if raw else {}

    def put(self, session_id: str, state: dict) -> None:
        """Replace the session's state."""
        self._states[session_id] = json.dumps(state)


class SqliteConnections:
    """One sqlite3 connection per thread to one file, which is put in WAL mode once.

    sqlite3 connections must not cross threads; WAL lets several gunicorn workers share the
    file. Switching to WAL needs the database to itself for a moment, so workers starting
    together retry. Shared by the session store and the Slack channel's seen-events table.
    """

    def __init__(self, path: str | Path, schema: str, pragmas: tuple[str, ...] = ()):
        self.path = Path(path)
        self.pragmas = pragmas
        self._local = threading.local()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            for attempt in range(50):
                try:
                    db.execute("PRAGMA journal_mode=WAL")
                    break
                except sqlite3.OperationalError:
                    time.sleep(0.05 * (attempt + 1))
            db.execute(schema)
        finally:
            db.close()  # connections are opened per thread, later (and after any fork)

    def get(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            for pragma in self.pragmas:
                db.execute(f"PRAGMA {pragma}")
            self._local.db = db
        return db


class SqliteSessionStore:
    """Sessions in a SQLite file; states unused for `ttl_seconds` are forgotten."""

    def __init__(self, path: str | Path, ttl_seconds: float = 6 * 3600, clock=time.time):
        self.path = Path(path)
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._connection = SqliteConnections(
            self.path, "CREATE TABLE IF NOT EXISTS sessions ("
                       "id TEXT PRIMARY KEY, state TEXT NOT NULL, updated REAL NOT NULL)",
            pragmas=("synchronous=NORMAL",)).get

    def get(self, session_id: str) -> dict:
        """Return the session's state, or {} when it is new or has expired."""
        row = self._connection().execute(
            "SELECT state, updated FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None or self.clock() - row[1] > self.ttl_seconds:
            return {}
        return json.loads(row[0])

    def put(self, session_id: str, state: dict) -> None:
        """Store the session's state, and now and then drop expired sessions."""
        now = self.clock()
        db = self._connection()
        db.execute("INSERT INTO sessions (id, state, updated) VALUES (?, ?, ?) "
                   "ON CONFLICT(id) DO UPDATE SET state = excluded.state, "
                   "updated = excluded.updated", (session_id, json.dumps(state), now))
        if hash(session_id) % 100 == 0:
            db.execute("DELETE FROM sessions WHERE updated < ?", (now - self.ttl_seconds,))
