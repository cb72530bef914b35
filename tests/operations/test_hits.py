"""Hit counts per entry: added up in memory, written in batches, never lost on exit or on a
failed write (on SQLite and PostgreSQL, see conftest.py)."""

from __future__ import annotations

import time

import sqlalchemy as sa

from service.core.reply import Reply
from service.operations.hits import hits_table
from service.operations.records import Records, sqlite_url


def test_answers_count_hits_per_entry(records):
    for entry in ["a", "b", "a", "a"]:
        records("q", Reply("answer", "...", "s1", entry, 0.9), "s1")
    assert records.hit_counts() == {"a": 3, "b": 1}
    assert records.questions() == []


def answer(entry_id: str) -> Reply:
    return Reply("answer", "...", "s1", entry_id, 0.9)


def hits_in_the_table(store: Records) -> dict[str, int]:
    """What the table holds, without writing this process's counted hits first."""
    with store.engine.connect() as db:
        return dict(db.execute(sa.select(hits_table.c.entry_id, hits_table.c.hits)).all())


def test_hits_are_counted_in_memory_and_written_in_batches(url):
    store = Records(url, hits_flush_seconds=3600)
    for entry in ["a", "b", "a"]:
        store("q", answer(entry), "s1")
    assert hits_in_the_table(store) == {}  # no database write per answer
    assert store.hit_counts() == {"a": 2, "b": 1}  # a read writes this process's counts first
    assert hits_in_the_table(store) == {"a": 2, "b": 1}
    store("q", answer("a"), "s1")
    store.dispose()  # a worker exiting writes what it counted
    reader = Records(url)
    assert reader.hit_counts() == {"a": 3, "b": 1}
    reader.dispose()


def test_counted_hits_are_written_within_the_flush_interval(url):
    store = Records(url, hits_flush_seconds=0.2)
    store("q", answer("a"), "s1")
    store("q", answer("a"), "s1")
    deadline = time.monotonic() + 10
    while hits_in_the_table(store) != {"a": 2} and time.monotonic() < deadline:
        time.sleep(0.05)
    assert hits_in_the_table(store) == {"a": 2}
    store.dispose()


def test_with_no_flush_interval_each_hit_is_written_at_once(url):
    store = Records(url, hits_flush_seconds=0)
    store("q", answer("a"), "s1")
    assert hits_in_the_table(store) == {"a": 1}
    store.dispose()


def test_hits_that_could_not_be_written_are_kept_for_the_next_try(tmp_path, caplog):
    store = Records(sqlite_url(tmp_path / "r.sqlite3"), hits_flush_seconds=3600)
    store("q", answer("a"), "s1")
    working = store.hits._engine
    store.hits._engine = lambda: sa.create_engine("sqlite:////nonexistent/dir/x.sqlite3")
    store.hits.flush()  # logs, does not raise
    assert "could not write the hit counts" in caplog.text
    store.hits._engine = working
    store("q", answer("a"), "s1")
    assert store.hit_counts() == {"a": 2}
    store.dispose()
