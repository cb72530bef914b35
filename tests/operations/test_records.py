"""The records layer: questions the tutor could not answer and ratings, on a real SQLite file and,
where one runs, a real PostgreSQL (127.0.0.1:5432, database `test`;
tests/operations/conftest.py)."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from service import create_app
from service.core.matcher import Match
from service.core.reply import Reply
from service.core.small_talk import GREETING
from service.operations.records import Records, sqlite_url

HEAD_REVISION = "0002"  # the newest file in service/operations/migrations/versions/

def fallback(confidence=0.2, best="vae-elbo"):
    return Reply("fallback", "I don't know that one.", "s1", None, confidence,
                 [Match(best, "What is the ELBO?", confidence)] if best else [])


def test_an_unanswered_question_is_kept_with_the_matcher_s_best_guess(records):
    records("what is a capsule network?", fallback(), "s1", "web")
    [question] = records.questions()
    assert (question.message, question.kind, question.channel, question.session_id,
            question.best_entry_id) == ("what is a capsule network?", "fallback", "web", "s1",
                                        "vae-elbo")
    assert question.confidence == pytest.approx(0.2)


def test_a_did_you_mean_is_kept_but_a_calculation_s_question_back_is_not(records):
    unsure = Reply("clarify", "Did you mean ...?", "s1", None, 0.4,
                   [Match("gan-mode-collapse", "What is mode collapse?", 0.4)])
    records("mode colapse", unsure, "s1")
    records("output size of a 28x28 input", Reply("clarify", "Which kernel?", "s1",
                                                  confidence=0.5), "s1")
    assert [q.kind for q in records.questions()] == ["clarify"]


def test_small_talk_is_not_a_question(records):
    records("hi", Reply("fallback", GREETING, "s1", small_talk=True), "s1")
    records("thanks", Reply("fallback", "You're welcome!", "s1", small_talk=True), "s1")
    records("stop", Reply("fallback", "Practice over.", "s1", small_talk=True), "s1")
    records("what is love?", Reply("fallback", "I don't know.", "s1"), "s1")
    assert [q.message for q in records.questions()] == ["what is love?"]


def test_greetings_help_and_ending_practice_are_small_talk_in_the_dialogue(knowledge_base):
    from service.core.dialogue import Tutor
    from service.core.sessions import MemorySessionStore

    tutor = Tutor(knowledge_base, MemorySessionStore())
    session = tutor.respond("quiz me on gans").session_id
    for message in ("hi", "help", "thanks", "never mind"):
        assert tutor.respond(message).small_talk, message
    assert tutor.respond("stop", session).small_talk
    assert not tutor.respond("how do i bake sourdough bread?").small_talk


def test_questions_are_recorded_under_the_channel_that_answered_them(records):
    records("q?", fallback(), "slack:T1:C1:U1", "slack")
    records("q!", fallback(), "slack:T1:C1:U1")  # the web door, with an id that looks like Slack's
    assert {q.message: q.channel for q in records.questions()} == {"q?": "slack", "q!": "web"}


def test_questions_are_newest_first_limited_and_filtered_by_time(url):
    now = [1_700_000_000.0]
    store = Records(url, clock=lambda: now[0])
    for i in range(5):
        now[0] += 3600
        store(f"question {i}", fallback(), "s1")
    assert [q.message for q in store.questions()] == [f"question {i}" for i in range(4, -1, -1)]
    assert len(store.questions(limit=2)) == 2
    since = datetime.fromtimestamp(1_700_000_000 + 3 * 3600, UTC)
    assert [q.message for q in store.questions(since=since)] == ["question 4", "question 3",
                                                                 "question 2"]
    store.dispose()


def test_ratings_share_the_layer(records):
    made = [records.record(f"s{i % 2}", None, f"question {i}", "up") for i in range(4)]
    assert records.list() == made[::-1]
    assert records.list(session_id="s1") == [r for r in made[::-1] if r.session_id == "s1"]
    with pytest.raises(ValueError, match="rating"):
        records.record("s1", None, "q", "sideways")


def test_the_recorder_never_raises_into_the_reply(tmp_path, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    broken = Records(sqlite_url(blocker / "records.sqlite3"))
    broken("what is love?", fallback(), "s1")  # no exception
    assert "could not record" in caplog.text


def test_threads_migrating_different_databases_at_once_do_not_collide(tmp_path):
    """Alembic keeps the running migration in module globals: a statistics timer migrating one
    store while a request migrates another must not break either (it did, in 2 runs of 3)."""
    errors = []

    def first_use(store):
        try:
            assert store.engine is not None  # migrates, and raises if the migration fails
        except Exception as error:  # noqa: BLE001 - the assertion shows it
            errors.append(error)

    for round_ in range(10):
        stores = [Records(sqlite_url(tmp_path / f"{round_}-{n}.sqlite3")) for n in range(4)]
        threads = [threading.Thread(target=first_use, args=(s,)) for s in stores]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for store in stores:
            store.dispose()
    assert errors == []


def test_concurrent_first_uses_migrate_once(url):
    """Workers starting together: each migrates under the lock, none fails, one schema."""
    stores = [Records(url) for _ in range(4)]
    errors = []

    def use(store):
        try:
            store("q", fallback(), "s1")
        except Exception as error:  # pragma: no cover - the assertion shows it
            errors.append(error)

    threads = [threading.Thread(target=use, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(stores[0].questions()) == 4
    try:
        with stores[0].engine.connect() as db:
            versions = db.execute(sa.text("SELECT version_num FROM alembic_version")).scalars()
            assert versions.all() == [HEAD_REVISION]
    finally:
        for store in stores:
            store.dispose()


WRITER = """
import sys
from service.core.reply import Reply
from service.core.matcher import Match
from service.operations.records import Records
store = Records(sys.argv[1])
sys.stdin.readline()  # start together
for i in range(int(sys.argv[3])):
    store(f"{sys.argv[2]} question {i}",
          Reply("fallback", "?", "s", None, 0.1, [Match("x", "x", 0.1)]), "s")
    store(f"{sys.argv[2]} answer {i}", Reply("answer", "!", "s", "hit-me", 0.9), "s")
    store.record("s", None, "m", "up")
"""


def test_two_processes_writing_at_once_lose_nothing(url):
    """Two processes stand for two gunicorn workers, each writing as fast as it can; each
    writes the hits it counted as it exits."""
    per_process = 150
    processes = [subprocess.Popen([sys.executable, "-c", WRITER, url, f"p{n}", str(per_process)],
                                  stdin=subprocess.PIPE, text=True) for n in range(2)]
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    for process in processes:
        process.stdin.close()
        assert process.wait(timeout=120) == 0
    store = Records(url)
    questions = store.questions()
    assert sorted(q.message for q in questions) == sorted(
        f"p{n} question {i}" for n in range(2) for i in range(per_process))
    assert store.hit_counts() == {"hit-me": 2 * per_process}
    assert len(store.list(limit=10_000)) == 2 * per_process
    store.dispose()


def test_an_existing_feedback_file_keeps_its_ratings(tmp_path):
    """A feedback.sqlite3 made by the old stdlib store is migrated, not replaced."""
    import sqlite3

    path = tmp_path / "feedback.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT "
               "NOT NULL, entry_id TEXT, message TEXT NOT NULL, rating TEXT NOT NULL CHECK "
               "(rating IN ('up', 'down')), created REAL NOT NULL)")
    db.execute("INSERT INTO feedback (session_id, entry_id, message, rating, created) "
               "VALUES ('old', NULL, 'kept?', 'up', 1.0)")
    db.commit()
    db.close()
    store = Records(sqlite_url(path))
    assert [r.session_id for r in store.list()] == ["old"]
    store("new question", fallback(), "s1")
    assert len(store.questions()) == 1
    store.dispose()


def test_the_app_records_what_chat_could_not_answer(tmp_path):
    app = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "sessions.sqlite3"),
                      "RATE_LIMITS": ""})
    client = app.test_client()
    asked = "how do I bake sourdough bread with a wild yeast starter?"
    reply = client.post("/chat", json={"message": asked}).json
    assert reply["kind"] == "fallback"
    answer = client.post("/chat", json={"message": "why would you use max pooling in a cnn?"})
    assert answer.json["kind"] == "answer"
    records = app.extensions["records"]
    assert records.path == tmp_path / "feedback.sqlite3"
    assert [(q.message, q.session_id) for q in records.questions()] == [
        (asked, reply["session_id"])]
    assert records.hit_counts() == {answer.json["entry_id"]: 1}


def test_the_database_url_chooses_postgresql(postgres_url, tmp_path):
    app = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "sessions.sqlite3"),
                      "DATABASE_URL": postgres_url, "RATE_LIMITS": ""})
    client = app.test_client()
    client.post("/chat", json={"message": "how do I bake sourdough bread with wild yeast?"})
    assert client.post("/feedback", json={"session_id": "abc", "entry_id": None,
                                          "message": "m", "rating": "up"}).status_code == 201
    records = app.extensions["records"]
    assert records.engine.dialect.name == "postgresql"
    assert len(records.questions()) == 1 and len(records.list()) == 1
    assert not (tmp_path / "feedback.sqlite3").exists()
    records.dispose()


def test_prune_deletes_old_questions_and_ratings_and_keeps_hit_counts(url):
    now = [1_700_000_000.0]
    store = Records(url, clock=lambda: now[0])
    store("old question", fallback(), "s1")
    store.record("s1", "dropout", "old question", "down")
    store("what is dropout", Reply("answer", "...", "s1", "dropout", 0.9), "s1")
    now[0] += 400 * 86400
    store("new question", fallback(), "s2")
    store.record("s2", None, "new question", "up")
    assert store.prune(older_than_days=365) == {"questions": 1, "ratings": 1}
    assert [q.message for q in store.questions()] == ["new question"]
    assert [f.message for f in store.list()] == ["new question"]
    assert store.hit_counts() == {"dropout": 1}
    assert store.prune(older_than_days=365) == {"questions": 0, "ratings": 0}
    store.dispose()
