"""The signing key: configured wins; otherwise one file, created once, shared by every worker."""

from __future__ import annotations

import multiprocessing
import stat

import pytest

from service import create_app
from service.secret_key import KEY_FILE, read_or_create_key


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
