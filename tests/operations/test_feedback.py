"""The feedback store: ratings kept in SQLite, shared by every worker, newest first."""

from __future__ import annotations

import threading

import pytest

from service.operations.feedback import Feedback, SqliteFeedbackStore


@pytest.fixture
def path(tmp_path):
    return tmp_path / "db" / "feedback.sqlite3"


def test_a_rating_is_kept_and_read_back(path):
    store = SqliteFeedbackStore(path, clock=lambda: 1700000000.5)
    record = store.record("s1", "max-pooling-reasons", "why max pooling?", "down")
    assert record == Feedback(record.id, "s1", "max-pooling-reasons", "why max pooling?", "down",
                              1700000000.5)
    assert store.list() == [record]
    assert record.to_dict() == {"id": record.id, "session_id": "s1",
                                "entry_id": "max-pooling-reasons",
                                "message": "why max pooling?", "rating": "down",
                                "created": 1700000000.5}


def test_an_answer_without_an_entry_can_be_rated(path):
    store = SqliteFeedbackStore(path)
    assert store.record("s1", None, "what is love?", "up").entry_id is None
    assert store.list()[0].entry_id is None


def test_list_is_newest_first_limited_and_filtered_by_session(path):
    store = SqliteFeedbackStore(path)
    made = [store.record(f"s{i % 2}", None, f"question {i}", "up") for i in range(6)]
    assert store.list() == made[::-1]
    assert store.list(limit=2) == made[:-3:-1]
    assert store.list(session_id="s1") == [r for r in made[::-1] if r.session_id == "s1"]
    assert store.list(session_id="nobody") == []


def test_building_a_store_writes_nothing_until_it_is_used(path):
    SqliteFeedbackStore(path)
    assert not path.exists()
    assert SqliteFeedbackStore(path).list() == []
    assert path.exists()


@pytest.mark.parametrize("rating", ["sideways", "", "UP", None])
def test_only_up_and_down_are_ratings(path, rating):
    store = SqliteFeedbackStore(path)
    with pytest.raises(ValueError, match="rating"):
        store.record("s1", None, "q", rating)
    assert store.list() == []


def test_two_workers_share_the_file_and_no_rating_is_lost(path):
    """Two stores on one file stand for two gunicorn workers; threads for gthread's threads."""
    workers = [SqliteFeedbackStore(path), SqliteFeedbackStore(path)]
    workers[0].list()  # create the table once, as the first request would

    def rate(store, worker, thread):
        for i in range(25):
            store.record(f"w{worker}-t{thread}", None, f"q{i}", "up" if i % 2 else "down")

    threads = [threading.Thread(target=rate, args=(store, w, t))
               for w, store in enumerate(workers) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = workers[1].list(limit=1000)
    assert len(everything) == 2 * 4 * 25
    assert len({record.id for record in everything}) == len(everything)
    assert sum(record.rating == "down" for record in everything) == 2 * 4 * 13
