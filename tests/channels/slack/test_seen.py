"""The seen-event stores: shared by every worker and process, forgetting after the TTL."""

from __future__ import annotations

import multiprocessing
import threading
import time

import pytest

from service.channels.slack.seen import MemorySeenStore, RedisSeenStore, SqliteSeenStore
from service.core.sessions import redis_client
from tests.channels.slack.helpers import NOW, SECRET, FakeClock, race_for_key
from tests.core.test_sessions import own_redis_place


@pytest.fixture
def redis_place():
    with own_redis_place() as place:
        yield place


def open_seen_store(kind: str, where, ttl_seconds: float = 3600):
    """A new seen store on `where` (a SQLite path, or Redis's (url, prefix)): another worker's."""
    if kind == "sqlite":
        return SqliteSeenStore(where, ttl_seconds=ttl_seconds)
    url, prefix = where
    return RedisSeenStore(redis_client(url), ttl_seconds=ttl_seconds, prefix=prefix)


@pytest.fixture(params=["sqlite", "redis"])
def seen_place(request, tmp_path):
    """(kind, where) of an empty seen store shared by every store opened on it."""
    if request.param == "sqlite":
        return "sqlite", str(tmp_path / "sessions.sqlite3")
    return "redis", request.getfixturevalue("redis_place")


def test_the_store_is_shared_by_every_worker(seen_place):
    worker_a, worker_b = open_seen_store(*seen_place), open_seen_store(*seen_place)
    assert worker_a.first_time("event:Ev1")
    assert not worker_b.first_time("event:Ev1")
    assert not worker_a.first_time("event:Ev1")
    assert worker_b.first_time("event:Ev2")


@pytest.mark.parametrize("store_class", [MemorySeenStore, SqliteSeenStore])
def test_a_key_is_forgotten_after_the_ttl(tmp_path, store_class):
    clock = FakeClock(NOW)
    args = (tmp_path / "s.sqlite3",) if store_class is SqliteSeenStore else ()
    store = store_class(*args, ttl_seconds=60, clock=clock)
    assert store.first_time("k")
    clock.now += 60
    assert not store.first_time("k")
    clock.now += 61
    assert store.first_time("k")


def test_redis_forgets_a_key_after_the_ttl(redis_place):
    store = open_seen_store("redis", redis_place, ttl_seconds=0.5)
    assert store.first_time("event:EvTtl")
    assert not store.first_time("event:EvTtl")
    assert 0 < store.client.pttl(redis_place[1] + "seen:event:EvTtl") <= 500
    time.sleep(0.7)
    assert store.first_time("event:EvTtl")


def _race_for_redis_key(place, key: str, start_at: float) -> bool:
    store = open_seen_store("redis", place)
    time.sleep(max(0.0, start_at - time.time()))
    return store.first_time(key)


def test_exactly_one_process_claims_an_event(seen_place):
    kind, where = seen_place
    open_seen_store(kind, where)  # the SQLite table exists before the race
    context = multiprocessing.get_context("spawn")
    start_at = time.time() + 3  # after every process has started
    race = race_for_key if kind == "sqlite" else _race_for_redis_key
    with context.Pool(4) as pool:
        results = pool.starmap(race, [(where, "event:EvRace", start_at)] * 4)
    assert sorted(results) == [False, False, False, True]


def test_exactly_one_thread_claims_an_event(seen_place):
    store = open_seen_store(*seen_place)
    barrier = threading.Barrier(8)
    results = []

    def claim():
        barrier.wait()
        results.append(store.first_time("event:EvThreads"))

    threads = [threading.Thread(target=claim) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]


def test_with_redis_configured_the_channel_remembers_events_in_redis(tmp_path, redis_place):
    from service import create_app

    url, prefix = redis_place
    app = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "s.sqlite3"),
                      "RATE_LIMITS": "", "SLACK_SIGNING_SECRET": SECRET, "REDIS_URL": url,
                      "REDIS_KEY_PREFIX": prefix})
    seen = app.extensions["slack"].seen
    assert isinstance(seen, RedisSeenStore) and seen.first_time("event:EvApp")
    assert app.extensions["slack"].verifier.seen is seen
    assert redis_client(url).exists(prefix + "seen:event:EvApp")
