"""The signing key: configured wins; otherwise one file (or, with Redis configured, one Redis
key), created once, shared by every worker and replica."""

from __future__ import annotations

import multiprocessing
import stat

import pytest

from service import create_app
from service.core.sessions import redis_client
from service.operations.secret_key import (
    KEY_FILE,
    REDIS_KEY,
    read_or_create_key,
    read_or_create_redis_key,
)
from tests.core.test_sessions import own_redis_place


def test_a_missing_key_is_created_private_and_then_reused(tmp_path):
    path = tmp_path / "deep" / KEY_FILE
    key = read_or_create_key(path)
    assert len(key) == 64 and int(key, 16) >= 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_or_create_key(path) == key
    assert [p.name for p in path.parent.iterdir()] == [KEY_FILE]  # no temporary left behind


def test_a_key_an_operator_wrote_is_used_as_it_is(tmp_path):
    path = tmp_path / KEY_FILE
    path.write_text("an operator's own key, long enough to sign with\n")
    assert read_or_create_key(path) == "an operator's own key, long enough to sign with"


def test_a_key_too_short_to_use_stops_the_start(tmp_path):
    path = tmp_path / KEY_FILE
    path.write_text("short")
    with pytest.raises(ValueError, match="TUTOR_SECRET_KEY"):
        read_or_create_key(path, attempts=3)


def _race(path: str, start, results) -> None:
    from pathlib import Path

    start.wait()
    results.put(read_or_create_key(Path(path)))


def test_workers_starting_together_all_get_the_same_key(tmp_path):
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    path = str(tmp_path / KEY_FILE)
    workers = [context.Process(target=_race, args=(path, start, results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    start.set()
    keys = {results.get(timeout=60) for _ in workers}
    for worker in workers:
        worker.join(timeout=60)
    assert len(keys) == 1 and keys == {(tmp_path / KEY_FILE).read_text().strip()}


def test_the_app_keeps_its_key_next_to_the_session_database(tmp_path):
    config = {"TESTING": True, "SESSION_DB": str(tmp_path / "db" / "s.sqlite3")}
    first, second = create_app(config), create_app(config)
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert (tmp_path / "db" / KEY_FILE).read_text().strip() == first.config["SECRET_KEY"]


def test_a_configured_key_wins_and_writes_no_file(tmp_path, monkeypatch):
    config = {"TESTING": True, "SESSION_DB": str(tmp_path / "s.sqlite3")}
    assert create_app({**config, "SECRET_KEY": "x" * 40}).config["SECRET_KEY"] == "x" * 40
    monkeypatch.setenv("TUTOR_SECRET_KEY", "from-the-environment-" + "y" * 20)
    assert create_app(config).config["SECRET_KEY"].startswith("from-the-environment-")
    assert not (tmp_path / KEY_FILE).exists()


def test_in_memory_sessions_get_a_key_of_their_own(tmp_path):
    app = create_app({"TESTING": True, "SESSION_DB": ":memory:"})
    assert len(app.config["SECRET_KEY"]) == 64


# --- in Redis, for replicas that share no disk ----------------------------------------------------


@pytest.fixture
def redis_place():
    with own_redis_place() as place:
        yield place


def test_a_missing_redis_key_is_created_once_and_then_reused(redis_place):
    url, prefix = redis_place
    client = redis_client(url)
    key = read_or_create_redis_key(client, prefix + REDIS_KEY)
    assert len(key) == 64 and int(key, 16) >= 0
    assert read_or_create_redis_key(redis_client(url), prefix + REDIS_KEY) == key
    assert client.ttl(prefix + REDIS_KEY) == -1  # no expiry: it must outlive the ids it signed


def test_a_key_an_operator_stored_in_redis_is_used_and_a_short_one_refused(redis_place):
    url, prefix = redis_place
    client = redis_client(url)
    client.set(prefix + "own", "an operator's own key, long enough to sign with")
    assert read_or_create_redis_key(client, prefix + "own") == \
        "an operator's own key, long enough to sign with"
    client.set(prefix + "short", "short")
    with pytest.raises(ValueError, match="TUTOR_SECRET_KEY"):
        read_or_create_redis_key(client, prefix + "short")


def _race_in_redis(url: str, name: str, start, results) -> None:
    start.wait()
    results.put(read_or_create_redis_key(redis_client(url), name))


def test_replicas_starting_together_all_get_the_same_redis_key(redis_place):
    url, prefix = redis_place
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    workers = [context.Process(target=_race_in_redis, args=(url, prefix + REDIS_KEY, start,
                                                            results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    start.set()
    keys = {results.get(timeout=60) for _ in workers}
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert keys == {redis_client(url).get(prefix + REDIS_KEY).decode()}


def test_with_redis_configured_apps_on_separate_disks_share_the_key(tmp_path, redis_place):
    url, prefix = redis_place
    first, second = (create_app({"TESTING": True, "SESSION_DB": str(tmp_path / name / "s.db"),
                                 "REDIS_URL": url, "REDIS_KEY_PREFIX": prefix})
                     for name in ("a", "b"))
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert len(first.config["SECRET_KEY"]) == 64
    assert not (tmp_path / "a" / KEY_FILE).exists() and not (tmp_path / "b" / KEY_FILE).exists()
    # a question one replica asks, the other grades
    asked = first.test_client().get("/practice/next?kind=choice&seed=7").json
    graded = second.test_client().post("/practice/answer", json={"id": asked["id"],
                                                                  "answer": "1"})
    assert graded.status_code == 200 and "correct" in graded.json
    foreign = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "c" / "s.db")})
    assert foreign.test_client().post("/practice/answer", json={
        "id": asked["id"], "answer": "1"}).status_code == 404  # another key: not ours


def test_an_unreachable_redis_stops_the_start(tmp_path):
    import redis

    with pytest.raises(redis.RedisError):
        create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "s.db"),
                    "REDIS_URL": "redis://127.0.0.1:9/0"})
