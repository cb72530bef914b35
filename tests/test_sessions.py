"""Session storage: SQLite shared between connections (as between gunicorn workers), expiry."""

from __future__ import annotations

import multiprocessing

from service.sessions import MemorySessionStore, SqliteSessionStore


def test_state_round_trips(tmp_path):
    store = SqliteSessionStore(tmp_path / "s.sqlite3")
    assert store.get("a") == {}
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
    assert store.get("a") == {}


def test_memory_store_copies_state():
    store = MemorySessionStore()
    state = {"x": [1]}
    store.put("a", state)
    state["x"].append(2)
    assert store.get("a") == {"x": [1]}
