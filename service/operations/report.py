"""What to add next: unanswered questions grouped by similarity, for instructors.

Pure functions over `service.operations.records.Question`s and the current matcher, shared by
`GET /admin/unanswered` and `tutor report`. Questions are compared on the matcher's own
normalised tokens (typos corrected, synonyms applied, stop words gone), so "what is a VAE's
ELBO" and "whats the elbo of a vae?" meet, with rapidfuzz's token_set_ratio; grouping is
greedy: newest first, each question joins the first group whose first (newest) question it
resembles at `threshold` or more, else starts a group.

A group is named by the record id of its newest question (`id`); any of its questions' ids
finds it again (`find_group`), so a name stays good while new questions join. `draft_entry`
turns a group into a knowledge-base entry for an instructor to finish.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rapidfuzz import fuzz

from service.core.matcher import Matcher
from service.core.textnorm import STOPWORDS, words
from service.knowledge.loading import MIN_ALTERNATES, TOPICS, KnowledgeBase, unbalanced_math
from service.operations.records import Question

THRESHOLD = 80.0
EXAMPLES = 3
PHRASINGS = 20  # distinct wordings kept per group, for a draft's alternates
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
    id: int = 0  # the record id of the newest question: the group's name
    members: list[int] = field(default_factory=list, repr=False)  # every question's id
    phrasings: list[str] = field(default_factory=list, repr=False)  # distinct, newest first

    def to_dict(self) -> dict:
        """Return the group as JSON-ready values, the time as ISO 8601 in UTC."""
        return {"id": self.id, "count": self.count, "examples": self.examples,
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
                group.members.append(question.id)
                if len(group.examples) < EXAMPLES and question.message not in group.examples:
                    group.examples.append(question.message)
                if len(group.phrasings) < PHRASINGS and question.message not in group.phrasings:
                    group.phrasings.append(question.message)
                break
        else:
            groups.append(Group(1, [question.message], question.created, key=key,
                                id=question.id, members=[question.id],
                                phrasings=[question.message]))
    for group in groups:
        best = matcher.search(group.examples[0], limit=1)
        if best:
            group.nearest_entry_id, group.nearest_score = best[0].entry_id, best[0].score
    return groups


def to_csv(groups: list[Group]) -> str:
    """Return the groups as CSV with a header row; examples joined by " | "."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # `id` last: scripts reading the columns by position keep working
    writer.writerow(["count", "newest", "nearest_entry_id", "nearest_score", "examples", "id"])
    for group in groups:
        row = group.to_dict()
        writer.writerow([row["count"], row["newest"], row["nearest_entry_id"] or "",
                         row["nearest_score"], " | ".join(row["examples"]), row["id"]])
    return out.getvalue()


def to_markdown(groups: list[Group]) -> str:
    """Return the groups as a Markdown table, one row per group."""
    lines = ["| Count | Newest | Nearest entry | Score | Examples | Group |",
             "| ---: | --- | --- | ---: | --- | ---: |"]
    for group in groups:
        row = group.to_dict()
        examples = "<br>".join(_cell(e) for e in row["examples"])
        lines.append(f"| {row['count']} | {row['newest']} | {row['nearest_entry_id'] or '-'} "
                     f"| {row['nearest_score']:.2f} | {examples} | {row['id']} |")
    if not groups:
        lines.append("| 0 | - | - | - | *no unanswered questions* | - |")
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


def find_group(groups: list[Group], question_id: int) -> Group | None:
    """Return the group holding the question with this record id (a group's `id` is one)."""
    return next((group for group in groups if question_id in group.members), None)


# --- a draft entry from a group -----------------------------------------------------------------

DRAFT_ALTERNATES = 12
DRAFT_ID_WORDS = 5
# Characters YAML cannot carry raw in a double-quoted scalar (JSON already escapes C0 controls).
_NOT_YAML_PRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SHORT_QUESTION = 120
_RELATED_SCORE = 0.3  # below it the nearest entry is too far to name as a likely confusion
_QUESTION_WORDS = frozenset("what whats why how when where which who whom whose is are was were "
                            "do does did can could should would will shall may might".split())


def draft_entry(group: Group, knowledge_base: KnowledgeBase) -> str:
    """Return a knowledge-base file (YAML, with comments) holding one draft entry for `group`.

    It proposes an id not yet taken, the nearest entry's topic, the students' phrasings as
    alternates (made up to the minimum from their words when they are too few), keywords,
    `related` to the nearest entry, and a first misconception; `answer` and `explanation`
    are empty and marked for the instructor. Once those two are written, `tutor kb validate`
    accepts the file as it is.
    """
    nearest = knowledge_base.entries.get(group.nearest_entry_id or "")
    phrasings = _representative_first(
        [" ".join(p.split()) for p in (group.phrasings or group.examples) if p.strip()]
        or [f"unanswered question {group.id}"])
    alternates, asked = _alternates(phrasings)
    topic = nearest.topic if nearest else TOPICS[0]
    topic_note = ("the nearest entry's topic" if nearest
                  else "no entry is near: choose one of " + ", ".join(TOPICS))
    lines = [
        f"# Draft entry from {group.count} unanswered question(s), the newest on "
        f"{iso(group.newest)[:10]} (tutor report --draft {group.id}).",
        "# Write `answer` and `explanation` and check the rest; then save this file in",
        f"# knowledge/ (or paste the entry into knowledge/{topic}.yaml) and run",
        "# `tutor kb validate`.",
        "entries:",
        f"  - id: {_quoted(_draft_id(phrasings, group.id, knowledge_base))}",  # "0" stays text
        f"    topic: {topic}  # {topic_note}",
        f"    question: {_quoted(_question(phrasings[0]))}",
        "    alternates:  # how the students asked it",
    ]
    for n, alternate in enumerate(alternates):
        note = "  # made up from their words: check" if n == asked else ""
        lines.append(f"      - {_quoted(alternate)}{note}")
    keywords = ", ".join(_quoted(k) for k in _keywords(phrasings))
    lines += [
        f"    keywords: [{keywords}]",
        '    answer: ""  # TO DO (instructor): the short answer, Markdown with $...$ LaTeX',
        '    explanation: ""  # TO DO (instructor): the why, a few paragraphs, with the maths',
        "    misconceptions:  # a first one; replace it with the mistakes this question tests",
        f"      - {_quoted(_misconception(nearest, group.nearest_score))}",
    ]
    if nearest:
        lines.append(f"    related: [{_quoted(nearest.id)}]  # the nearest entry now "
                     f"(score {group.nearest_score:.2f})")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar (JSON's escapes are YAML's too)."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS]


def _representative_first(phrasings: list[str]) -> list[str]:
    """The phrasings with the commonest wording (as the matcher reads it) first: "what is
    a capsule network" asked twice beats the newest "whats a capsule netwrok?"."""
    counts = Counter(" ".join(words(p)) for p in phrasings)
    best = max(range(len(phrasings)), key=lambda i: (counts[" ".join(words(phrasings[i]))], -i))
    return [phrasings[best], *phrasings[:best], *phrasings[best + 1:]]


def _question(phrasing: str) -> str:
    """A phrasing as the entry's question: capitalised, a question mark after a question
    word's sentence, its dollars literal unless they pair up as maths."""
    text = phrasing[:1].upper() + phrasing[1:]
    first = (words(text) or [""])[0]
    if first in _QUESTION_WORDS and text[-1:] not in ".?!":
        text += "?"
    if unbalanced_math(text):
        text = text.replace("\\$", "$").replace("$", "\\$")
    return text


def _alternates(phrasings: list[str]) -> tuple[list[str], int]:
    """The distinct phrasings (as the matcher reads them), topped up to the minimum with
    phrasings made from the first one's content words; returns them and how many were
    the students' own."""
    chosen: list[str] = []
    seen: set[str] = set()

    def add(text: str) -> None:
        key = " ".join(words(text)) or text
        if text and key not in seen:
            seen.add(key)
            chosen.append(text)

    for phrasing in phrasings:
        add(phrasing)
    asked = len(chosen)
    content = " ".join(_content_words(phrasings[0])) or " ".join(words(phrasings[0]))
    made = [content, f"explain {content}", f"what is {content}"] if content else []
    made += [f"{phrasings[0]} ({n})" for n in range(2, MIN_ALTERNATES + 1)]  # last resort
    for text in made:
        if len(chosen) >= MIN_ALTERNATES:
            break
        add(text.strip())
    return chosen[:max(DRAFT_ALTERNATES, MIN_ALTERNATES)], asked


def _keywords(phrasings: list[str]) -> list[str]:
    """Short content phrases of the phrasings (four words at most), else their commonest
    content words."""
    phrases = dict.fromkeys(" ".join(c) for p in phrasings
                            if 0 < len(c := _content_words(p)) <= 4)
    if phrases:
        return list(phrases)[:3]
    common = Counter(w for p in phrasings for w in dict.fromkeys(_content_words(p))
                     if len(w) > 2 and not w.isdigit())
    return [w for w, _ in common.most_common(3)]


def _draft_id(phrasings: list[str], group_id: int, knowledge_base: KnowledgeBase) -> str:
    """A kebab-case id from the first phrasing's content words, not taken by any entry."""
    base = "-".join(_content_words(phrasings[0])[:DRAFT_ID_WORDS])[:60].strip("-")
    base = base or f"unanswered-{group_id}"
    candidate, n = base, 2
    while candidate in knowledge_base.entries:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _misconception(nearest, score: float) -> str:
    if nearest is None or score < _RELATED_SCORE:
        return "Answering a neighbouring question instead of this one."
    question = " ".join(nearest.question.split())
    if len(question) <= _SHORT_QUESTION:
        return f"Taking this for the related question “{question}”; they are not the same."
    return "Taking this for a related question the tutor already answers; they are not the same."
