"""`/kb/*`: listing, filtering, one entry, search, per the contract."""

from __future__ import annotations

from tests.channels.api.test_errors import assert_error_shape


def test_list_entries_gives_id_topic_question(client, knowledge_base):
    entries = client.get("/kb/entries").json["entries"]
    assert len(entries) == len(knowledge_base)
    assert set(entries[0]) == {"id", "topic", "question"}


def test_list_entries_filters_by_topic(client):
    entries = client.get("/kb/entries?topic=gan").json["entries"]
    assert entries and all(e["topic"] == "gan" for e in entries)


def test_unknown_topic_is_a_named_422(client):
    error = assert_error_shape(client.get("/kb/entries?topic=cooking"), 422)
    assert "topic" in error["fields"]


def test_one_entry_is_whole(client):
    entry = client.get("/kb/entries/gan-true-statements").json
    assert entry["correct"] == [2, 3, 5]
    assert len(entry["choices"]) == len(entry["choice_reasons"]) == 5
    for field in ("id", "topic", "question", "alternates", "answer", "explanation", "related"):
        assert entry[field]


def test_unknown_entry_is_404_in_the_error_shape(client):
    assert_error_shape(client.get("/kb/entries/no-such-entry"), 404, "not_found")


def test_search_ranks_best_first(client):
    results = client.get("/kb/search?q=why+use+max+pooling&limit=3").json["results"]
    assert results[0]["entry_id"] == "max-pooling-reasons"
    assert len(results) <= 3
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)
    assert set(results[0]) == {"entry_id", "question", "score"}


def test_search_without_q_is_a_named_422(client):
    error = assert_error_shape(client.get("/kb/search"), 422)
    assert "q" in error["fields"]


def test_search_limit_is_bounded(client):
    error = assert_error_shape(client.get("/kb/search?q=gan&limit=1000"), 422)
    assert "limit" in error["fields"]


def test_search_for_nonsense_finds_nothing_or_little(client):
    results = client.get("/kb/search?q=zzzzzz").json["results"]
    assert all(r["score"] < 0.4 for r in results)
