"""Session storage: SQLite shared between connections (as between gunicorn workers), expiry."""

from __future__ import annotations

import multiprocessing

import pytest

from service.sessions import SWEEP_BATCH, MemorySessionStore, SqliteSessionStore


def test_state_round_trips(tmp_path):
    store = SqliteSessionStore(tmp_path / "s.sqlite3")
    assert store.get("a") is None  # never stored
    store.put("a", {"entry_id": "lstm", "shown": ["answer"]})
    assert store.get("a") == {"entry_id": "lstm", "shown": ["answer"]}


def test_a_second_store_on_the_same_file_sees_the_state(tmp_path):
    SqliteSessionStore(tmp_path / "s.sqlite3").put("a", {"x": 1})
    assert SqliteSessionStore(tmp_path / "s.sqlite3").get("a") == {"x": 1}


def _write_many(path, prefix, count):
    store = SqliteSessionStore(path)
    for n in range(count):
        store.put(f"{prefix}-{n}", {"n": n})


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "s.sqlite3"
    SqliteSessionStore(path)
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(path, p, 200)) for p in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
        assert worker.exitcode == 0
    store = SqliteSessionStore(path)
    assert all(store.get(f"{p}-{n}") == {"n": n} for p in "ab" for n in range(200))


def test_expired_sessions_are_forgotten(tmp_path):
    now = [1000.0]
    store = SqliteSessionStore(tmp_path / "s.sqlite3", ttl_seconds=60, clock=lambda: now[0])
    store.put("a", {"x": 1})
    now[0] += 59
    assert store.get("a") == {"x": 1}
    now[0] += 2
    assert store.get("a") is None


@pytest.mark.parametrize("kind", ["sqlite", "memory"])
def test_each_write_sweeps_expired_sessions_in_bounded_batches(tmp_path, kind):
    now = [1000.0]
    store = (SqliteSessionStore(tmp_path / "s.sqlite3", ttl_seconds=60, clock=lambda: now[0])
             if kind == "sqlite" else MemorySessionStore(ttl_seconds=60, clock=lambda: now[0]))
    for n in range(100):
        store.put(f"old-{n}", {"n": n})
    now[0] += 61
    store.put("new-0", {})
    assert _stored(store) == 100 + 1 - SWEEP_BATCH  # one batch, never the whole table
    for n in range(1, 5):
        store.put(f"new-{n}", {})
    assert _stored(store) == 5  # expired sessions go at least as fast as new ones come
    assert store.get("new-0") == {} and store.get("old-0") is None


def _stored(store) -> int:
    return store.count() if hasattr(store, "count") else len(store._states)


def test_the_sweep_finds_expired_sessions_through_an_index(tmp_path):
    store = SqliteSessionStore(tmp_path / "s.sqlite3")
    plan = store._connection().execute(
        "EXPLAIN QUERY PLAN SELECT id FROM sessions WHERE updated < 0 ORDER BY updated LIMIT 1"
    ).fetchall()
    assert any("USING INDEX sessions_by_updated" in row[-1] or
               "USING COVERING INDEX sessions_by_updated" in row[-1] for row in plan)


def test_memory_store_copies_state():
    store = MemorySessionStore()
    state = {"x": [1]}
    store.put("a", state)
    state["x"].append(2)
    assert store.get("a") == {"x": [1]}
