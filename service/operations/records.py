"""What students asked, kept: unanswered and low-confidence questions, ratings, entry hit counts.

One SQLAlchemy layer over either a SQLite file (the default, beside the session database,
shared by every gunicorn worker in WAL mode) or PostgreSQL (`TUTOR_DATABASE_URL`, e.g.
`postgresql+psycopg://tutor@db/tutor`). Alembic owns the schema (service/operations/migrations/);
the first use of a `Records` runs `upgrade head` under a lock, so that several workers starting at
once do not race: a file lock beside a SQLite file, an advisory lock on PostgreSQL.

Every unanswered question commits before the reply is sent, so that a question acknowledged
to a student survives a worker killed right after (on SQLite as one autocommit statement, which
holds the write lock only while SQLite writes). Hit counts are statistics nobody is told about:
each process adds them up in memory and writes them every `hits_flush_seconds` (5 s), when they
are read, and when the process exits, so that an answer costs no database write; a worker
killed outright loses at most those seconds of its counts. Nothing is kept beyond what the
channel gives: the session id (a widget's random token, or Slack's team/channel/user ids) and
the message itself.
"""

from __future__ import annotations

import fcntl
import logging
import threading
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from service.operations.daily import DailyCounts
from service.operations.hits import HITS_FLUSH_SECONDS, HitCounts, hits_table

log = logging.getLogger(__name__)

RATINGS = ("up", "down")
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_ADVISORY_LOCK = 0x7475746F72  # "tutor": any constant shared by every worker will do

metadata = sa.MetaData()
feedback_table = sa.Table(
    "feedback", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("session_id", sa.Text, nullable=False),
    sa.Column("entry_id", sa.Text),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("rating", sa.Text, nullable=False),
    sa.Column("created", sa.Float, nullable=False),
    sa.Column("comment", sa.Text),  # optional, since migration 0002
    sa.CheckConstraint("rating IN ('up', 'down')", name="feedback_rating"),
)
questions_table = sa.Table(
    "questions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created", sa.Float, nullable=False, index=False),
    sa.Column("channel", sa.String(32), nullable=False),
    sa.Column("session_id", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # "fallback" or "clarify"
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("best_entry_id", sa.Text),  # the matcher's best guess at the time
    sa.Index("questions_created", "created"),
)
@dataclass(frozen=True)
class Feedback:
    """One rating: which answer (session, entry), the question asked, and when (Unix time)."""

    id: int
    session_id: str
    entry_id: str | None
    message: str
    rating: str
    created: float
    comment: str | None = None

    def to_dict(self) -> dict:
        """Return the record as plain JSON-ready values (`comment` only when there is one)."""
        return {k: v for k, v in asdict(self).items() if k != "comment" or v is not None}


@dataclass(frozen=True)
class Question:
    """A question the tutor could not answer (`fallback`) or was unsure of (`clarify`)."""

    id: int
    created: float
    channel: str
    session_id: str
    message: str
    kind: str
    confidence: float
    best_entry_id: str | None


_INSERT_QUESTION = questions_table.insert()


def sqlite_url(path: str | Path) -> str:
    """Return the SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{Path(path)}"


class Records:
    """The records store. Building one connects to nothing; the first use migrates."""

    def __init__(self, url: str, clock=time.time, hits_flush_seconds: float = HITS_FLUSH_SECONDS):
        self.url = sa.make_url(url)
        self.clock = clock
        self.path = Path(self.url.database) if self.url.get_backend_name() == "sqlite" else None
        self._engine: sa.Engine | None = None
        self._single_writes: sa.Engine | None = None
        self._lock = threading.Lock()
        self.hits = HitCounts(lambda: self.engine, hits_flush_seconds)
        # replies per day, for the dashboard: statistics too, written in the same rhythm as hits
        self.daily = DailyCounts(lambda: self.engine, clock, flush_seconds=hits_flush_seconds)

    # --- connection and schema ----------------------------------------------------------------

    @property
    def engine(self) -> sa.Engine:
        """The engine, created and the schema migrated to head on first use."""
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    engine = self._create_engine()
                    migrate(engine, self.path)
                    self._engine = engine
        return self._engine

    @property
    def single_writes(self) -> sa.Engine:
        """The engine for writes of one statement: on SQLite a second engine whose connections
        are in autocommit mode (set once, not switched at every checkout), on PostgreSQL the
        engine itself."""
        if self._single_writes is None:
            engine = self.engine  # migrated first
            with self._lock:
                if self._single_writes is None:
                    self._single_writes = (
                        engine if self.path is None else self._create_engine("AUTOCOMMIT"))
        return self._single_writes

    def _create_engine(self, isolation_level: str | None = None) -> sa.Engine:
        if self.path is None:
            return sa.create_engine(self.url, pool_pre_ping=True)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # busy timeout: a writer waits up to 10 s for another worker's write instead of failing
        options = {"isolation_level": isolation_level} if isolation_level else {}
        engine = sa.create_engine(self.url, connect_args={"timeout": 10}, **options)

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across crashes
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.close()

        return engine

    def dispose(self) -> None:
        """Write the counted hits and close every pooled connection (tests, a worker exiting)."""
        self.daily.flush()  # the reply counts not yet written (never raises)
        self.hits.flush()
        for engine in {self._engine, self._single_writes} - {None}:
            engine.dispose()

    # --- what the tutor records ----------------------------------------------------------------

    def __call__(self, message: str, reply, session_id: str, channel: str = "web") -> None:
        """The tutor's recorder: keep an unanswered or unsure question, count an answer's hit.

        Called at the end of `Tutor.respond`, in the request's thread. It never raises: a
        database that is down must not cost the student the answer, so a failure is logged.
        """
        try:
            self.record_reply(message, reply, session_id, channel)
        except Exception:  # noqa: BLE001 - logged, and the reply goes out regardless
            log.exception("could not record the reply to a question")

    def record_reply(self, message: str, reply, session_id: str, channel: str = "web") -> None:
        """Store what `reply` says about `message` (see `__call__`, which never raises).

        `channel` is the one the dialogue answered in, never read off the session id: a web
        client can choose an id that looks like Slack's.
        """
        now = self.clock()
        self.daily.add(reply, now)
        if reply.kind == "answer" and reply.entry_id:
            self.hits.add(reply.entry_id, now)
        elif _unanswered(reply):
            best = reply.suggestions[0].entry_id if reply.suggestions else None
            self._insert_question({
                "created": now, "channel": channel[:32], "session_id": session_id,
                "message": message, "kind": reply.kind, "confidence": float(reply.confidence),
                "best_entry_id": best})

    def _insert_question(self, row: dict) -> None:
        """Insert one question and commit before returning.

        On SQLite one statement in autocommit mode: the write lock every worker shares is taken
        and released inside that statement, never held while this thread waits for the GIL
        between an INSERT and a COMMIT, which makes the other workers' writers queue behind it.
        The statement is built once, so SQLAlchemy's compiled-statement cache serves it.
        """
        with self.single_writes.begin() as db:
            db.execute(_INSERT_QUESTION, row)

    def hit_counts(self) -> dict[str, int]:
        """Return how often each entry was given as an answer, by entry id (this process's
        counts not yet written are written first; other workers' follow within their
        `hits_flush_seconds`)."""
        self.hits.flush()
        with self.engine.connect() as db:
            rows = db.execute(sa.select(hits_table.c.entry_id, hits_table.c.hits))
            return {entry_id: hits for entry_id, hits in rows}

    def questions(self, since: datetime | float | None = None,
                  limit: int | None = None) -> list[Question]:
        """Return unanswered and unsure questions, newest first, from `since` on."""
        query = sa.select(questions_table).order_by(questions_table.c.id.desc())
        if since is not None:
            if isinstance(since, datetime):
                since = since.timestamp()
            query = query.where(questions_table.c.created >= since)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as db:
            return [Question(**row._mapping) for row in db.execute(query)]

    # --- ratings ---------------------------------------------------------------------------------

    def record(self, session_id: str, entry_id: str | None, message: str,
               rating: str, comment: str | None = None) -> Feedback:
        """Store one rating and return it with its id and time.

        Raises ValueError for a rating other than "up" or "down" (the HTTP layer checks first;
        this keeps other callers honest too).
        """
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
        created = self.clock()
        with self.engine.begin() as db:
            row_id = db.execute(feedback_table.insert().values(
                session_id=session_id, entry_id=entry_id, message=message, rating=rating,
                created=created, comment=comment).returning(feedback_table.c.id)).scalar_one()
        return Feedback(row_id, session_id, entry_id, message, rating, created, comment)

    def prune(self, older_than_days: float) -> dict[str, int]:
        """Delete unanswered questions and ratings older than `older_than_days`; return how
        many of each went. Hit counts are totals per entry, not about anyone, and are kept."""
        cutoff = self.clock() - older_than_days * 86400
        with self.engine.begin() as db:
            questions = db.execute(questions_table.delete().where(
                questions_table.c.created < cutoff)).rowcount
            ratings = db.execute(feedback_table.delete().where(
                feedback_table.c.created < cutoff)).rowcount
        return {"questions": questions, "ratings": ratings}

    def list(self, session_id: str | None = None, limit: int = 100) -> list[Feedback]:
        """Return up to `limit` ratings, newest first; only one session's when it is given."""
        query = sa.select(feedback_table).order_by(feedback_table.c.id.desc()).limit(limit)
        if session_id is not None:
            query = query.where(feedback_table.c.session_id == session_id)
        with self.engine.connect() as db:
            return [Feedback(**row._mapping) for row in db.execute(query)]


def _unanswered(reply) -> bool:
    """Whether a reply is worth an instructor's look: a fallback or the matcher's "did you mean".

    Small talk (greetings, thanks, help, ending practice) is not a question the tutor failed
    on; a calculation's or practice's question back has no suggestions either.
    """
    if getattr(reply, "practice", None) is not None or getattr(reply, "small_talk", False):
        return False
    if reply.kind == "fallback":
        return True
    return reply.kind == "clarify" and bool(reply.suggestions)


# Alembic's command API keeps the running migration in module globals (alembic.context and
# alembic.op), so two threads of one process must not migrate at once, even two different
# databases: a statistics timer migrating one store while a request migrated another crashed
# both ("table alembic_version already exists", KeyError 'script').
_MIGRATING = threading.Lock()


def migrate(engine: sa.Engine, path: Path | None = None) -> None:
    """Bring the schema to Alembic's head, one thread of this process and one process at a time.

    SQLite: an exclusive lock on a file beside the database (every worker is on this machine).
    PostgreSQL: a transaction-scoped advisory lock, released when the migration commits.
    """
    with _MIGRATING:
        _migrate(engine, path)


def _migrate(engine: sa.Engine, path: Path | None) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if path is not None:
        with open(path.with_name(path.name + ".migrate-lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            with engine.begin() as db:
                config.attributes["connection"] = db
                command.upgrade(config, "head")
        return
    with engine.begin() as db:
        db.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
        config.attributes["connection"] = db
        command.upgrade(config, "head")


def records_url(app) -> str:
    """Where the app keeps its records: `DATABASE_URL`, else a SQLite file beside the sessions.

    The file is `FEEDBACK_DB` (feedback.sqlite3), which held the ratings before this layer
    existed: the migration keeps that table and adds the others beside it.
    """
    if app.config.get("DATABASE_URL"):
        return str(app.config["DATABASE_URL"])
    if app.config["SESSION_DB"] == ":memory:":
        directory = Path(app.instance_path)
    else:
        directory = (Path(app.instance_path) / app.config["SESSION_DB"]).parent  # absolute wins
    return sqlite_url(directory / app.config["FEEDBACK_DB"])


def init_records(app) -> Records:
    """Give the app its records store (also the feedback store) and make the tutor record."""
    records = Records(records_url(app),
                      hits_flush_seconds=float(app.config.get("HITS_FLUSH_SECONDS", 5.0)))
    app.extensions["records"] = records
    app.extensions["feedback"] = records
    app.extensions["tutor"].recorder = records
    return records
