"""The seen-event stores: keys (event ids, used signatures) remembered for a while by every
worker, so that Slack's retries of an event are answered once and a replayed signature is
refused. In memory (one process), in SQLite (the session database: one host) or in Redis
(replicas that share no disk).

Apart from verification.py and channel.py, which both use a store but need only
`first_time`; the storage is chosen by routes.py from the app's configuration.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Protocol

from service.core.sessions import SWEEP_BATCH, SqliteConnections

SEEN_TTL_SECONDS = 3600  # Slack retries an event for about half an hour at most


class SeenStore(Protocol):
    """Remembers keys (event ids, signatures) for a while, across every worker."""

    def first_time(self, key: str) -> bool: ...


class MemorySeenStore:
    """Seen keys in this process only: for a single process (tests, `tutor serve` with one
    worker)."""

    def __init__(self, ttl_seconds: float = SEEN_TTL_SECONDS, clock=time.time):
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        """Record `key`; return True unless it was recorded within the TTL."""
        now = self.clock()
        with self._lock:
            seen = self._seen.get(key)
            if seen is not None and now - seen <= self.ttl_seconds:
                return False
            self._seen.pop(key, None)
            self._seen[key] = now  # kept in the order seen: the expired ones are at the front
            for _ in range(SWEEP_BATCH):
                oldest = next(iter(self._seen))
                if now - self._seen[oldest] <= self.ttl_seconds:
                    break
                del self._seen[oldest]
            return True


class SqliteSeenStore:
    """Seen keys in a SQLite table (in the session database), so that the first worker to
    insert an event id wins and every other worker sees it: INSERT OR IGNORE is atomic."""

    def __init__(self, path: str | Path, ttl_seconds: float = SEEN_TTL_SECONDS, clock=time.time):
        self.path = Path(path)
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._connection = SqliteConnections(
            self.path, "CREATE TABLE IF NOT EXISTS slack_seen ("
                       "key TEXT PRIMARY KEY, seen REAL NOT NULL);"
                       "CREATE INDEX IF NOT EXISTS slack_seen_by_time ON slack_seen (seen);").get

    def first_time(self, key: str) -> bool:
        """Record `key`; return True unless some worker recorded it within the TTL. Each new
        key also deletes up to SWEEP_BATCH expired ones, through the index on their time."""
        now = self.clock()
        db = self._connection()
        db.execute("DELETE FROM slack_seen WHERE key = ? AND seen < ?",
                   (key, now - self.ttl_seconds))
        inserted = db.execute("INSERT OR IGNORE INTO slack_seen (key, seen) VALUES (?, ?)",
                              (key, now)).rowcount == 1
        if inserted:
            db.execute("DELETE FROM slack_seen WHERE key IN (SELECT key FROM slack_seen "
                       "WHERE seen < ? ORDER BY seen LIMIT ?)",
                       (now - self.ttl_seconds, SWEEP_BATCH))
        return inserted


class RedisSeenStore:
    """Seen keys in Redis, for replicas that share no disk: SET NX is atomic, so exactly one
    worker of one replica records a key first, and Redis forgets it after the TTL (PX).

    A Redis error is raised, not guessed around: Slack then gets a 500 and retries the event
    later, which is better than answering it twice or accepting a replayed signature.
    """

    def __init__(self, client, ttl_seconds: float = SEEN_TTL_SECONDS, prefix: str = "tutor:"):
        self.client = client
        self.ttl_seconds = ttl_seconds
        self.prefix = prefix + "seen:"

    def first_time(self, key: str) -> bool:
        """Record `key`; return True unless some worker recorded it within the TTL."""
        return bool(self.client.set(self.prefix + key, b"1", nx=True,
                                    px=max(1, round(self.ttl_seconds * 1000))))
