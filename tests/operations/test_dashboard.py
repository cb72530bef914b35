"""The dashboard's numbers and charts (service/operations/dashboard.py) and the reply counts per day
(service/operations/daily.py), without the web page."""

from __future__ import annotations

import re
import sqlite3
import time
from datetime import UTC, date, datetime, timedelta
from xml.etree import ElementTree

import pytest
import sqlalchemy as sa

from service.core.matcher import Match
from service.core.reply import Reply
from service.operations import dashboard
from service.operations.daily import SMALL_TALK, DailyCounts, daily_table, day_of, kind_of
from service.operations.records import Records, sqlite_url

SVG = "{http://www.w3.org/2000/svg}"
NOON = datetime(2026, 11, 20, 12, tzinfo=UTC).timestamp()
DAY = 86400


def reply(kind, small_talk=False, entry_id=None, suggestions=()):
    return Reply(kind, "text", "s1", entry_id, 0.5, list(suggestions), small_talk=small_talk)


@pytest.fixture
def store(tmp_path):
    clock = {"now": NOON}
    records = Records(sqlite_url(tmp_path / "records.sqlite3"), clock=lambda: clock["now"])
    records.clock_value = clock
    yield records
    records.dispose()


# --- counting replies per day --------------------------------------------------------------------


def test_every_reply_is_counted_by_day_and_kind_and_small_talk_apart(store):
    for kind in ("answer", "answer", "calculation", "clarify", "fallback"):
        store(f"a {kind}", reply(kind, entry_id="stride" if kind == "answer" else None), "s1")
    store("hi", reply("fallback", small_talk=True), "s1")
    store.clock_value["now"] = NOON + DAY
    store("later", reply("fallback"), "s1")
    counts = store.daily.counts(date(2026, 11, 20), date(2026, 11, 21))
    assert counts == {"2026-11-20": {"answer": 2, "calculation": 1, "clarify": 1, "fallback": 1,
                                     SMALL_TALK: 1},
                      "2026-11-21": {"fallback": 1}}
    assert store.daily.counts(date(2026, 11, 21), date(2026, 11, 21)) == {
        "2026-11-21": {"fallback": 1}}


def test_kind_of_and_day_of():
    assert kind_of(reply("fallback", small_talk=True)) == SMALL_TALK
    assert kind_of(reply("clarify")) == "clarify"
    assert day_of(NOON) == "2026-11-20"
    assert day_of(datetime(2026, 11, 20, 23, 59, 59, tzinfo=UTC).timestamp()) == "2026-11-20"


def test_counts_are_written_in_batches_and_when_read(store):
    clock = store.clock_value
    daily = DailyCounts(lambda: store.engine, clock=lambda: clock["now"], flush_seconds=10)

    def written() -> int:
        with store.engine.connect() as db:
            return db.execute(sa.select(sa.func.coalesce(sa.func.sum(daily_table.c.count), 0))
                              ).scalar_one()

    daily.add(reply("answer"))
    daily.add(reply("fallback"))
    assert written() == 0  # in memory, not yet due
    clock["now"] += 10
    daily.add(reply("answer"))  # due: the three go in one transaction
    assert written() == 3
    daily.add(reply("clarify"))
    assert written() == 3
    assert daily.counts(date(2026, 11, 20), date(2026, 11, 20))["2026-11-20"]["clarify"] == 1
    assert written() == 4
    daily.add(reply("clarify"))
    store.daily = daily
    store.dispose()  # a worker exiting writes what it counted
    assert written() == 5


def test_an_idle_workers_counts_are_written_by_its_timer(store):
    """No further reply comes to trigger a write: the timer writes them within the interval."""
    daily = DailyCounts(lambda: store.engine, flush_seconds=0.2)
    daily.add(reply("answer"))
    daily.add(reply("fallback"))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with store.engine.connect() as db:
            rows = db.execute(sa.select(daily_table.c.kind, daily_table.c.count)).all()
        if sorted(rows) == [("answer", 1), ("fallback", 1)]:
            break
        time.sleep(0.05)
    assert sorted(rows) == [("answer", 1), ("fallback", 1)]


def test_a_failing_database_keeps_the_counts_for_the_next_try(store, caplog):
    broken = {"yes": True}

    def engine():
        if broken["yes"]:
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error"))
        return store.engine

    daily = DailyCounts(engine, clock=lambda: NOON)
    daily.add(reply("answer"))  # never raises
    assert "could not write the daily reply counts" in caplog.text
    broken["yes"] = False
    daily.add(reply("answer"))
    assert daily.counts(date(2026, 11, 20), date(2026, 11, 20)) == {"2026-11-20": {"answer": 2}}


def test_the_migration_adds_the_table_and_a_comment_to_old_ratings(tmp_path):
    """A records file at revision 0001 (ratings without comments) is upgraded in place."""
    path = tmp_path / "feedback.sqlite3"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL,
            entry_id TEXT, message TEXT NOT NULL, rating TEXT NOT NULL, created REAL NOT NULL,
            CONSTRAINT feedback_rating CHECK (rating IN ('up', 'down')));
        CREATE TABLE questions (id INTEGER PRIMARY KEY, created REAL, channel TEXT,
            session_id TEXT, message TEXT, kind TEXT, confidence REAL, best_entry_id TEXT);
        CREATE TABLE entry_hits (entry_id TEXT PRIMARY KEY, hits INTEGER, last_hit REAL);
        CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);
        INSERT INTO alembic_version VALUES ('0001');
        INSERT INTO feedback (session_id, entry_id, message, rating, created)
            VALUES ('s1', 'stride', 'what is stride', 'down', 1700000000);
    """)
    db.commit()
    db.close()
    records = Records(sqlite_url(path))
    [old] = records.list()
    assert old.comment is None and "comment" not in old.to_dict()
    new = records.record("s2", "stride", "what is stride?", "down", comment="Too short.")
    assert records.list()[0] == new and new.to_dict()["comment"] == "Too short."
    with records.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() \
            == "0002"
        assert connection.execute(sa.select(daily_table)).all() == []
    records.dispose()


# --- the numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(("since", "expected"), [
    (None, date(2026, 11, 1)),                       # the last 30 days
    (date(2026, 11, 25), date(2026, 11, 25)),
    (date(2030, 1, 1), date(2026, 11, 30)),          # the future: today only
    (date(2020, 1, 1), date(2026, 11, 30) - timedelta(days=365)),  # at most 366 days
])
def test_window(since, expected):
    assert dashboard.window(since, date(2026, 11, 30)) == (expected, date(2026, 11, 30))


def test_days_fill_the_window_and_the_rate_leaves_out_small_talk(store):
    store("q", reply("fallback"), "s1")
    store("q", reply("answer", entry_id="stride"), "s1")
    store("hi", reply("fallback", small_talk=True), "s1")
    days = dashboard.days(store, date(2026, 11, 18), date(2026, 11, 20))
    assert [d.day for d in days] == [date(2026, 11, 18), date(2026, 11, 19), date(2026, 11, 20)]
    assert days[0].total == 0 and days[0].fallback_rate is None
    assert (days[2].total, days[2].small_talk, days[2].fallback_rate) == (2, 1, 0.5)


def test_disliked_answers_most_first_with_their_comments(store, knowledge_base):
    store.record("s1", "stride", "what is stride?", "down", comment="Too short.")
    store.record("s2", "stride", "stride??", "down")
    store.record("s3", "stride", "stride", "up")
    store.record("s4", "padding-modes", "what is same padding", "down", comment="Wrong!")
    store.record("s5", "dropout", "dropout", "up")
    found = dashboard.disliked(store, knowledge_base, date(2026, 11, 1))
    assert [(d.entry_id, d.down, d.up) for d in found] == [("stride", 2, 1),
                                                          ("padding-modes", 1, 0)]
    assert [c.text for c in found[0].comments] == ["Too short."]
    assert found[0].question == knowledge_base.get("stride").question.strip()
    assert dashboard.disliked(store, knowledge_base, date(2026, 11, 21)) == []


@pytest.mark.parametrize(("top", "ticks"), [(0, [0, 1]), (3, [0, 1, 2, 3]), (7, [0, 2, 4, 6, 8]),
                                            (37, [0, 10, 20, 30, 40]),
                                            (999, [0, 200, 400, 600, 800, 1000])])
def test_axes_count_in_whole_numbers(top, ticks):
    assert dashboard._ticks(top) == ticks


# --- the charts -------------------------------------------------------------------------------


def _svg(chart) -> ElementTree.Element:
    return ElementTree.fromstring(chart.svg)


def _marks(chart) -> dict[str, str]:
    """{title: value} of every bar or dot."""
    return {title.text: mark.get("data-value") for mark in _svg(chart).iter()
            if mark.get("data-value") is not None
            and (title := mark.find(f"{SVG}title")) is not None}


def test_the_kinds_chart_draws_the_counts_and_says_them_in_words():
    days = [dashboard.Day(date(2026, 11, 19), {"answer": 3, "calculation": 0, "clarify": 1,
                                               "fallback": 2}, small_talk=4),
            dashboard.Day(date(2026, 11, 20), {"answer": 0, "calculation": 5, "clarify": 0,
                                               "fallback": 0})]
    chart = dashboard.kinds_chart(days, "n0nce")
    marks = _marks(chart)
    assert marks["Answers, Nov 19: 3"] == "3" and marks["Fallbacks, Nov 19: 2"] == "2"
    assert marks["Calculations, Nov 20: 5"] == "5"
    assert chart.summary == ("Questions per day from Nov 19 to Nov 20: 3 answers, 5 "
                             "calculations, 1 question back, 2 fallbacks; the busiest day was "
                             "Nov 19 with 6.")
    assert chart.rows == [["2026-11-19", 3, 0, 1, 2, 6, 4], ["2026-11-20", 0, 5, 0, 0, 5, 0]]


def test_charts_are_accessible_inline_svg_that_needs_no_script_and_no_inline_style():
    days = [dashboard.Day(date(2026, 11, 20), {"answer": 1, "calculation": 0, "clarify": 0,
                                               "fallback": 1})]
    charts = [dashboard.kinds_chart(days, "n0nce"), dashboard.fallback_chart(days, "n0nce"),
              dashboard.hits_chart([("stride", 4), ("dropout", 1)], "n0nce"),
              dashboard.dislikes_chart([dashboard.Disliked("stride", "q", 2, 1)], "n0nce")]
    for chart in charts:
        root = _svg(chart)
        assert root.get("role") == "img" and root.get("aria-label") == chart.summary
        tags = [element.tag for element in root.iter()]
        assert f"{SVG}script" not in tags and f"{SVG}title" not in [c.tag for c in root]
        assert all(s.get("nonce") == "n0nce" for s in root.iter() if s.tag.endswith("style"))
        assert not re.search(r"\sstyle=", chart.svg)  # CSP: no style attributes
        assert not re.search(r'\sid="activate-serie', chart.svg)  # no ids repeated per chart
        assert _marks(chart)
    assert _marks(charts[1]) == {"Fallback rate, Nov 20: 50%": "50%"}
    assert _marks(charts[2])["Answers given, stride: 4"] == "4"
    assert _marks(charts[3]) == {"Thumbs down, stride: 2": "2", "Thumbs up, stride: 1": "1"}


def test_charts_without_data_say_so():
    days = [dashboard.Day(date(2026, 11, 20), dict.fromkeys(("answer", "calculation", "clarify",
                                                             "fallback"), 0))]
    assert dashboard.kinds_chart(days, "n").summary.endswith("no questions yet.")
    assert dashboard.fallback_chart(days, "n").summary.endswith("no questions yet.")
    assert dashboard.hits_chart([], "n").summary == "No entry has been given as an answer yet."
    assert dashboard.dislikes_chart([], "n").rows == []


def test_build_puts_the_page_together(store, app):
    tutor, knowledge_base = app.extensions["tutor"], app.extensions["knowledge_base"]
    for message in ["what is a capsule network?", "what is a capsule network",
                    "how do I bake sourdough bread?"]:
        store(message, Reply("fallback", "?", "s", None, 0.1, [Match("stride", "q", 0.1)]), "s")
    store("why max pooling", reply("answer", entry_id="max-pooling-reasons"), "s")
    page = dashboard.build(store, tutor, knowledge_base, None, "largest", "n",
                           today=date(2026, 11, 20))
    assert page["start"] == date(2026, 10, 22) and page["end"] == date(2026, 11, 20)
    assert page["totals"] == {"questions": 4, "fallbacks": 3, "groups": 2, "disliked": 0}
    [(first, draft, _), (second, _, _)] = page["groups"]
    assert (first.count, second.count) == (2, 1)  # largest first
    assert draft.filename.endswith(".yaml") and "capsule" in draft.yaml
    newest = dashboard.build(store, tutor, knowledge_base, None, "newest", "n",
                             today=date(2026, 11, 20))
    assert [g.count for g, _, _ in newest["groups"]] == [1, 2]
