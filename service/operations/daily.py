"""Replies per day by kind, for the instructors' dashboard: counted in memory, written in batches.

The records layer keeps only what needs an instructor's look (unanswered questions, ratings),
so "questions per day by kind" needs a count of every reply, added up in memory and written in
batches as hit counts are (service/operations/batched.py): a worker killed with SIGKILL loses
at most `flush_seconds` of them; they are statistics, not records anybody acted on.

One row per UTC day and kind (`answer`, `calculation`, `clarify`, `fallback`, and
`small_talk` for greetings, help and ending practice, which are not questions the tutor failed
on), so the table grows by a handful of rows a day and is kept, as hit counts are.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime

import sqlalchemy as sa

from service.operations.batched import BatchedCounts, upsert

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


class DailyCounts(BatchedCounts):
    """Counts of replies per day and kind (service.operations.batched says how and when they
    are written)."""

    WHAT = "daily reply counts"

    def __init__(self, engine: Callable[[], sa.Engine], clock=time.time,
                 flush_seconds: float = 0.0):
        super().__init__(engine, flush_seconds, clock)

    def add(self, reply, now: float | None = None) -> None:
        """Count one reply under its day and kind; written within `flush_seconds`."""
        now = self.clock() if now is None else now
        super().add((day_of(now), kind_of(reply)), now)

    def _write(self, db, dialect: str, rows) -> None:
        statement = upsert(daily_table, dialect)
        db.execute(statement.on_conflict_do_update(
            index_elements=["day", "kind"],
            set_={"count": daily_table.c.count + statement.excluded.count}),
            [{"day": day, "kind": kind, "count": count} for (day, kind), (count, _) in rows])

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
