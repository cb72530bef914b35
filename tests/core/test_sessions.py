"""Session storage: SQLite shared between connections (as between gunicorn workers), Redis shared
between replicas, expiry; and the same conversations held in either store."""

from __future__ import annotations

import copy
import logging
import multiprocessing
import os
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from service import create_app
from service.core.dialogue import Tutor
from service.core.sessions import (
    SWEEP_BATCH,
    MemorySessionStore,
    RedisSessionStore,
    SqliteSessionStore,
    redis_client,
)

REDIS = ("127.0.0.1", 6379)


def redis_url_or_skip() -> str:
    """The local Redis's URL; skip when it is not running, except in CI where it must be."""
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must provide Redis on {REDIS[0]}:{REDIS[1]}: {error}")
        pytest.skip(f"start Redis on {REDIS[0]}:{REDIS[1]} to test the Redis stores ({error})")
    return f"redis://{REDIS[0]}:{REDIS[1]}/0"


@contextmanager
def own_redis_place() -> Iterator[tuple[str, str]]:
    """(url, key prefix) of the caller's own in the local Redis; its keys are deleted after.
    Skips (fails in CI) when Redis is not running."""
    url = redis_url_or_skip()
    prefix = f"test-{uuid.uuid4().hex[:12]}:"
    try:
        yield url, prefix
    finally:
        client = redis_client(url)
        for key in client.scan_iter(match=prefix + "*", count=1000):
            client.delete(key)
        client.close()


@pytest.fixture
def redis_place():
    with own_redis_place() as place:
        yield place


def open_store(kind: str, where, ttl_seconds: float = 3600):
    """A new store on `where` (a SQLite path, or Redis's (url, prefix)): another worker's."""
    if kind == "sqlite":
        return SqliteSessionStore(where, ttl_seconds=ttl_seconds)
    url, prefix = where
    return RedisSessionStore(redis_client(url), ttl_seconds=ttl_seconds, prefix=prefix)


@pytest.fixture(params=["sqlite", "redis"])
def backend(request, tmp_path):
    """(kind, where) of an empty store shared by every store opened on it."""
    if request.param == "sqlite":
        return "sqlite", tmp_path / "s.sqlite3"
    return "redis", request.getfixturevalue("redis_place")


# --- the store's behaviour, in SQLite and in Redis -----------------------------------------------


def test_state_round_trips(backend):
    store = open_store(*backend)
    assert store.get("web/a") is None  # never stored
    store.put("web/a", {"entry_id": "lstm", "shown": ["answer"]})
    assert store.get("web/a") == {"entry_id": "lstm", "shown": ["answer"]}
    store.put("web/a", {"entry_id": "gru"})
    assert store.get("web/a") == {"entry_id": "gru"}


def test_a_second_store_on_the_same_place_sees_the_state(backend):
    open_store(*backend).put("slack/slack:T1:C1:U1", {"x": 1})
    assert open_store(*backend).get("slack/slack:T1:C1:U1") == {"x": 1}
    assert open_store(*backend).get("web/slack:T1:C1:U1") is None


def _write_many(kind, where, prefix, count):
    store = open_store(kind, where)
    for n in range(count):
        store.put(f"{prefix}-{n}", {"n": n})


def test_two_processes_writing_at_once_lose_nothing(backend):
    open_store(*backend)  # the SQLite table exists before the race
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(*backend, p, 200)) for p in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
        assert worker.exitcode == 0
    store = open_store(*backend)
    assert all(store.get(f"{p}-{n}") == {"n": n} for p in "ab" for n in range(200))
    assert store.count() == 400


def test_a_session_is_forgotten_a_ttl_after_its_last_write(backend):
    store = open_store(*backend, ttl_seconds=1.0)
    store.put("web/a", {"x": 1})
    store.put("web/b", {"x": 2})
    time.sleep(0.6)
    store.put("web/b", {"x": 3})  # written again: its time starts afresh
    assert store.get("web/a") == {"x": 1}
    time.sleep(0.6)
    assert store.get("web/a") is None
    assert store.get("web/b") == {"x": 3}


# --- Redis only ----------------------------------------------------------------------------------


def test_every_redis_session_key_has_a_time_to_live(redis_place):
    store = open_store("redis", redis_place, ttl_seconds=600)
    store.put("web/a", {"x": 1})
    keys = list(store.client.scan_iter(match=redis_place[1] + "*"))
    assert keys == [(redis_place[1] + "session:web/a").encode()]
    assert 0 < store.client.pttl(keys[0]) <= 600_000  # Redis deletes it; nothing to sweep


def test_an_unreachable_redis_costs_the_context_not_the_answer(caplog):
    store = RedisSessionStore(redis_client("redis://127.0.0.1:9/0"))  # nothing listens there
    with caplog.at_level(logging.WARNING, logger="service.core.sessions"):
        store.put("web/a", {"x": 1})
        assert store.get("web/a") is None
    assert caplog.text.count("session store unavailable") == 2


# --- SQLite and memory ---------------------------------------------------------------------------


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


# --- the same conversations over SQLite and Redis ------------------------------------------------


@pytest.fixture(scope="module")
def one_tutor(knowledge_base):
    """A tutor built once (the matcher takes a moment); each test gives it its own store."""
    return Tutor(knowledge_base, MemorySessionStore())


@pytest.fixture
def replicas(one_tutor, backend):
    """Two tutors, as on two replicas, each with its own store object on the same place."""
    first, second = copy.copy(one_tutor), copy.copy(one_tutor)
    first.sessions, second.sessions = open_store(*backend), open_store(*backend)
    return first, second


def test_a_follow_up_changes_the_last_calculation(replicas):
    tutor, _ = replicas
    first = tutor.respond("output size of a 32x32 input, 3x3 kernel, stride 2, padding 1")
    second = tutor.respond("what about stride 1?", first.session_id)
    assert second.session_id == first.session_id
    assert second.kind == "calculation"
    assert second.calculation["result"]["output"] == [32, 32]
    assert second.calculation["request"]["padding"] == 1


def test_a_missing_value_is_asked_for_and_the_next_message_fills_it(replicas):
    tutor, _ = replicas
    ask = tutor.respond("what is the output size with a 5x5 kernel and stride 2")
    assert ask.kind == "clarify" and "input size" in ask.reply
    answer = tutor.respond("the input is 28x28", ask.session_id)
    assert answer.kind == "calculation"
    assert answer.calculation["result"]["output"] == [12, 12]


def test_the_other_replica_continues_the_conversation(replicas):
    first_replica, second_replica = replicas
    ask = first_replica.respond("output size for a 32x32 input, stride 1, padding 1")
    assert ask.kind == "clarify" and "kernel" in ask.reply
    answer = second_replica.respond("3", ask.session_id)
    assert answer.session_id == ask.session_id
    assert answer.calculation["result"]["output"] == [32, 32]
    steps = first_replica.respond("show the working", ask.session_id)
    assert steps.kind == "calculation"


def test_an_id_the_tutor_did_not_issue_starts_a_new_conversation(replicas):
    tutor, _ = replicas
    reply = tutor.respond("why?", "made-up-by-the-client")
    assert reply.session_id != "made-up-by-the-client" and reply.kind == "fallback"


def test_a_conversation_is_found_only_through_its_own_channel(replicas):
    tutor, other = replicas
    slack_id = "slack:T1:C1:U1"
    tutor.respond("output size for a 28x28 input, 5x5 kernel, stride 2", slack_id,
                  channel="slack")
    web = other.respond("show the formula", slack_id)  # the web door, Slack's id
    assert web.session_id != slack_id and web.kind != "calculation"
    assert other.respond("show the formula", slack_id, channel="slack").kind == "calculation"


# --- the app's wiring ----------------------------------------------------------------------------


def _replica(folder, redis_place):
    url, prefix = redis_place
    return create_app({"TESTING": True, "SESSION_DB": str(folder / "sessions.sqlite3"),
                       "RATE_LIMITS": "", "REDIS_URL": url, "REDIS_KEY_PREFIX": prefix})


def test_with_redis_configured_replicas_without_a_shared_disk_share_conversations(
        tmp_path, redis_place):
    first = _replica(tmp_path / "a", redis_place).test_client()
    second = _replica(tmp_path / "b", redis_place).test_client()
    ask = first.post("/chat", json={"message": "params of a 3x3 conv from 64 to 128 channels"})
    follow = second.post("/chat", json={"message": "what about 256 output channels?",
                                         "session_id": ask.json["session_id"]})
    assert follow.json["session_id"] == ask.json["session_id"]
    assert follow.json["kind"] == "calculation"
    assert follow.json["calculation"]["result"]["total"] == 3 * 3 * 64 * 256 + 256
    assert not (tmp_path / "a" / "sessions.sqlite3").exists()  # nothing on either disk
    assert not (tmp_path / "b" / "sessions.sqlite3").exists()


def test_without_redis_the_session_database_is_a_sqlite_file(tmp_path):
    app = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "s.sqlite3"),
                      "RATE_LIMITS": "", "SESSION_TTL_SECONDS": 60})
    sessions = app.extensions["tutor"].sessions
    assert isinstance(sessions, SqliteSessionStore) and sessions.ttl_seconds == 60
    assert (tmp_path / "s.sqlite3").exists()
