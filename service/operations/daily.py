"""Replies per day by kind, for the instructors' dashboard: counted in memory, written in batches.

The records layer keeps only what needs an instructor's look (unanswered questions, ratings),
so "questions per day by kind" needs a count of every reply. Writing one row per reply would
add a database write to every answer, the path kept cheap, so a worker adds its counts up in
memory and writes them with the first reply at least `flush_seconds` after its last write,
whenever the dashboard reads them, when the records are disposed of and when the process
exits. No thread of its own: an idle worker's last few counts wait for its next request or
its exit, and a worker killed with SIGKILL loses at most `flush_seconds` of them. They are
statistics, not records anybody acted on. `flush_seconds` 0 writes every count at once.

One row per UTC day and kind (`answer`, `calculation`, `clarify`, `fallback`, and
`small_talk` for greetings, help and ending practice, which are not questions the tutor failed
on), so the table grows by a handful of rows a day and is kept, as hit counts are.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
import weakref
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime

import sqlalchemy as sa

log = logging.getLogger(__name__)

KINDS = ("answer", "calculation", "clarify", "fallback")
SMALL_TALK = "small_talk"
FLUSH_SECONDS = 5.0  # the app's default (DAILY_FLUSH_SECONDS); a bare store writes at once

metadata = sa.MetaData()  # the table's own: service.operations.migrations creates it (0002)
daily_table = sa.Table(
    "daily_replies", metadata,
    sa.Column("day", sa.String(10), primary_key=True),  # YYYY-MM-DD, UTC
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
)


def day_of(timestamp: float) -> str:
    """Return the UTC day of a Unix time as YYYY-MM-DD."""
    return datetime.fromtimestamp(timestamp, UTC).date().isoformat()


def kind_of(reply) -> str:
    """Return the kind a reply is counted under: its own, or `small_talk`."""
    return SMALL_TALK if getattr(reply, "small_talk", False) else str(reply.kind)[:16]


class DailyCounts:
    """Counts of replies per day and kind, added up in memory and written in batches.

    `engine` is called for the engine when there is something to write or read, so that the
    records layer's lazy connection and migration stay where they are.
    """

    def __init__(self, engine: Callable[[], sa.Engine], clock=time.time,
                 flush_seconds: float = 0.0):
        self._engine = engine
        self.clock = clock
        self.flush_seconds = flush_seconds
        self._pending: Counter[tuple[str, str]] = Counter()
        self._lock = threading.Lock()
        self._last_flush = clock()
        self._exit_hook = False

    def add(self, reply, now: float | None = None) -> None:
        """Count one reply; write the counts if `flush_seconds` have passed. Never raises."""
        now = self.clock() if now is None else now
        with self._lock:
            self._pending[(day_of(now), kind_of(reply))] += 1
            due = now - self._last_flush >= self.flush_seconds
            if not self._exit_hook:
                # a weak reference: an app the tests dropped must not be kept alive
                atexit.register(_flush_at_exit, weakref.ref(self))
                self._exit_hook = True
        if due:
            self.flush()

    def flush(self) -> None:
        """Write the counts added up so far. Never raises: on failure they are kept for the
        next try, and the failure is logged."""
        with self._lock:
            pending, self._pending = self._pending, Counter()
            self._last_flush = self.clock()
        if not pending:
            return
        try:
            engine = self._engine()
            with engine.begin() as db:
                for (day, kind), count in sorted(pending.items()):
                    db.execute(_upsert(engine, day, kind, count))
        except Exception:  # noqa: BLE001 - statistics must never cost a reply
            log.exception("could not write the daily reply counts; keeping them for later")
            with self._lock:
                self._pending.update(pending)

    def counts(self, since: date, until: date) -> dict[str, Counter[str]]:
        """Return {day: {kind: count}} for the days from `since` to `until` (both included,
        ISO strings as keys); days without replies are left out. This process's unwritten
        counts are written first."""
        self.flush()
        query = (sa.select(daily_table.c.day, daily_table.c.kind, daily_table.c.count)
                 .where(daily_table.c.day >= since.isoformat(),
                        daily_table.c.day <= until.isoformat()))
        found: dict[str, Counter[str]] = {}
        with self._engine().connect() as db:
            for day, kind, count in db.execute(query):
                found.setdefault(day, Counter())[kind] += count
        return found


def _upsert(engine: sa.Engine, day: str, kind: str, count: int):
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(daily_table).values(day=day, kind=kind, count=count)
    return statement.on_conflict_do_update(
        index_elements=["day", "kind"], set_={"count": daily_table.c.count + count})


def _flush_at_exit(reference: weakref.ref) -> None:
    counts = reference()
    if counts is not None:
        counts.flush()
