"""The instructors' dashboard: what students asked, counted, grouped and charted.

Plain functions over the records (`service.operations.records`, `service.operations.daily`) and
the knowledge base; `service.channels.api.admin_dashboard` only renders what `build` returns.
Charts are drawn on the server by pygal as SVG that goes into the page inline: no JavaScript,
nothing fetched, so the page works offline and under a strict Content-Security-Policy. pygal's own
tooltip script and hidden tooltip box are taken out of each chart (they would need inline script
and style attributes); each mark gets an SVG `<title>` instead (the browser's own tooltip), and
each chart a one-sentence summary for screen readers beside a table of its numbers.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from xml.etree import ElementTree

import sqlalchemy as sa
import yaml

from service.knowledge.loading import KnowledgeBase
from service.operations import report
from service.operations.daily import KINDS, SMALL_TALK
from service.operations.records import Records, feedback_table

DEFAULT_DAYS = 30
MAX_DAYS = 366
MAX_QUESTIONS = 5000  # newest unanswered questions grouped per page (grouping is quadratic)
GROUPS_SHOWN = 50
TOP_ENTRIES = 12
COMMENTS_PER_ENTRY = 5
SORTS = ("newest", "largest")

# How a kind is named for people, and its colour: the widget's indigo for answers, then
# colours told apart with any colour vision (Okabe-Ito's bluish green, orange, vermillion).
LABELS = {"answer": "Answers", "calculation": "Calculations",
          "clarify": "Questions back", "fallback": "Fallbacks"}
ONE = {"answer": "answer", "calculation": "calculation", "clarify": "question back",
       "fallback": "fallback"}
COLOURS = {"answer": "#4338ca", "calculation": "#009e73", "clarify": "#e69f00",
           "fallback": "#d55e00"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif"


def _pygal():
    """pygal, imported on first use and without the import hook it installs.

    pygal appends a `sys.meta_path` hook for its map plugins (not used here) that has only the
    legacy `find_module`: Python 3.11 warns (ImportWarning) on every failed import that
    reaches it, which breaks optional imports elsewhere under `-W error`. It is taken out
    before any other import can run.
    """
    import pygal

    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, pygal.PluginImportFixer)]
    return pygal


def _style(*colours: str):
    return _pygal().style.Style(
        background="transparent", plot_background="#ffffff", foreground="#1f2430",
        foreground_strong="#1f2430", foreground_subtle="#e3e6ee", opacity="1",
        opacity_hover=".8", transition="0ms", colors=colours or ("#4338ca",),
        value_colors=("#ffffff",) * max(1, len(colours)),  # printed values sit on the bars
        font_family=FONT, label_font_size=15, major_label_font_size=15, legend_font_size=16,
        value_font_size=15, value_label_font_size=15, title_font_size=17, no_data_font_size=22)


# --- the numbers ----------------------------------------------------------------------------------


@dataclass
class Day:
    """Replies on one UTC day: per kind, and small talk apart (never a fallback)."""

    day: date
    counts: dict[str, int]
    small_talk: int = 0

    @property
    def total(self) -> int:
        """Questions that day: every reply but small talk."""
        return sum(self.counts.values())

    @property
    def fallback_rate(self) -> float | None:
        """The share of that day's questions that fell back (None on a day without any)."""
        return self.counts["fallback"] / self.total if self.total else None


@dataclass
class Comment:
    """A thumbs down that said why."""

    text: str
    message: str
    created: float


@dataclass
class Disliked:
    """An entry (None: replies that named no entry) and its ratings in the window."""

    entry_id: str | None
    question: str
    down: int = 0
    up: int = 0
    comments: list[Comment] = field(default_factory=list)


@dataclass
class Chart:
    """One chart: the inline SVG, a sentence for screen readers and its numbers as a table."""

    key: str
    title: str
    svg: str
    summary: str
    columns: list[str]
    rows: list[list]


@dataclass
class Draft:
    """A group's draft entry: the YAML and a file name for the download."""

    yaml: str
    filename: str


def window(since: date | None, today: date) -> tuple[date, date]:
    """Return the first and last day shown: from `since` (default: the last 30 days) to
    today, at most MAX_DAYS."""
    start = since or today - timedelta(days=DEFAULT_DAYS - 1)
    return min(max(start, today - timedelta(days=MAX_DAYS - 1)), today), today


def days(records: Records, start: date, end: date) -> list[Day]:
    """Return every day from `start` to `end`, with its replies counted by kind."""
    found = records.daily.counts(start, end)
    out = []
    for n in range((end - start).days + 1):
        day = start + timedelta(days=n)
        counts = found.get(day.isoformat(), Counter())
        out.append(Day(day, {kind: counts.get(kind, 0) for kind in KINDS},
                       counts.get(SMALL_TALK, 0)))
    return out


def groups(records: Records, matcher, start: date, sort: str) -> list[report.Group]:
    """Return the unanswered groups from `start` on, newest or largest first."""
    questions = records.questions(since=_midnight(start), limit=MAX_QUESTIONS)
    found = report.group_questions(questions, matcher)
    if sort == "largest":
        found.sort(key=lambda g: (g.count, g.newest), reverse=True)
    return found


def draft(group: report.Group, knowledge_base: KnowledgeBase) -> Draft:
    """Return the group's draft entry and the name to download it under."""
    text = report.draft_entry(group, knowledge_base)
    return Draft(text, f"{yaml.safe_load(text)['entries'][0]['id']}.yaml")


def draft_for(records: Records, tutor, knowledge_base: KnowledgeBase, group_id: int,
              since: date | None, today: date | None = None) -> Draft | None:
    """Return the draft of the group holding question `group_id` among the groups of the
    window from `since`, or None when no group there holds it."""
    start, _ = window(since, today or datetime.now(UTC).date())
    group = report.find_group(groups(records, tutor.matcher, start, "newest"), group_id)
    return draft(group, knowledge_base) if group else None


def disliked(records: Records, knowledge_base: KnowledgeBase, start: date) -> list[Disliked]:
    """Return the entries with thumbs down from `start` on, most disliked first, with their
    thumbs up and the newest comments."""
    since = _midnight(start).timestamp()
    table = feedback_table
    tally = (sa.select(table.c.entry_id, table.c.rating, sa.func.count())
             .where(table.c.created >= since).group_by(table.c.entry_id, table.c.rating))
    comments = (sa.select(table.c.entry_id, table.c.comment, table.c.message, table.c.created)
                .where(table.c.created >= since, table.c.rating == "down",
                       table.c.comment.is_not(None))
                .order_by(table.c.id.desc()).limit(COMMENTS_PER_ENTRY * 50))
    by_entry: dict[str | None, Disliked] = {}

    def entry(entry_id: str | None) -> Disliked:
        if entry_id not in by_entry:
            known = knowledge_base.entries.get(entry_id or "")
            question = known.question.strip() if known else (
                "Replies that named no entry" if entry_id is None
                else "(no longer in the knowledge base)")
            by_entry[entry_id] = Disliked(entry_id, question)
        return by_entry[entry_id]

    with records.engine.connect() as db:
        for entry_id, rating, count in db.execute(tally):
            setattr(entry(entry_id), rating, count)
        for entry_id, text, message, created in db.execute(comments):
            found = entry(entry_id)
            if len(found.comments) < COMMENTS_PER_ENTRY:
                found.comments.append(Comment(text, message, created))
    return sorted((d for d in by_entry.values() if d.down),
                  key=lambda d: (-d.down, d.up, d.entry_id or ""))


def top_hits(records: Records, limit: int = TOP_ENTRIES) -> list[tuple[str, int]]:
    """Return the entries given most often as answers (all time), most first."""
    return sorted(records.hit_counts().items(), key=lambda item: (-item[1], item[0]))[:limit]


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


# --- the charts -----------------------------------------------------------------------------------


def _short(day: date) -> str:
    return f"{day:%b} {day.day}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _render(chart, key: str, summary: str, nonce: str, series: list[str]) -> str:
    """The chart as inline SVG: pygal's script and tooltip box out, a nonce on its style
    element, a `<title>` on every mark, and role="img" with the summary as its label."""

    def accessible(root: ElementTree.Element) -> ElementTree.Element:
        root.set("role", "img")
        root.set("aria-label", summary)
        root.set("focusable", "false")
        root.set("class", f"{root.get('class', '')} chart-{key}".strip())
        for parent in list(root.iter()):
            for child in list(parent):
                classes = (child.get("class") or "").split()
                # pygal's script, its hidden tooltip box, and its title "Pygal" (the summary
                # labels the chart)
                if child.tag == "script" or "tooltip-overlay" in classes or (
                        child.tag == "title" and parent is root):
                    parent.remove(child)
                elif child.tag == "style":
                    child.set("nonce", nonce)
                elif "legend" in classes:
                    child.attrib.pop("id", None)  # "activate-serie-0" again in every chart
                elif "series" in classes:
                    _title_marks(child, series)
        return root

    chart.add_xml_filter(accessible)
    return chart.render(is_unicode=True)


def _title_marks(group: ElementTree.Element, series: list[str]) -> None:
    """Give each bar or dot of a series an SVG title ("Fallbacks, Nov 3: 4") and its value."""
    number = next((int(c[6:]) for c in group.get("class", "").split()
                   if c.startswith("serie-") and c[6:].isdigit()), None)
    if number is None or number >= len(series):
        return
    for mark in group.iter():
        if (mark.get("class") or "").split()[:1] not in (["bar"], ["dots"]):
            continue
        value = mark.findtext("desc[@class='value']", "")
        label = mark.findtext("desc[@class='x_label']", "")
        ElementTree.SubElement(mark, "title").text = f"{series[number]}, {label}: {value}"
        mark.set("data-value", value)


def _ticks(top: int, most: int = 6) -> list[int]:
    """Whole-number axis ticks from 0 past `top`: steps of 1, 2, 5, 10, 20, 50, ..."""
    step = 1
    while math.ceil(max(top, 1) / step) + 1 > most:
        step = next(s * 10 ** (len(str(step)) - 1) for s in (2, 5, 10)
                    if s * 10 ** (len(str(step)) - 1) > step)
    return list(range(0, max(top, 1) + step, step))


def _count(value) -> str:
    return "" if value is None else f"{value:.0f}"


def _config(**options) -> dict:
    base = {"js": [], "disable_xml_declaration": True, "width": 640, "height": 340,
            "legend_at_bottom": True, "legend_at_bottom_columns": 4, "show_y_guides": True,
            "margin": 12, "spacing": 14, "truncate_label": -1, "truncate_legend": -1,
            "no_data_text": "Nothing yet"}
    return base | options


def kinds_chart(days_: list[Day], nonce: str) -> Chart:
    """Questions per day, stacked by kind."""
    labels = [_short(d.day) for d in days_]
    chart = _pygal().StackedBar(**_config(
        style=_style(*(COLOURS[k] for k in KINDS)), x_labels=labels,
        show_minor_x_labels=False, x_labels_major_every=max(1, math.ceil(len(days_) / 6)),
        y_labels=_ticks(max(d.total for d in days_)), value_formatter=_count))
    chart.title = None
    for kind in KINDS:
        chart.add(LABELS[kind], [d.counts[kind] for d in days_])
    totals = {kind: sum(d.counts[kind] for d in days_) for kind in KINDS}
    busiest = max(days_, key=lambda d: d.total)
    summary = (f"Questions per day from {_short(days_[0].day)} to {_short(days_[-1].day)}: "
               + ", ".join(f"{totals[k]} {ONE[k] if totals[k] == 1 else LABELS[k].lower()}"
                           for k in KINDS)
               + (f"; the busiest day was {_short(busiest.day)} with {busiest.total}."
                  if busiest.total else "; no questions yet."))
    rows = [[d.day.isoformat(), *(d.counts[k] for k in KINDS), d.total, d.small_talk]
            for d in days_ if d.total or d.small_talk]
    return Chart("kinds", "Questions per day, by kind",
                 _render(chart, "kinds", summary, nonce, [LABELS[k] for k in KINDS]),
                 summary, ["Day (UTC)", *(LABELS[k] for k in KINDS), "Questions",
                           "Small talk (not counted)"], rows)


def fallback_chart(days_: list[Day], nonce: str) -> Chart:
    """The share of each day's questions that fell back, as a line with gaps on quiet days."""
    labels = [_short(d.day) for d in days_]
    rates = [None if d.fallback_rate is None else round(100 * d.fallback_rate, 1) for d in days_]
    top = max((r for r in rates if r is not None), default=0)
    chart = _pygal().Line(**_config(
        style=_style(COLOURS["fallback"]), x_labels=labels, show_minor_x_labels=False,
        x_labels_major_every=max(1, math.ceil(len(days_) / 6)), allow_interruptions=True,
        range=(0, max(10, min(100, math.ceil(top / 10) * 10 + 10))), show_legend=False,
        dots_size=4, stroke_style={"width": 3}, value_formatter=lambda v: f"{v:.0f}%"))
    chart.add("Fallback rate", rates)
    asked = sum(d.total for d in days_)
    overall = sum(d.counts["fallback"] for d in days_) / asked if asked else None
    worst = max((d for d in days_ if d.total), key=lambda d: d.fallback_rate, default=None)
    summary = (f"Fallback rate per day from {_short(days_[0].day)} to {_short(days_[-1].day)}: "
               + (f"{_percent(overall)} of {asked} questions overall, highest "
                  f"{_percent(worst.fallback_rate)} on {_short(worst.day)}."
                  if worst else "no questions yet."))
    rows = [[d.day.isoformat(), d.counts["fallback"], d.total, _percent(d.fallback_rate)]
            for d in days_ if d.total]
    return Chart("fallback-rate", "Fallback rate", _render(
        chart, "fallback-rate", summary, nonce, ["Fallback rate"]), summary,
        ["Day (UTC)", "Fallbacks", "Questions", "Rate"], rows)


def hits_chart(hits: list[tuple[str, int]], nonce: str) -> Chart:
    """The entries answered most often."""
    labels = [entry_id for entry_id, _ in hits]
    chart = _pygal().HorizontalBar(**_config(
        style=_style("#4338ca"), height=max(200, 70 + 40 * len(hits)), show_legend=False,
        print_values=True, x_labels=labels, value_formatter=_count,
        y_labels=_ticks(max((count for _, count in hits), default=0))))
    chart.add("Answers given", [count for _, count in hits])
    summary = ("Entries given most often as answers: " + ", ".join(
        f"{entry_id} {count} times" for entry_id, count in hits[:5]) + "."
        if hits else "No entry has been given as an answer yet.")
    return Chart("hits", "Entries by hits", _render(
        chart, "hits", summary, nonce, ["Answers given"]), summary,
        ["Entry", "Times given"], [list(item) for item in hits])


def dislikes_chart(entries: list[Disliked], nonce: str) -> Chart:
    """Thumbs down (and up) of the most disliked answers."""
    shown = entries[:TOP_ENTRIES]
    labels = [d.entry_id or "(no entry)" for d in shown]
    chart = _pygal().HorizontalBar(**_config(
        # pygal leaves no room for a bottom legend under horizontal bars: make some
        style=_style("#d55e00", "#4338ca"), height=max(240, 120 + 56 * len(shown)),
        margin_bottom=36, print_values=True, x_labels=labels, value_formatter=_count,
        y_labels=_ticks(max((max(d.down, d.up) for d in shown), default=0))))
    chart.add("Thumbs down", [d.down for d in shown])
    chart.add("Thumbs up", [d.up or None for d in shown])
    summary = ("Answers with the most thumbs down: " + ", ".join(
        f"{label} {d.down} down and {d.up} up" for label, d in zip(labels[:5], shown,
                                                                    strict=False)) + "."
        if shown else "No answer has had a thumbs down in this period.")
    return Chart("dislikes", "Entries by thumbs down", _render(
        chart, "dislikes", summary, nonce, ["Thumbs down", "Thumbs up"]), summary,
        ["Entry", "Thumbs down", "Thumbs up", "Comments"],
        [[label, d.down, d.up, len(d.comments)] for label, d in zip(labels, shown, strict=True)])


# --- the page ------------------------------------------------------------------------------------


def build(records: Records, tutor, knowledge_base: KnowledgeBase, since: date | None,
          sort: str, nonce: str, today: date | None = None) -> dict:
    """Return everything the dashboard shows, for the window from `since` to today."""
    today = today or datetime.now(UTC).date()
    start, end = window(since, today)
    days_ = days(records, start, end)
    found = groups(records, tutor.matcher, start, sort)
    disliked_ = disliked(records, knowledge_base, start)
    hits = top_hits(records)
    asked = sum(d.total for d in days_)
    return {
        "start": start, "end": end, "sort": sort, "sorts": SORTS,
        "totals": {"questions": asked, "fallbacks": sum(d.counts["fallback"] for d in days_),
                   "groups": len(found), "disliked": sum(d.down for d in disliked_)},
        "charts": {"kinds": kinds_chart(days_, nonce), "fallback": fallback_chart(days_, nonce),
                   "hits": hits_chart(hits, nonce), "dislikes": dislikes_chart(disliked_, nonce)},
        "groups": [(g, draft(g, knowledge_base), knowledge_base.entries.get(
            g.nearest_entry_id or "")) for g in found[:GROUPS_SHOWN]],
        "more_groups": max(0, len(found) - GROUPS_SHOWN),
        "disliked": disliked_[:TOP_ENTRIES],
    }
