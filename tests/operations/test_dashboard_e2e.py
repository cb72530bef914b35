"""The instructors' dashboard in a real browser: the service under gunicorn, Debian's Chromium.

Two weeks of records are written through the records layer before the server starts, and
today's the way students make them (POST /chat, POST /feedback); then the page is
driven as an instructor would: signed out it shows a form and nothing else, a wrong token is
refused, the right one shows charts whose marks are the seeded counts, the seeded unanswered
group, and a draft entry that `tutor kb validate` accepts once answered. Every request the
page makes stays on the service's origin. Screenshots (laptop and tablet) go to
$TUTOR_SCREENSHOT_DIR, as the widget's test does; docs/screenshots/ holds the committed ones.
"""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from service import config
from service.core.matcher import Match
from service.core.reply import Reply
from service.knowledge.loading import validate_directory
from service.operations.records import Records, sqlite_url
from tests.browser import require_browser, start_service, stop

pytestmark = pytest.mark.slow

TOKEN = "e2e-dashboard-token-0123456789"
CAPSULES = ["what is a capsule network?", "What is a capsule network",
            "whats a capsule network in deep learning"]
OTHERS = ["why would you use max pooling in a cnn?",
          "output size of a 28x28 input with a 5x5 kernel, stride 2, same padding",
          "params of a 3x3 conv from 64 to 128 channels",
          "output size with a 5x5 kernel and stride 2",  # a value is missing: a question back
          "when is the exam?", "what is the cell state in an lstm"]
HISTORY_DAYS = 13  # before today, written through the records layer before the server starts
ASKED_BEFORE = ["is batch norm applied before or after the relu", "what is a graph neural network",
                "how should I pick a learning rate schedule", "what is a graph neural net?"]
ANSWERED = ["max-pooling-reasons", "lstm", "conv-output-size-stride2", "stride", "dropout"]
LABELS = {"answer": "Answers", "calculation": "Calculations", "clarify": "Questions back",
          "fallback": "Fallbacks"}


def history(path: Path) -> dict[date, dict[str, int]]:
    """Two weeks of what students asked, day by day, written as the service would have;
    returns the counts per day and kind."""
    clock = {"now": 0.0}
    store = Records(sqlite_url(path), clock=lambda: clock["now"])
    today = datetime.now(UTC).date()
    written: dict[date, dict[str, int]] = {}
    for back in range(HISTORY_DAYS, 0, -1):
        day = today - timedelta(days=back)
        counts = {"answer": 6 + (back * 5) % 7, "calculation": 2 + back % 4,
                  "clarify": back % 3, "fallback": 1 + (back * 3) % 4}
        clock["now"] = datetime(day.year, day.month, day.day, 10, tzinfo=UTC).timestamp()
        for n in range(counts["answer"]):
            store("a question", Reply("answer", "!", "s", ANSWERED[n % len(ANSWERED)], 0.9), "s")
        for _ in range(counts["calculation"]):
            store("a calculation", Reply("calculation", "=", "s", confidence=1.0), "s")
        for _ in range(counts["clarify"]):
            store("does stride change the receptive field", Reply(
                "clarify", "?", "s", None, 0.4, [Match("stride", "q", 0.4)]), "s")
        for n in range(counts["fallback"]):
            store(ASKED_BEFORE[(back + n) % len(ASKED_BEFORE)], Reply("fallback", "?", "s"), "s")
        if back % 4 == 0:
            store.record("s", "lstm", "how does an lstm work", "down",
                         comment="Lost me at the gates; a picture would help.")
        written[day] = counts
    store.dispose()
    return written


def post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, json.dumps(body).encode(),
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    """The service under gunicorn with an admin token, and the records students left."""
    require_browser("dashboard's browser test")
    work = tmp_path_factory.mktemp("dashboard-e2e")
    before = history(work / "feedback.sqlite3")  # the file the service will use
    # counts written at once, so that the page shows every worker's at once
    running = start_service(work, TUTOR_ADMIN_TOKEN=TOKEN, TUTOR_RATE_LIMITS="",
                            TUTOR_DAILY_FLUSH_SECONDS="0", TUTOR_HITS_FLUSH_SECONDS="0")
    url = running.url
    try:
        kinds: dict[str, int] = dict.fromkeys(LABELS, 0)
        for message in CAPSULES + OTHERS:
            reply = post(url + "/chat", {"message": message})
            kinds[reply["kind"]] += 1
            if reply["kind"] == "answer":
                answered = reply
        post(url + "/chat", {"message": "hello"})  # small talk: counted apart, never a fallback
        post(url + "/feedback", {"session_id": answered["session_id"],
                                 "entry_id": answered["entry_id"], "message": "why?",
                                 "rating": "down", "comment": "Too short, no example."})
        yield {"url": url, "kinds": kinds, "disliked": answered["entry_id"], "history": before}
    finally:
        stop(running.process)


class Visit:
    """A browser context on the dashboard, recording every request and every error."""

    def __init__(self, browser, service_url: str, **context):
        self.context = browser.new_context(accept_downloads=True, **context)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type in ("error", "warning")
                     and self.errors.append(m.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.url = service_url

    def sign_in(self, token: str = TOKEN) -> None:
        self.page.goto(self.url + "/admin")
        self.page.get_by_label("Admin token").fill(token)
        self.page.get_by_role("button", name="Sign in").click()

    def close(self) -> None:
        foreign = [u for u in self.requests
                   if not (u.startswith(self.url + "/") or u.startswith("data:"))]
        self.context.close()
        assert foreign == [], foreign  # nothing leaves the service's origin
        assert self.errors == []  # no CSP violation, no script error


def kinds_marks(page) -> dict[str, str]:
    """{title: value} of every bar of the questions-per-day chart."""
    return page.locator("svg.chart-kinds [data-value]").evaluate_all(
        "marks => Object.fromEntries(marks.map(m => [m.querySelector('title').textContent,"
        " m.dataset.value]))")


def test_signed_out_shows_nothing_and_a_wrong_token_is_refused(service, browser):
    from playwright.sync_api import expect

    visit = Visit(browser, service["url"], viewport={"width": 1280, "height": 800})
    page = visit.page
    page.goto(service["url"] + "/admin")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    assert page.locator("svg.pygal-chart").count() == 0
    assert "capsule" not in page.content()

    visit.sign_in("not-the-token")
    expect(page.get_by_role("alert")).to_contain_text("not the admin token")
    expect(page.get_by_label("Admin token")).to_have_attribute("aria-invalid", "true")
    assert page.locator("svg.pygal-chart").count() == 0
    assert "capsule" not in page.content()
    # Chromium logs the refusal's status (401) as a console error: that one is expected
    refused = "the server responded with a status of 401"
    visit.errors = [e for e in visit.errors if refused not in e]
    visit.close()


def test_signed_in_the_dashboard_shows_the_records(service, browser, screenshots, tmp_path):
    from playwright.sync_api import expect

    visit = Visit(browser, service["url"], viewport={"width": 1366, "height": 900})
    visit.context.grant_permissions(["clipboard-read", "clipboard-write"],
                                    origin=service["url"])
    page = visit.page
    visit.sign_in()
    expect(page.get_by_role("heading", name="What students asked")).to_be_visible()

    # Four charts, each an image with a text alternative, the marks drawn from the records.
    charts = page.locator("svg.pygal-chart")
    expect(charts).to_have_count(4)
    for n in range(4):
        assert len(charts.nth(n).get_attribute("aria-label")) > 40
        assert charts.nth(n).get_attribute("role") == "img"
        assert charts.nth(n).bounding_box()["width"] > 300
    today = datetime.now(UTC).date()
    day = f"{today:%b} {today.day}"
    marks = kinds_marks(page)
    for kind, count in service["kinds"].items():
        assert marks[f"{LABELS[kind]}, {day}: {count}"] == str(count), marks
    for past, counts in service["history"].items():
        for kind, count in counts.items():
            label = f"{LABELS[kind]}, {past:%b} {past.day}: {count}"
            assert marks[label] == str(count), label
    everything = len(CAPSULES + OTHERS) + sum(sum(c.values()) for c in service["history"].values())
    assert sum(int(v) for v in marks.values()) == everything  # and "hello" is not counted
    page.screenshot(path=str(screenshots / "dashboard-desktop.png"), full_page=True)
    hits = page.locator("svg.chart-hits [data-value]")
    assert hits.count() >= 1
    downs = {"lstm": len([back for back in range(1, HISTORY_DAYS + 1) if back % 4 == 0])}
    downs[service["disliked"]] = downs.get(service["disliked"], 0) + 1
    for entry_id, count in downs.items():
        expect(page.locator("svg.chart-dislikes [data-value]", has=page.locator(
            "title", has_text=f"Thumbs down, {entry_id}: {count}"))).to_have_count(1)
    # The numbers, for anyone who cannot see the chart.
    page.locator("#chart-kinds summary").click()
    expect(page.locator("#chart-kinds table")).to_contain_text(today.isoformat())
    expect(page.get_by_text("Too short, no example.")).to_be_visible()

    # The unanswered group that was seeded, with its examples and nearest entry.
    group = page.locator("li.group", has_text="capsule network")
    expect(group).to_have_count(1)
    expect(group.locator(".count")).to_contain_text("3")
    expect(group.locator(".facts")).to_contain_text("Nearest entry")

    # Its draft entry: shown, copied, downloaded, and valid once answered.
    group.locator("summary", has_text="Draft entry").click()
    draft = group.locator("textarea")
    expect(draft).to_be_visible()
    text = draft.input_value()
    group.get_by_role("button", name="Copy").click()
    expect(group.get_by_role("status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == text
    with page.expect_download() as download:
        group.get_by_role("link", name=re.compile(r"^Download .+\.yaml$")).click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == text
    entry = yaml.safe_load(text)["entries"][0]
    assert entry["answer"] == "" and entry["explanation"] == ""
    assert any("capsule network" in a.lower() for a in entry["alternates"])
    knowledge = shutil.copytree(config.KNOWLEDGE_DIR, tmp_path / "knowledge")
    (knowledge / saved.name).write_text(text.replace(
        'answer: ""', "answer: Groups of neurons whose output is a vector.").replace(
        'explanation: ""', "explanation: |\n      Each capsule's length is a probability."))
    entries, problems, _ = validate_directory(knowledge)
    assert problems == [] and entry["id"] in entries
    page.screenshot(path=str(screenshots / "dashboard-draft.png"), full_page=True)

    # The filter: largest group first, and from a date.
    page.get_by_label("Order", exact=True).select_option("largest")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_label("Order", exact=True)).to_have_value("largest")
    sizes = [int(n) for n in page.locator("li.group .count").evaluate_all(
        "counts => counts.map(c => c.firstChild.textContent)")]
    assert len(sizes) >= 3 and sizes == sorted(sizes, reverse=True), sizes
    expect(page.get_by_label("From", exact=True)).to_have_value(re.compile(r"^\d{4}-\d\d-\d\d$"))

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    page.goto(service["url"] + "/admin")
    assert page.locator("svg.pygal-chart").count() == 0
    visit.close()


def test_it_fits_a_tablet(service, browser, screenshots):
    from playwright.sync_api import expect

    visit = Visit(browser, service["url"], viewport={"width": 820, "height": 1180},
                  is_mobile=True, has_touch=True)
    page = visit.page
    visit.sign_in()
    expect(page.locator("svg.pygal-chart")).to_have_count(4)
    assert page.evaluate("document.documentElement.scrollWidth") <= 820  # nothing sideways
    for n in range(4):
        box = page.locator("svg.pygal-chart").nth(n).bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= 820, box
    page.screenshot(path=str(screenshots / "dashboard-tablet.png"))
    visit.close()


def test_the_page_asks_for_nothing_from_elsewhere(service):
    """The HTML itself names no other origin: no CDN, no font service, no analytics."""
    with urllib.request.urlopen(service["url"] + "/admin", timeout=10) as response:
        html = response.read().decode()
    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", html)
