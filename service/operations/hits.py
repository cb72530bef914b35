"""How often each knowledge-base entry was given as an answer: counted in memory, written in
batches to `entry_hits`, for the report's and the dashboard's "most asked"."""

from __future__ import annotations

import atexit
import logging
import threading
import weakref

import sqlalchemy as sa

log = logging.getLogger(__name__)

HITS_FLUSH_SECONDS = 5.0  # how often counted hits are written (config HITS_FLUSH_SECONDS)

metadata = sa.MetaData()  # the table's own: service.operations.migrations creates it (0001)
hits_table = sa.Table(
    "entry_hits", metadata,
    sa.Column("entry_id", sa.Text, primary_key=True),
    sa.Column("hits", sa.Integer, nullable=False),
    sa.Column("last_hit", sa.Float, nullable=False),
)


class HitCounts:
    """How often each entry was given as an answer, added up in memory and written in batches.

    A write per answer would put a database write (and, on SQLite, the one write lock that
    every worker shares) on the path of most replies. Instead each process adds up its hits
    and writes them every `flush_seconds` from a timer thread, when they are read, and when
    the process exits (gunicorn stopping, reloading or recycling a worker). A worker killed
    outright (SIGKILL, out of memory) loses at most `flush_seconds` of its counts; they are
    popularity statistics for instructors, which a few seconds do not change, and no student
    was told about them. Unanswered questions are not counted here: those commit at once.
    The memory held is one small entry per knowledge-base entry answered, at most.
    """

    def __init__(self, engine, flush_seconds: float = HITS_FLUSH_SECONDS):
        self._engine = engine  # called for the engine when there is something to write
        self.flush_seconds = flush_seconds
        self._pending: dict[str, list] = {}  # entry id -> [hits, last hit]
        self._lock = threading.Lock()
        self._writing = threading.Lock()  # one flush at a time: a reader waits for the last one
        self._timer: threading.Timer | None = None
        self._exit_hook = False

    def add(self, entry_id: str, now: float) -> None:
        """Count one hit; it is written within `flush_seconds` (at once when that is 0)."""
        with self._lock:
            pending = self._pending.get(entry_id)
            if pending is None:
                self._pending[entry_id] = [1, now]
            else:
                pending[0] += 1
                pending[1] = max(pending[1], now)
            later = self.flush_seconds > 0
            if later and self._timer is None:
                self._timer = threading.Timer(self.flush_seconds, self.flush)
                self._timer.daemon = True
                self._timer.start()
            if not self._exit_hook:
                # a weak reference: a store the tests have dropped must not be kept alive
                atexit.register(_flush_hits_at_exit, weakref.ref(self))
                self._exit_hook = True
        if not later:
            self.flush()

    def flush(self) -> None:
        """Add the counted hits to the table in one transaction. Never raises: on failure the
        hits are kept for the next try, and the failure is logged."""
        with self._writing:
            with self._lock:
                pending, self._pending = self._pending, {}
                if self._timer is not None and self._timer is not threading.current_thread():
                    self._timer.cancel()
                self._timer = None
            if pending:
                self._write(pending)

    def _write(self, pending: dict[str, list]) -> None:
        rows = [{"entry_id": entry_id, "hits": hits, "last_hit": last}
                for entry_id, (hits, last) in sorted(pending.items())]  # one lock order
        try:
            engine = self._engine()
            with engine.begin() as db:
                db.execute(_add_hits(engine.dialect.name), rows)
        except Exception:  # noqa: BLE001 - statistics must never cost a reply
            log.exception("could not write the hit counts; keeping them for the next try")
            with self._lock:
                for row in rows:
                    again = self._pending.setdefault(row["entry_id"], [0, row["last_hit"]])
                    again[0] += row["hits"]
                    again[1] = max(again[1], row["last_hit"])


def _add_hits(dialect: str):
    """The upsert that adds a batch's hits to `entry_hits` (PostgreSQL's or SQLite's)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(hits_table)
    newer = statement.excluded.last_hit > hits_table.c.last_hit
    return statement.on_conflict_do_update(
        index_elements=["entry_id"],
        set_={"hits": hits_table.c.hits + statement.excluded.hits,
              "last_hit": sa.case((newer, statement.excluded.last_hit),
                                  else_=hits_table.c.last_hit)})


def _flush_hits_at_exit(reference: weakref.ref) -> None:
    counts = reference()
    if counts is not None:
        counts.flush()
