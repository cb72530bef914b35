"""Conversation state shared by every gunicorn worker: a small SQLite table by default.

A session is a JSON object (the last entry, the last calculation, a pending question); it is
read at the start of a message and written at the end. SQLite in WAL mode lets several worker
processes share it without a server; anything implementing `get`/`put` can replace it.

Storage stays bounded: every write also deletes up to SWEEP_BATCH expired sessions, found
through an index on the time of last use, so expired sessions are removed at least as fast as
new ones arrive and no write ever scans the table.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Protocol

SWEEP_BATCH = 32  # expired sessions deleted by each write, at most
DEFAULT_TTL_SECONDS = 6 * 3600


class SessionStore(Protocol):
    """What the dialogue needs from session storage."""

    def get(self, key: str) -> dict | None:
        """The state stored under `key`, or None when there is none (never stored, expired)."""

    def put(self, key: str, state: dict) -> None:
        """Store `state` under `key` (and sweep a few expired sessions)."""


class MemorySessionStore:
    """Sessions in one process's memory: for tests and `tutor chat`, not for several workers.

    Kept in order of last use, so that expired sessions are found at the front.
    """

    def __init__(self, ttl_seconds: float = DEFAULT_TTL_SECONDS, clock=time.time):
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._states: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> dict | None:
        """Return the session's state, or None when it is unknown or has expired."""
        found = self._states.get(key)
        if found is None or self.clock() - found[0] > self.ttl_seconds:
            return None
        return json.loads(found[1])

    def put(self, key: str, state: dict) -> None:
        """Replace the session's state, and forget up to SWEEP_BATCH expired ones."""
        now = self.clock()
        with self._lock:
            self._states.pop(key, None)
            self._states[key] = (now, json.dumps(state))
            for _ in range(SWEEP_BATCH):
                oldest = next(iter(self._states))
                if now - self._states[oldest][0] <= self.ttl_seconds:
                    break
                del self._states[oldest]


class SqliteConnections:
    """One sqlite3 connection per thread to one file, which is put in WAL mode once.

    sqlite3 connections must not cross threads; WAL lets several gunicorn workers share the
    file. Switching to WAL needs the database to itself for a moment, so workers starting
    together retry. Shared by the session store and the Slack channel's seen-events table.
    """

    def __init__(self, path: str | Path, schema: str, pragmas: tuple[str, ...] = ()):
        """`schema` is SQL run once (several statements allowed, each idempotent)."""
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
            db.executescript(schema)
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

    def __init__(self, path: str | Path, ttl_seconds: float = DEFAULT_TTL_SECONDS,
                 clock=time.time):
        self.path = Path(path)
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._connection = SqliteConnections(
            self.path, "CREATE TABLE IF NOT EXISTS sessions ("
                       "id TEXT PRIMARY KEY, state TEXT NOT NULL, updated REAL NOT NULL);"
                       "CREATE INDEX IF NOT EXISTS sessions_by_updated ON sessions (updated);",
            pragmas=("synchronous=NORMAL",)).get

    def get(self, key: str) -> dict | None:
        """Return the session's state, or None when it is unknown or has expired."""
        row = self._connection().execute(
            "SELECT state, updated FROM sessions WHERE id = ?", (key,)).fetchone()
        if row is None or self.clock() - row[1] > self.ttl_seconds:
            return None
        return json.loads(row[0])

    def put(self, key: str, state: dict) -> None:
        """Store the session's state, and delete up to SWEEP_BATCH expired sessions."""
        now = self.clock()
        db = self._connection()
        db.execute("INSERT INTO sessions (id, state, updated) VALUES (?, ?, ?) "
                   "ON CONFLICT(id) DO UPDATE SET state = excluded.state, "
                   "updated = excluded.updated", (key, json.dumps(state), now))
        db.execute("DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE updated < ? "
                   "ORDER BY updated LIMIT ?)", (now - self.ttl_seconds, SWEEP_BATCH))

    def count(self) -> int:
        """How many sessions are stored, expired ones included (for tests and operators)."""
        return self._connection().execute("SELECT count(*) FROM sessions").fetchone()[0]
