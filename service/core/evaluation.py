"""`tutor eval`: score the tutor on cases in the format of shared/eval/dev.yaml.

Figures: in-scope top-1 accuracy and MRR@3 (from the ranked search); what the student got for
an in-scope question: answered outright with the right entry, confidently wrong (answered with
another entry), "did you mean" whose first offer was right, or read as a calculation;
out-of-scope rejection (the reply's kind is "fallback") and out-of-scope questions that were
offered suggestions anyway; calculation accuracy (kind "calculation" and every expected string
in the reply), calculations worked out with other numbers, and calculations that lack a value
or are ambiguous (`expect: clarify`) left uncomputed, and questions about the idea that hold
numbers (`expect: not-calculation`) neither computed nor asked for values; top-1 per topic.
Every failure is listed with what came back and its score.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Case:
    """One evaluation case: the question, the acceptable ids or "fallback"/"calculation"/
    "clarify" (a calculation that lacks a value or is ambiguous: not to be worked out)/
    "not-calculation" (a question about the idea that holds numbers: "why does dilation 2 add
    no parameters?"; answered or offered entries, never computed nor asked for values)."""

    question: str
    expect: tuple[str, ...]
    contains: tuple[str, ...] = ()

    @property
    def category(self) -> str:
        if self.expect == ("fallback",):
            return "out-of-scope"
        if self.expect == ("calculation",):
            return "calculation"
        if self.expect == ("clarify",):
            return "incomplete calculation"
        if self.expect == ("not-calculation",):
            return "conceptual with numbers"
        return "in-scope"


@dataclass
class Failure:
    case: Case
    got: str
    score: float


@dataclass
class Report:
    """Counts per category and per topic, and the failures."""

    totals: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    hits: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    failures: list[Failure] = field(default_factory=list)

    def rate(self, key: str) -> float | None:
        return self.hits[key] / self.totals[key] if self.totals[key] else None

    def figures(self) -> dict[str, float | None]:
        """The headline figures, as fractions in 0..1 (None where there were no cases)."""
        names = ["in-scope top-1", "in-scope MRR@3", "in-scope answered",
                 "in-scope confidently wrong", "in-scope did-you-mean, right first",
                 "in-scope read as a calculation", "out-of-scope rejection",
                 "out-of-scope with suggestions", "calculation accuracy",
                 "calculation computed wrong", "incomplete calculation not computed",
                 "conceptual with numbers not computed"]
        figures = {name: self.rate(name) for name in names}
        for key in sorted(self.totals):
            if key.startswith("topic "):
                figures[key] = self.rate(key)
        return figures


def load_cases(path: str | Path) -> list[Case]:
    """Read cases; raises ValueError naming the case that is malformed."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected a list of cases")
    cases = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or "q" not in item or "expect" not in item:
            raise ValueError(f"{path}: case {number} needs 'q' and 'expect'")
        expect = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
        cases.append(Case(str(item["q"]), tuple(map(str, expect)),
                          tuple(map(str, item.get("contains") or ()))))
    return cases


def evaluate_cases(tutor, cases: list[Case]) -> Report:
    """Run every case through the tutor (each in a fresh session) and the matcher."""
    report = Report()
    topics = {e.id: e.topic for e in tutor.knowledge_base.entries.values()}
    for case in cases:
        reply = tutor.respond(case.question)
        if case.category == "out-of-scope":
            ok = reply.kind == "fallback"
            _count(report, "out-of-scope rejection", ok)
            _count(report, "out-of-scope with suggestions", bool(reply.suggestions))
            if not ok:
                report.failures.append(Failure(case, f"{reply.kind} {reply.entry_id or ''}",
                                               reply.confidence))
        elif case.category == "calculation":
            ok = reply.kind == "calculation" and all(s in reply.reply for s in case.contains)
            _count(report, "calculation accuracy", ok)
            # worse than asking back or not computing: a calculation with other numbers
            _count(report, "calculation computed wrong", reply.kind == "calculation" and not ok)
            if not ok:
                report.failures.append(Failure(case, f"{reply.kind}: {reply.reply[:200]}",
                                               reply.confidence))
        elif case.category == "conceptual with numbers":
            # a calculation, or a request for the values one would need, misreads the question
            ok = reply.kind != "calculation" and not (reply.kind == "clarify" and
                                                      not reply.suggestions)
            _count(report, "conceptual with numbers not computed", ok)
            if not ok:
                report.failures.append(Failure(case, f"{reply.kind}: {reply.reply[:200]}",
                                               reply.confidence))
        elif case.category == "incomplete calculation":
            # asked back, or answered from the knowledge base: anything but made-up numbers
            ok = reply.kind != "calculation"
            _count(report, "incomplete calculation not computed", ok)
            if not ok:
                report.failures.append(Failure(case, f"{reply.kind}: {reply.reply[:200]}",
                                               reply.confidence))
        else:
            ranked = [m.entry_id for m in tutor.matcher.search(case.question, limit=3)]
            rank = next((i for i, e in enumerate(ranked, start=1) if e in case.expect), None)
            topic = topics.get(case.expect[0], "unknown")
            top1 = rank == 1
            _count(report, "in-scope top-1", top1)
            _count(report, f"topic {topic}", top1)
            report.totals["in-scope MRR@3"] += 1
            report.hits["in-scope MRR@3"] += 1 / rank if rank else 0.0
            answered = reply.kind == "answer" and reply.entry_id in case.expect
            _count(report, "in-scope answered", answered)
            _count(report, "in-scope confidently wrong",
                   reply.kind == "answer" and reply.entry_id not in case.expect)
            _count(report, "in-scope did-you-mean, right first", reply.kind == "clarify" and bool(
                reply.suggestions) and reply.suggestions[0].entry_id in case.expect)
            _count(report, "in-scope read as a calculation", reply.kind == "calculation")
            if not top1 or not answered:
                report.failures.append(Failure(
                    case, f"{ranked[0] if ranked else 'nothing'} ({reply.kind})",
                    reply.confidence))
    return report


def _count(report: Report, key: str, ok: bool) -> None:
    report.totals[key] += 1
    report.hits[key] += 1 if ok else 0


def format_report(report: Report) -> str:
    """The figures and failures as text for a terminal."""
    lines = []
    for name, value in report.figures().items():
        shown = "n/a" if value is None else f"{value:6.1%}"
        count = report.totals[name]
        lines.append(f"{name:<36} {shown}  ({count} cases)")
    if report.failures:
        lines.append("")
        lines.append(f"Failures ({len(report.failures)}):")
        for failure in report.failures:
            expected = ", ".join(failure.case.expect)
            if failure.case.contains:
                expected += f" containing {list(failure.case.contains)}"
            lines.append(f"- {failure.case.question!r}\n    expected {expected}; "
                         f"got {failure.got} (score {failure.score:.3f})")
    return "\n".join(lines)
