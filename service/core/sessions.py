"""Conversation state shared by every gunicorn worker: a small SQLite table by default, Redis
when replicas share no disk.

A session is a JSON object (the last entry, the last calculation, a pending question); it is
read at the start of a message and written at the end. SQLite in WAL mode lets several worker
processes on one machine share it without a server; `RedisSessionStore` lets several machines
share it (`REDIS_URL`). Anything implementing `get`/`put` can replace either.

Storage stays bounded. SQLite: every write also deletes up to SWEEP_BATCH expired sessions,
found through an index on the time of last use, so expired sessions are removed at least as
fast as new ones arrive and no write ever scans the table. Redis: every write sets the key's
time to live, and Redis deletes it when that runs out.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Protocol

from redis import Redis, RedisError

log = logging.getLogger(__name__)

SWEEP_BATCH = 32  # expired sessions deleted by each write, at most
DEFAULT_TTL_SECONDS = 6 * 3600
REDIS_PREFIX = "tutor:"  # every key the service keeps in Redis starts with it (REDIS_KEY_PREFIX)


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
        encoded = json.dumps(state)  # before the write lock is taken, not while it is held
        now = self.clock()
        db = self._connection()
        # One write transaction, not two: gunicorn's workers share the file and take turns at
        # its write lock, and a turn missed costs a sleep in SQLite's busy handler.
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("INSERT INTO sessions (id, state, updated) VALUES (?, ?, ?) "
                       "ON CONFLICT(id) DO UPDATE SET state = excluded.state, "
                       "updated = excluded.updated", (key, encoded, now))
            db.execute("DELETE FROM sessions WHERE id IN (SELECT id FROM sessions "
                       "WHERE updated < ? ORDER BY updated LIMIT ?)",
                       (now - self.ttl_seconds, SWEEP_BATCH))
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def count(self) -> int:
        """How many sessions are stored, expired ones included (for tests and operators)."""
        return self._connection().execute("SELECT count(*) FROM sessions").fetchone()[0]


class RedisSessionStore:
    """Sessions in Redis, so that replicas without a shared disk continue each other's
    conversations. One key per conversation, written with SET ... PX: Redis forgets a session
    `ttl_seconds` after its last write, so nothing needs sweeping.

    A Redis that cannot be reached does not cost the student the answer: `get` logs it and
    finds no session (the message starts a new conversation), `put` logs it and keeps nothing.
    """

    def __init__(self, client: Redis, ttl_seconds: float = DEFAULT_TTL_SECONDS,
                 prefix: str = REDIS_PREFIX):
        self.client = client
        self.ttl_seconds = ttl_seconds
        self.prefix = prefix + "session:"

    def get(self, key: str) -> dict | None:
        """Return the session's state, or None when it is unknown, has expired, or Redis is
        unreachable (logged)."""
        try:
            stored = self.client.get(self.prefix + key)
        except RedisError as error:
            log.warning("session store unavailable, answering without context: %s", error)
            return None
        return None if stored is None else json.loads(stored)

    def put(self, key: str, state: dict) -> None:
        """Store the session's state for `ttl_seconds`; a Redis error is logged, not raised."""
        try:
            self.client.set(self.prefix + key, json.dumps(state),
                            px=max(1, round(self.ttl_seconds * 1000)))
        except RedisError as error:
            log.warning("session store unavailable, the conversation's context is lost: %s",
                        error)

    def count(self) -> int:
        """How many sessions are stored (for tests and operators; walks the keys with SCAN)."""
        return sum(1 for _ in self.client.scan_iter(match=self.prefix + "*", count=1000))


def redis_client(url: str) -> Redis:
    """A Redis client for `url`, e.g. "redis://redis:6379/0": a pool of connections that every
    thread of the process shares (and that reconnects after a fork). Connecting is lazy; a
    command on a Redis that does not answer within two seconds raises redis.RedisError."""
    return Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2,
                          health_check_interval=30)


def shared_redis(app: Any) -> Redis | None:
    """The app's Redis client when `REDIS_URL` is set (one pool for every store), else None."""
    url = app.config.get("REDIS_URL")
    if not url:
        return None
    if "redis" not in app.extensions:
        app.extensions["redis"] = redis_client(str(url))
    return app.extensions["redis"]


def redis_prefix(app: Any) -> str:
    """The prefix of every key the app keeps in Redis (`REDIS_KEY_PREFIX`)."""
    return str(app.config.get("REDIS_KEY_PREFIX") or REDIS_PREFIX)
