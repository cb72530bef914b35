"""Statistics added up in memory and written in batches: what hit counts and replies per day share.

A database write per reply would put a write (and, on SQLite, the one write lock every worker
shares) on the path of most replies. A `BatchedCounts` instead adds up its counts per key and
writes them in one transaction: `flush_seconds` after the first unwritten count (a timer
thread, so an idle worker's counts are written too), on the first count after that if the timer
has not run yet, whenever they are read, and when the process exits (gunicorn stopping,
reloading or recycling a worker). A worker killed outright (SIGKILL, out of memory) loses at
most `flush_seconds` of counts: statistics for instructors, which a few seconds do not change,
and nothing a student was told about. `flush_seconds` 0 writes every count at once. A failed
write is logged and its counts kept for the next one: statistics never cost a reply.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
import weakref
from collections.abc import Callable, Hashable

import sqlalchemy as sa

log = logging.getLogger(__name__)


class BatchedCounts:
    """Counts per key, each with the latest time it was counted, written in batches.

    Subclasses say what is written (`_write`, in the open transaction) and how the failure is
    logged (`WHAT`). `engine` is called for the engine when there is something to write, so
    that the records layer's lazy connection and migration stay where they are.
    """

    WHAT = "counts"

    def __init__(self, engine: Callable[[], sa.Engine], flush_seconds: float,
                 clock: Callable[[], float] = time.time):
        self._engine = engine
        self.flush_seconds = flush_seconds
        self.clock = clock
        self._pending: dict[Hashable, list] = {}  # key -> [count, latest time counted]
        self._lock = threading.Lock()
        self._writing = threading.Lock()  # one flush at a time: a reader waits for the last one
        self._timer: threading.Timer | None = None
        self._last_flush = clock()
        self._exit_hook = False

    def add(self, key: Hashable, now: float | None = None) -> None:
        """Count one for `key`; written within `flush_seconds`. Never raises."""
        now = self.clock() if now is None else now
        with self._lock:
            pending = self._pending.get(key)
            if pending is None:
                self._pending[key] = [1, now]
            else:
                pending[0] += 1
                pending[1] = max(pending[1], now)
            due = self.flush_seconds <= 0 or now - self._last_flush >= self.flush_seconds
            if not due and self._timer is None:
                self._timer = threading.Timer(self.flush_seconds, self.flush)
                self._timer.daemon = True
                self._timer.start()
            if not self._exit_hook:
                # a weak reference: a store the tests have dropped must not be kept alive
                atexit.register(_flush_at_exit, weakref.ref(self))
                self._exit_hook = True
        if due:
            self.flush()

    def flush(self) -> None:
        """Write the counts added up so far, in one transaction. Never raises: on failure they
        are kept for the next try, and the failure is logged."""
        with self._writing:
            with self._lock:
                pending, self._pending = self._pending, {}
                self._last_flush = self.clock()
                if self._timer is not None and self._timer is not threading.current_thread():
                    self._timer.cancel()
                self._timer = None
            if not pending:
                return
            rows = sorted(pending.items())  # one lock order for every writer
            try:
                engine = self._engine()
                with engine.begin() as db:
                    self._write(db, engine.dialect.name, rows)
            except Exception:  # noqa: BLE001 - statistics must never cost a reply
                log.exception("could not write the %s; keeping them for the next try", self.WHAT)
                with self._lock:
                    for key, (count, latest) in rows:
                        again = self._pending.setdefault(key, [0, latest])
                        again[0] += count
                        again[1] = max(again[1], latest)

    def _write(self, db: sa.Connection, dialect: str, rows: list[tuple[Hashable, list]]) -> None:
        raise NotImplementedError


def upsert(table: sa.Table, dialect: str):
    """INSERT ... ON CONFLICT for `table`, in PostgreSQL's or SQLite's dialect."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


def _flush_at_exit(reference: weakref.ref) -> None:
    counts = reference()
    if counts is not None:
        counts.flush()
