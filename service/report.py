"""What to add next: unanswered questions grouped by similarity, for instructors.

Pure functions over `service.records.Question`s and the current matcher, shared by
`GET /admin/unanswered` and `tutor report`. Questions are compared on the matcher's own
normalised tokens (typos corrected, synonyms applied, stop words gone), so "what is a VAE's
ELBO" and "whats the elbo of a vae?" meet, with rapidfuzz's token_set_ratio; grouping is
greedy: newest first, each question joins the first group whose first (newest) question it
resembles at `threshold` or more, else starts a group.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rapidfuzz import fuzz

from service.matcher import Matcher
from service.records import Question

THRESHOLD = 80.0
EXAMPLES = 3
FORMATS = ("json", "csv", "markdown")


@dataclass
class Group:
    """Similar unanswered questions: how many, up to three examples, the newest time, and the
    knowledge-base entry nearest to them now (None when nothing matches at all)."""

    count: int
    examples: list[str]
    newest: float
    nearest_entry_id: str | None = None
    nearest_score: float = 0.0
    key: str = field(default="", repr=False)

    def to_dict(self) -> dict:
        """Return the group as JSON-ready values, the time as ISO 8601 in UTC."""
        return {"count": self.count, "examples": self.examples,
                "newest": iso(self.newest), "nearest_entry_id": self.nearest_entry_id,
                "nearest_score": round(self.nearest_score, 4)}


def iso(timestamp: float) -> str:
    """Return a Unix time as ISO 8601 in UTC, to the second."""
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


def normalise(matcher: Matcher, text: str) -> str:
    """Return the text the matcher sees: its content tokens, typos corrected, in order."""
    tokens = matcher.query_tokens(text)
    return " ".join(tokens) if tokens else text.lower().strip()


def group_questions(questions: list[Question], matcher: Matcher,
                    threshold: float = THRESHOLD) -> list[Group]:
    """Group similar questions (greedy, newest first) and find each group's nearest entry.

    Returns the groups newest first (by their newest question).
    """
    groups: list[Group] = []
    for question in sorted(questions, key=lambda q: (q.created, q.id), reverse=True):
        key = normalise(matcher, question.message)
        for group in groups:
            if fuzz.token_set_ratio(key, group.key) >= threshold:
                group.count += 1
                if len(group.examples) < EXAMPLES and question.message not in group.examples:
                    group.examples.append(question.message)
                break
        else:
            groups.append(Group(1, [question.message], question.created, key=key))
    for group in groups:
        best = matcher.search(group.examples[0], limit=1)
        if best:
            group.nearest_entry_id, group.nearest_score = best[0].entry_id, best[0].score
    return groups


def to_csv(groups: list[Group]) -> str:
    """Return the groups as CSV with a header row; examples joined by " | "."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["count", "newest", "nearest_entry_id", "nearest_score", "examples"])
    for group in groups:
        row = group.to_dict()
        writer.writerow([row["count"], row["newest"], row["nearest_entry_id"] or "",
                         row["nearest_score"], " | ".join(row["examples"])])
    return out.getvalue()


def to_markdown(groups: list[Group]) -> str:
    """Return the groups as a Markdown table, one row per group."""
    lines = ["| Count | Newest | Nearest entry | Score | Examples |",
             "| ---: | --- | --- | ---: | --- |"]
    for group in groups:
        row = group.to_dict()
        examples = "<br>".join(_cell(e) for e in row["examples"])
        lines.append(f"| {row['count']} | {row['newest']} | {row['nearest_entry_id'] or '-'} "
                     f"| {row['nearest_score']:.2f} | {examples} |")
    if not groups:
        lines.append("| 0 | - | - | - | *no unanswered questions* |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def render(groups: list[Group], format: str):
    """Return the groups in `format`: a dict for JSON, else text."""
    if format == "csv":
        return to_csv(groups)
    if format == "markdown":
        return to_markdown(groups)
    return {"groups": [group.to_dict() for group in groups]}
